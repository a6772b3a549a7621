import { expect, test } from "@playwright/test";
import { ADMIN } from "./helpers";

// The interactive docs at /api/doc/ are served by Gatehouse itself (no
// internet) and call the real API with the credentials given in Authorize.
test("API docs: authorize, try GET /users, see users", async ({ page }) => {
  await page.goto("/api/doc/");
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Gatehouse admin API");

  await page.locator(".auth-wrapper").getByRole("button", { name: "Authorize" }).click();
  const dialog = page.locator(".modal-ux");
  // The "basic" scheme: an administrator's username and password.
  const basic = dialog.locator(".auth-container").filter({
    has: page.locator("h4", { hasText: /^\s*basic\b/ }),
  });
  await basic.locator('input[type="text"]').fill(ADMIN.username);
  await basic.locator('input[type="password"]').fill(ADMIN.password);
  await basic.getByRole("button", { name: "Authorize" }).click();
  await expect(basic.getByRole("button", { name: "Logout" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).first().click();

  const list = page.locator("#operations-users-list_users");
  await list.locator(".opblock-summary").first().click();
  // tryItOutEnabled opens the form already; click "Try it out" if it is not.
  const tryIt = list.getByRole("button", { name: "Try it out" });
  if (await tryIt.isVisible()) await tryIt.click();
  await list.getByRole("button", { name: "Execute" }).click();

  const live = list.locator(".live-responses-table");
  await expect(live.locator("td.response-col_status").first()).toHaveText("200");
  await expect(live.locator("td.response-col_description").first()).toContainText(/"type":\s*"user"/);
  await expect(live.locator("td.response-col_description").first()).toContainText(`"username": "${ADMIN.username}"`);
});
