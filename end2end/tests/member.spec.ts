import { expect, test } from "./fixtures";
import { MEMBER, logIn } from "./helpers";

test("a non-admin is refused /users and sees their own account", async ({ page }) => {
  await logIn(page, MEMBER);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await expect(page.getByTestId("account-username")).toHaveText(MEMBER.username);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "My account" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(page.locator(".who .badge.admin")).toHaveCount(0);

  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "403 — Administrators only" })).toBeVisible();
  await expect(page.locator("table.data")).toHaveCount(0);

  const detail = await page.goto("/users/new");
  expect(detail?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "403 — Administrators only" })).toBeVisible();

  await page.getByRole("link", { name: "Go to my account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-username")).toHaveText(MEMBER.username);
});
