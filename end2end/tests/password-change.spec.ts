import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, apiSetPassword, apiUserByName, hydrated, logIn, uniqueName } from "./helpers";

const TEMPORARY = "temporary-password-1";
const CHOSEN = "my-own-password-1";

async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("a temporary password must be changed before anything else", async ({ page, request }) => {
  const username = uniqueName("temp");
  const user = await apiCreateUser(request, { username, password: "first-password-1" });
  await apiSetPassword(request, user.id, TEMPORARY, true);

  const current = page.getByLabel("Current password");
  const fresh = page.getByLabel(/^New password/);
  const repeat = page.getByLabel("Repeat new password");
  const change = page.getByRole("button", { name: "Change password" });

  await test.step("logging in lands on the change-password page", async () => {
    await submitLogin(page, username, TEMPORARY);
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByRole("heading", { level: 1, name: "Change password" })).toBeVisible();
    await expect(page.getByTestId("password-change-required")).toContainText(
      "An administrator set a temporary password for your account.",
    );
  });

  await test.step("every other page leads back here", async () => {
    for (const path of ["/account", "/users", "/"]) {
      await page.goto(path);
      await expect(page, `${path} redirects`).toHaveURL(/\/account\/password$/);
    }
  });

  await test.step("mistakes are explained next to the fields", async () => {
    await hydrated(page);
    await current.fill("not-the-password");
    await fresh.fill(CHOSEN);
    await repeat.fill(CHOSEN);
    await change.click();
    await expect(page.locator("#field-current_password-error")).toHaveText("The current password is not correct.");
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/account\/password/);

    await hydrated(page);
    await current.fill(TEMPORARY);
    await fresh.fill(TEMPORARY);
    await repeat.fill(TEMPORARY);
    await change.click();
    await expect(page.locator("#field-new_password-error")).toHaveText(
      "Choose a password different from the current one.",
    );

    await hydrated(page);
    await current.fill(TEMPORARY);
    await fresh.fill(CHOSEN);
    await repeat.fill(CHOSEN + "x");
    await change.click();
    await expect(page.locator("#field-new_password_confirm-error")).toHaveText("The passwords do not match.");
    expect((await apiUserByName(request, username))?.password_change_required).toBe(true);
  });

  await test.step("a new password ends the requirement", async () => {
    await hydrated(page);
    await current.fill(TEMPORARY);
    await fresh.fill(CHOSEN);
    await repeat.fill(CHOSEN);
    await change.click();
    await expect(page).toHaveURL(/\/account(\?password=changed)?$/);
    await expect(page.getByTestId("account-username")).toHaveText(username);
    await expect(page.getByTestId("password-change-required")).toHaveCount(0);
    expect((await apiUserByName(request, username))?.password_change_required).toBe(false);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account$/);
  });

  await test.step("the old password is gone, the new one works", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await submitLogin(page, username, TEMPORARY);
    await expect(page.getByRole("alert")).toContainText("Invalid username or password.");
    await submitLogin(page, username, CHOSEN);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("whoami")).toHaveText(username);
  });
});

test("an admin sets a temporary password in the panel; the user is made to change it", async ({ page, browser }) => {
  const username = uniqueName("tempui");
  await logIn(page, ADMIN);
  await page.goto("/users/new");
  await hydrated(page);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("first-password-1");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();
  await page.getByRole("tab", { name: "Security" }).click();
  await page.getByLabel("New password").fill(TEMPORARY);
  await page.getByLabel("Temporary: the user must choose a new one at the next login").check();
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set.")).toBeVisible();

  // The user, in a browser of their own.
  const context = await browser.newContext();
  const userPage = await context.newPage();
  await submitLogin(userPage, username, TEMPORARY);
  await expect(userPage).toHaveURL(/\/account\/password$/);
  await expect(userPage.getByTestId("password-change-required")).toBeVisible();
  await hydrated(userPage);
  await userPage.getByLabel("Current password").fill(TEMPORARY);
  await userPage.getByLabel(/^New password/).fill(CHOSEN);
  await userPage.getByLabel("Repeat new password").fill(CHOSEN);
  await userPage.getByRole("button", { name: "Change password" }).click();
  await expect(userPage.getByTestId("account-username")).toHaveText(username);
  await context.close();

  // The admin's view of the account follows.
  await page.reload();
  await page.getByRole("tab", { name: "Profile" }).click();
  await expect(page.getByTestId("user-attributes").locator("dt:text-is('Password') + dd")).toHaveText(
    "set by the user",
  );
});
