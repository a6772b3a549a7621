import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, expectNoSeriousA11yViolations, hydrated, logIn, uniqueName } from "./helpers";

test("an admin adds a contact with the autocomplete, changes it and removes it", async ({ page, request }) => {
  const owner = await apiCreateUser(request, { username: uniqueName("roster") });
  // A distinctive prefix, so the suggestions are only ours.
  const stem = uniqueName("buddy");
  const friend = await apiCreateUser(request, { username: `${stem}-a`, display_name: "Friend Example" });
  await apiCreateUser(request, { username: `${stem}-b` });

  await logIn(page, ADMIN);
  await page.goto(`/users/${owner.id}`);
  await hydrated(page);
  await page.getByRole("tablist", { name: "User sections" }).getByRole("tab", { name: "Contacts" }).click();
  await expect(page).toHaveURL(/\?tab=contacts$/);
  await expect(page.getByRole("tab", { name: "Contacts" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("no-contacts")).toBeVisible();

  // Typing part of a name fills the suggestions; one of them is chosen.
  const username = page.getByLabel("Username");
  await username.pressSequentially(stem.slice(0, 12));
  const suggestions = page.getByTestId("contact-suggestions").locator("option");
  await expect(suggestions).toHaveCount(2);
  await expect(suggestions.first()).toHaveAttribute("value", friend.username);
  await username.fill(friend.username);
  await page.getByLabel("Subscription").selectOption("both");
  await page.getByLabel("Groups (optional)").fill("Friends, Work");
  await page.getByRole("button", { name: "Add contact" }).click();

  const row = page.getByTestId("contact-row").filter({ hasText: friend.username });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: friend.username })).toHaveAttribute("href", `/users/${friend.id}`);
  await expect(row.locator("td[data-label='Display name']")).toHaveText("Friend Example");
  await expect(row.locator("td[data-label=Subscription]")).toHaveText("both");
  await expect(row.locator("td[data-label=Groups]")).toContainText("Friends");
  await expect(row.locator("td[data-label=Groups]")).toContainText("Work");
  await expect(username).toHaveValue("");

  // Adding the same contact again: the error is shown under the field.
  await username.fill(friend.username);
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.locator("#field-contact-error")).toContainText("already a contact");
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page, "the Contacts tab with a field error");

  // Change the subscription in the row's form.
  await row.getByText("Edit…").click();
  await row.getByLabel("Subscription").selectOption("to");
  await row.getByRole("button", { name: `Save ${friend.username}` }).click();
  const changed = page.getByTestId("contact-row").filter({ hasText: friend.username });
  await expect(changed.locator("td[data-label=Subscription]")).toHaveText("to");
  await expect(changed.locator("td[data-label=Groups]")).toContainText("Friends");

  // Remove it, after confirming.
  await changed.getByText("Remove…").click();
  await expect(changed.getByRole("group", { name: "Confirm" })).toContainText(`Remove ${friend.username} from`);
  await changed.getByRole("button", { name: `Remove ${friend.username}` }).click();
  await expect(page.getByTestId("contact-row")).toHaveCount(0);
  await expect(page.getByTestId("no-contacts")).toBeVisible();

  // A reload (a full server render) still shows the tab, now empty.
  await page.reload();
  await expect(page.getByTestId("no-contacts")).toBeVisible();
});

test("the add form works without JavaScript", async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const owner = await apiCreateUser(request, { username: uniqueName("plain") });
  const friend = await apiCreateUser(request, { username: uniqueName("plainfriend") });
  // The login form as a plain post (no hydration to wait for).
  await page.goto("/login");
  await page.locator("#username").fill(ADMIN.username);
  await page.locator("#password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("whoami")).toHaveText(ADMIN.username);
  await page.goto(`/users/${owner.id}?tab=contacts`);
  await page.getByLabel("Username").fill("nobody-by-that-name");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.locator("#field-contact-error")).toContainText("no user named");

  await page.getByLabel("Username").fill(friend.username);
  await page.getByLabel("Groups (optional)").fill("Team");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page).toHaveURL(/\?tab=contacts$/);
  const row = page.getByTestId("contact-row").filter({ hasText: friend.username });
  await expect(row.locator("td[data-label=Groups]")).toHaveText("Team");
  await context.close();
});
