import { expect, test } from "@playwright/test";
import { ADMIN, uniqueName } from "./helpers";

// Plain HTML forms: the server renders, redirects and reports errors itself.
test.use({ javaScriptEnabled: false });

test("creating a user works without JavaScript", async ({ page }) => {
  const username = uniqueName("nojs");

  await page.goto("/login");
  await page.locator("#username").fill(ADMIN.username);
  await page.locator("#password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByTestId("whoami")).toHaveText(ADMIN.username);

  await page.goto("/users/new");
  await expect(page.getByRole("heading", { level: 1, name: "New user" })).toBeVisible();

  // A validation error comes back from the server in the rendered page.
  await page.getByLabel("Username").fill(username.toUpperCase());
  await page.getByLabel("Password").fill("a-good-password-9");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/users\/new/);
  await expect(page.locator("#field-username-error")).toHaveText("Username must be lowercase.");
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field.has-error")).toHaveCount(1);

  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Display name").fill("No Script");
  await page.getByLabel("Email").fill(`${username}@example.org`);
  await page.getByLabel("Password").fill("a-good-password-9");
  await page.getByLabel("Server administrator").check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9A-Z]{26}$/);
  // The heading: the username and the status badge.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${username} active`);
  const attributes = page.getByTestId("user-attributes");
  await expect(attributes).toContainText("No Script");
  await expect(attributes).toContainText(`${username}@example.org`);
  // The checkbox was posted: the new user is an administrator.
  await expect(attributes.locator("dt:text-is('Server administrator') + dd")).toHaveText("yes");

  // The users list renders on the server too, filter included.
  await page.goto(`/users?q=${username}`);
  await expect(page.getByTestId("users-count")).toHaveText("1 user");
  await expect(page.locator("table.data tbody").getByRole("link", { name: username })).toBeVisible();
});
