import { expect, test, type Page } from "@playwright/test";
import { ADMIN, MEMBER, expectNoSeriousA11yViolations, hydrated, logIn } from "./helpers";

async function check(page: Page, what: string): Promise<void> {
  await hydrated(page);
  await expectNoSeriousA11yViolations(page, what);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colours`, () => {
    test.use({ colorScheme });

    test("admin pages have no serious accessibility problems", async ({ page }) => {
      await page.goto("/login");
      await check(page, "/login");

      // The login error notice.
      await page.locator("#username").fill(ADMIN.username);
      await page.locator("#password").fill("wrong-password");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      await check(page, "/login with an error");

      await logIn(page, ADMIN);
      await page.goto("/users");
      await expect(page.locator("table.data tbody tr").first()).toBeVisible();
      await check(page, "/users");

      await page.goto("/users/new");
      await expect(page.getByRole("button", { name: "Create user" })).toBeVisible();
      await check(page, "/users/new");
      await hydrated(page);
      await page.getByLabel("Username").fill("Bad Name");
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Create user" }).click();
      await expect(page.locator("p.field-error").first()).toBeVisible();
      await check(page, "/users/new with field errors");

      await page.goto("/users?q=seed&size=10");
      await hydrated(page);
      await page.locator("table.data tbody tr").first().getByRole("link").click();
      await expect(page.getByTestId("user-attributes")).toBeVisible();
      await check(page, "a user detail page");

      await page.goto("/account");
      await expect(page.getByTestId("account-username")).toHaveText(ADMIN.username);
      await check(page, "/account");
    });
  });
}

test("narrow screen (375px): stacked table and member pages", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await logIn(page, ADMIN);
  await page.goto("/users?q=seed&size=10");
  await expect(page.locator("table.data tbody tr")).toHaveCount(10);
  await check(page, "/users at 375px");
  // No sideways scrolling of the whole page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "horizontal overflow at 375px").toBeLessThanOrEqual(0);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, MEMBER);
  await check(page, "/account at 375px");
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
  await check(page, "the 403 page at 375px");
});
