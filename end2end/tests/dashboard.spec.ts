import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, expectNoSeriousA11yViolations, hydrated, logIn, uniqueName } from "./helpers";

test("the dashboard's figures change live when a user is created elsewhere", async ({ page, request }) => {
  await logIn(page, ADMIN);
  await page.goto("/");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const total = page.getByTestId("stat-users-total");
  await expect(total).toHaveText(/^\d+$/);
  const before = Number(await total.innerText());
  const signups = page.getByTestId("chart-signups-total");
  const signupsBefore = Number((await signups.innerText()).match(/\d+/)![0]);
  await expect(page.getByTestId("chart-signups")).toHaveAttribute("role", "img");
  await expect(page.getByTestId("version")).toContainText("Gatehouse");

  // Someone else (a script, over the admin API) creates a user.
  await apiCreateUser(request, { username: uniqueName("dash") });

  // No reload: the open dashboard catches up on its own.
  await expect(total).toHaveText(String(before + 1), { timeout: 10_000 });
  await expect(signups).toContainText(`(${signupsBefore + 1} in 30 days)`, { timeout: 10_000 });
  await expectNoSeriousA11yViolations(page, "dashboard");
});

test("the settings page is searchable", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/settings");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 2, name: "[database]" })).toBeVisible();
  await page.getByLabel("Key, value or variable contains").fill("registration");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/settings\?q=registration(&|$)/);
  await expect(page.getByRole("heading", { level: 2, name: "[registration]" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "[database]" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "settings");
});
