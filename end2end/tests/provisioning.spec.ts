import { expect, test } from "./fixtures";
import { ADMIN, basicAuth, expectNoSeriousA11yViolations, hydrated, logIn } from "./helpers";

// end2end/start-server.sh writes a provisioning file (one organisation, one
// user who is an editor in it) and the server applies it at start.
const USER = "provisioned-user";
const ORG = "Provisioned Org";

test("the provisioned user exists from the start", async ({ request }) => {
  const res = await request.get(`/api/admin/v1/users/by-username/${USER}`, { headers: basicAuth(ADMIN) });
  expect(res.status()).toBe(200);
  const user = (await res.json()).data.attributes;
  expect(user.display_name).toBe("Provisioned User");
  expect(user.memberships).toEqual([expect.objectContaining({ org_name: ORG, role: "editor" })]);
});

test("Settings reloads provisioning and shows what it did", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/settings");
  await hydrated(page);

  const section = page.getByTestId("provisioning");
  await expect(section.getByRole("heading", { name: "Provisioning" })).toBeVisible();
  // The settings table names the file.
  await expect(page.getByTestId("setting-row").filter({ hasText: "GATEHOUSE_PROVISIONING_FILE" })).toContainText(
    "provisioning.toml",
  );

  const button = section.getByRole("button", { name: "Reload provisioning" });
  await button.click();
  const report = section.getByTestId("provisioning-report");
  await expect(report).toBeVisible();
  // Applied at start already: the same file again changes nothing.
  await expect(section.getByTestId("provisioning-created")).toHaveText("0");
  await expect(section.getByTestId("provisioning-changed")).toHaveText("0");
  await expect(section.getByTestId("provisioning-unchanged")).toHaveText("3");
  await expect(report).toContainText("0 created, 0 changed, 3 unchanged");

  const items = section.getByTestId("provisioning-item");
  await expect(items).toHaveCount(3);
  await expect(items.filter({ hasText: USER }).first()).toHaveAttribute("data-outcome", "unchanged");
  await expect(section.locator('[data-testid=provisioning-item][data-kind=org]')).toContainText(ORG);
  await expect(section.locator('[data-testid=provisioning-item][data-kind=membership]')).toContainText(
    `${ORG}/${USER}`,
  );
  // The button is usable again once the reload answered.
  await expect(button).toBeEnabled();
  await expectNoSeriousA11yViolations(page, "the settings page with a provisioning report");
});

test("a reload is recorded in the audit log", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/settings");
  await hydrated(page);
  await page.getByTestId("provisioning").getByRole("button", { name: "Reload provisioning" }).click();
  await expect(page.getByTestId("provisioning-report")).toBeVisible();
  await page.goto("/audit?filter[action]=provisioning.reload");
  await expect(page.getByText("provisioning.reload").first()).toBeVisible();
});
