import { expect, test, type Page } from "@playwright/test";
import { ADMIN, hydrated, logIn, uniqueName } from "./helpers";

/** Creates a user through the form and returns on their page. */
async function createUser(page: Page, username: string): Promise<void> {
  await page.goto("/users/new");
  await hydrated(page);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();
  await hydrated(page);
}

const status = (page: Page) => page.getByTestId("user-attributes").locator(".badge[class*=status-]");

test("lock and unlock a user, with a confirmation step", async ({ page }) => {
  const username = uniqueName("lockme");
  await logIn(page, ADMIN);
  await createUser(page, username);
  await expect(status(page)).toHaveText("active");

  // The destructive button only appears after opening the confirmation.
  const lockButton = page.getByRole("button", { name: `Lock ${username}` });
  await expect(lockButton).toBeHidden();
  await page.getByText("Lock…").click();
  await expect(page.getByText(`Lock ${username}? They cannot log in`)).toBeVisible();
  await lockButton.click();
  await expect(status(page)).toHaveText("locked");

  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(status(page)).toHaveText("active");
});

test("an admin cannot lock their own account, and deleting returns to the list", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto(`/users?q=${ADMIN.username}`);
  await page.getByRole("link", { name: ADMIN.username, exact: true }).click();
  await hydrated(page);
  await page.getByText("Lock…").click();
  await page.getByRole("button", { name: `Lock ${ADMIN.username}` }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot lock your own account.");

  const username = uniqueName("deleteme");
  await createUser(page, username);
  await page.getByText("Delete…").click();
  await page.getByRole("button", { name: `Delete ${username}` }).click();
  await expect(page).toHaveURL(/\/users$/);
  await page.goto(`/users?q=${username}`);
  await expect(page.getByTestId("users-count")).toHaveText("0 users");
});

test("the activity filter finds accounts not seen for a while, and keeps it in the URL", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/users");
  await hydrated(page);
  await page.getByLabel("Search").fill(ADMIN.username);
  await page.getByLabel("Activity").selectOption("30");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/dormant=30/);
  // The admin has just logged in: not dormant.
  await expect(page.getByTestId("users-count")).toHaveText("0 users");

  await page.goto("/users?q=seed-&dormant=30&size=10");
  await expect(page.getByTestId("users-count")).toHaveText("120 users");
  await expect(page.getByLabel("Activity")).toHaveValue("30");
});
