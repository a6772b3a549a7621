import { expect, test } from "./fixtures";
import { ADMIN } from "./helpers";

const basic = "Basic " + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString("base64");

// The interactive docs at /api/doc/ are served by Gatehouse itself (no
// internet) and call the real API with the credentials given in Authorize.
test("API docs: authorize with a bearer token, try GET /users, see users", async ({ page, request }) => {
  // A personal admin token, made through the API itself.
  const me = await request.get(`/api/admin/v1/users/by-username/${ADMIN.username}`, {
    headers: { Authorization: basic },
  });
  expect(me.status()).toBe(200);
  const adminId = (await me.json()).data.id;
  const created = await request.post(`/api/admin/v1/users/${adminId}/tokens`, {
    headers: { Authorization: basic },
    data: { name: "api docs test", expires_in: 600 },
  });
  expect(created.status()).toBe(201);
  const secret: string = (await created.json()).meta.secret;

  await page.goto("/api/doc/");
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Gatehouse admin API");

  await page.locator(".auth-wrapper").getByRole("button", { name: "Authorize" }).click();
  const dialog = page.locator(".modal-ux");
  // The "bearer" scheme: the token's secret. Each scheme is its own form.
  const bearer = dialog.locator("form").filter({ has: page.locator("h4 code", { hasText: /^bearer$/ }) });
  await bearer.getByLabel("auth-bearer-value").fill(secret);
  await bearer.getByRole("button", { name: "Apply credentials" }).click();
  await expect(bearer.getByRole("button", { name: /Logout|Remove authorization/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).first().click();

  const list = page.locator("#operations-users-list_users");
  await list.locator(".opblock-summary").first().click();
  // tryItOutEnabled opens the form already; click "Try it out" if it is not.
  const tryIt = list.getByRole("button", { name: "Try it out" });
  if (await tryIt.isVisible()) await tryIt.click();
  // Try-it-out starts from the documented examples; clear the filters to list everyone.
  for (const input of await list.locator(".parameters input[type=text]").all()) await input.fill("");
  for (const select of await list.locator(".parameters select").all()) await select.selectOption({ index: 0 });
  await list.getByRole("button", { name: "Execute" }).click();

  const live = list.locator(".live-responses-table");
  await expect(live.locator("td.response-col_status:not(.col_header)").first()).toHaveText("200");
  await expect(live.locator("td.response-col_description:not(.col_header)").first()).toContainText(/"type":\s*"user"/);
  await expect(live.locator("td.response-col_description:not(.col_header)").first()).toContainText(`"username": "${ADMIN.username}"`);
});
