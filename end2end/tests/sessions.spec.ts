import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, hydrated, logIn, navLink, uniqueName } from "./helpers";

const PASSWORD = "a-long-password-1";

test("an admin revokes a session on the user page: that browser's next click lands on login", async ({
  page,
  browser,
  request,
}) => {
  const username = uniqueName("revoked");
  const user = await apiCreateUser(request, { username, password: PASSWORD });

  // The user, in a browser of their own.
  const context = await browser.newContext();
  const userPage = await context.newPage();
  await logIn(userPage, { username, password: PASSWORD });
  await expect(userPage).toHaveURL(/\/account$/);
  await hydrated(userPage);
  await expect(userPage.getByTestId("my-sessions").getByTestId("this-session")).toBeVisible();

  await logIn(page, ADMIN);
  await page.goto(`/users/${user.id}?tab=sessions`);
  await expect(page.getByRole("tab", { name: "Sessions" })).toHaveAttribute("aria-selected", "true");
  await hydrated(page);
  const row = page.getByTestId("session-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("active");
  await expect(row.locator("td[data-label='IP address']")).toHaveText("127.0.0.1");
  await row.getByText("Revoke…").click();
  await row.getByRole("button", { name: "Revoke session" }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByText("Revoke…")).toHaveCount(0);

  // The user's open page is told over its live connection and goes to the
  // login page at once, before any click (a page without one would get
  // there on its next request, see tests/sessions.rs).
  await expect(userPage).toHaveURL(/\/login/);
  await expect(userPage.locator("#username")).toBeVisible();
  await context.close();
});

test("a user signs out their other session from the account page", async ({ browser, request }) => {
  const username = uniqueName("twice");
  await apiCreateUser(request, { username, password: PASSWORD });
  const elsewhere = await browser.newContext();
  const there = await elsewhere.newPage();
  await logIn(there, { username, password: PASSWORD });
  await hydrated(there);
  const mine = await browser.newContext();
  const here = await mine.newPage();
  await logIn(here, { username, password: PASSWORD });
  await hydrated(here);

  const rows = here.getByTestId("my-session-row");
  await expect(rows).toHaveCount(2);
  await expect(here.getByTestId("this-session")).toHaveCount(1);
  const other = rows.filter({ hasNot: here.getByTestId("this-session") });
  await other.getByText("Sign out…").click();
  await other.getByRole("button", { name: "Sign out this device" }).click();
  await expect(rows).toHaveCount(1);
  await expect(here.getByText("Sign out all other sessions…")).toHaveCount(0);

  // The other browser's page goes to the login page (told live)...
  await expect(there).toHaveURL(/\/login/);
  // ...while this one goes on.
  await here.reload();
  await expect(here.getByTestId("account-username")).toHaveText(username);
  await expect(rows).toHaveCount(1);
  await elsewhere.close();
  await mine.close();
});

test("sign out all other sessions, and the admin's Sessions page filters in the URL", async ({
  page,
  browser,
  request,
}) => {
  const username = uniqueName("many");
  await apiCreateUser(request, { username, password: PASSWORD });
  const contexts = [await browser.newContext(), await browser.newContext(), await browser.newContext()];
  const pages = [];
  for (const context of contexts) {
    const p = await context.newPage();
    await logIn(p, { username, password: PASSWORD });
    pages.push(p);
  }
  const here = pages[2];
  await hydrated(here);
  await expect(here.getByTestId("my-session-row")).toHaveCount(3);
  await here.getByText("Sign out all other sessions…").click();
  await here.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(here.getByTestId("my-session-row")).toHaveCount(1);

  await logIn(page, ADMIN);
  await navLink(page, "Sessions");
  await expect(page).toHaveURL(/\/sessions$/);
  await hydrated(page);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("State").selectOption("true");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions\\?filter%5Busername%5D=${username}&filter%5Bactive%5D=true`));
  await expect(page.getByTestId("sessions-count")).toHaveText("1 session");
  await page.getByLabel("State").selectOption("false");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("sessions-count")).toHaveText("2 sessions");
  // A reload renders the same filtered list on the server.
  await page.reload();
  await expect(page.getByTestId("sessions-count")).toHaveText("2 sessions");
  await expect(page.getByTestId("session-row").first()).toContainText(username);
  for (const context of contexts) await context.close();
});
