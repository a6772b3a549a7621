import { expect, test } from "./fixtures";
import { ADMIN, basicAuth, expectNoSeriousA11yViolations, hydrated, logIn, navLink } from "./helpers";

// Whatever happens below, later specs need registration back on.
test.afterEach(async ({ request }) => {
  await request.put("/api/admin/v1/modules/registration", { headers: basicAuth(ADMIN) });
});

test("switching registration off hides the register page and the login page's link", async ({ page, browser }) => {
  const visitor = await browser.newPage();
  await visitor.goto("/login");
  await expect(visitor.getByRole("link", { name: "Create one" })).toBeVisible();

  await logIn(page, ADMIN);
  await navLink(page, "Modules");
  await expect(page).toHaveURL(/\/modules$/);
  await hydrated(page);
  await expectNoSeriousA11yViolations(page, "the modules page");

  const toggle = page.getByRole("switch", { name: "registration module" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  // Disabling asks first.
  await toggle.click();
  await page.getByRole("button", { name: "Disable registration" }).click();
  await expect(page.getByRole("status").filter({ hasText: "module is" })).toContainText("The registration module is disabled.");
  await expect(page.getByRole("switch", { name: "registration module" })).toHaveAttribute("aria-checked", "false");

  const gone = await visitor.goto("/register");
  expect(gone?.status()).toBe(404);
  await expect(visitor.getByTestId("registration-closed")).toBeVisible();
  await visitor.goto("/login");
  await expect(visitor.getByRole("button", { name: "Log in" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Create one" })).toHaveCount(0);

  // Enabling is one click, and the page is back.
  await page.getByRole("switch", { name: "registration module" }).click();
  await expect(page.getByRole("switch", { name: "registration module" })).toHaveAttribute("aria-checked", "true");
  const back = await visitor.goto("/register");
  expect(back?.status()).toBe(200);
  await visitor.close();
});
