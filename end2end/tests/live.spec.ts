import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, hydrated, logIn, uniqueName } from "./helpers";

/** A fresh browser context (its own cookies) logged in as `who`. */
async function loggedIn(browser: Browser, who: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, who);
  return page;
}

test("the admin broadcasts and a connected user sees the toast live", async ({ browser, request }) => {
  const who = { username: uniqueName("live"), password: "live-password-1" };
  await apiCreateUser(request, who);
  const user = await loggedIn(browser, who);
  await user.goto("/account");
  await hydrated(user);

  const admin = await loggedIn(browser, ADMIN);
  await admin.goto("/broadcast");
  await hydrated(admin);
  // The audience is counted before sending: at least the user and the admin.
  await expect(admin.getByTestId("audience")).toContainText(/\d+ users are connected right now/);
  await expect(admin.getByTestId("online-count")).toHaveText(/^\d+ online$/);

  const text = `Maintenance at noon ${Date.now()}`;
  await admin.getByRole("textbox", { name: "Message" }).fill(text);
  await admin.getByRole("button", { name: "Send to everyone connected" }).click();
  await expect(admin.getByTestId("broadcast-result")).toHaveText(/Sent to \d+ users\./);

  // No reload on the user's side: the toast arrives over the live connection.
  const toast = user.getByTestId("toast").filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText(`Announcement from ${ADMIN.username}`);
  await expect(user.getByTestId("unread-count")).toHaveText(/^\d+$/);
  // The inbox on the same page refreshed too.
  await expect(user.getByTestId("inbox-message").filter({ hasText: text })).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss message" }).click();
  await expect(toast).toHaveCount(0);

  await user.context().close();
  await admin.context().close();
});

test("a message to an offline user is stored, then waits in their inbox", async ({ browser, request }) => {
  const who = { username: uniqueName("offline"), password: "offline-password-1" };
  const created = await apiCreateUser(request, who);

  const admin = await loggedIn(browser, ADMIN);
  await admin.goto(`/users/${created.id}?tab=messages`);
  await hydrated(admin);
  const text = `Please update your email ${Date.now()}`;
  await admin.getByRole("textbox", { name: "Message" }).fill(text);
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.getByTestId("message-result")).toContainText("Stored");

  // Empty bodies are refused next to the field.
  await admin.getByRole("textbox", { name: "Message" }).fill("   ");
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.locator("#field-body-error")).toHaveText("Write a message.");

  const user = await loggedIn(browser, who);
  await user.goto("/account");
  await hydrated(user);
  const item = user.getByTestId("inbox-message").filter({ hasText: text });
  await expect(item).toBeVisible();
  await expect(item).toContainText("new");
  await expect(user.getByTestId("unread-count")).toHaveText("1");
  // (It was pushed as a toast once, on the first page after logging in.)

  await item.getByRole("button", { name: "Mark as read" }).click();
  await expect(user.getByTestId("inbox-unread")).toHaveText("0 unread");
  await expect(user.getByTestId("unread-count")).toHaveCount(0);

  // A live message to the same user, now online, says so.
  await admin.getByRole("textbox", { name: "Message" }).fill("Thanks!");
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.getByTestId("message-result")).toContainText("Delivered");
  await expect(user.getByTestId("toast").filter({ hasText: "Thanks!" })).toBeVisible();

  // The admin's Connected page lists the user's open page.
  await admin.goto("/connections");
  await expect(admin.locator("table.data")).toContainText(who.username);

  await user.context().close();
  await admin.context().close();
});
