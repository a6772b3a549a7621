import { expect, test } from "./fixtures";
import { ADMIN, apiUserByName, expectNoSeriousA11yViolations, hydrated, logIn, navLink, uniqueName } from "./helpers";

test("an admin hands out a registration link; a visitor registers with it and is logged in", async ({
  page,
  browser,
  request,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const token = uniqueName("invite");

  await logIn(page, ADMIN);
  await navLink(page, "Registration tokens");
  await expect(page).toHaveURL(/\/registration-tokens$/);
  await hydrated(page);
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByLabel("Uses allowed").fill("3");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("reg-token-created")).toContainText(token);

  const row = page.locator(`tr[data-token="${token}"]`);
  await expect(row.getByTestId("reg-token-state")).toHaveText("valid");
  await expect(row.getByTestId("reg-token-usage")).toHaveText("0 / 3");
  await expect(row.locator("meter")).toHaveAttribute("max", "3");

  // The copy button puts the link on the clipboard; the field shows it too.
  const link = await row.getByTestId("reg-token-link").inputValue();
  expect(link).toMatch(new RegExp(`/register\\?token=${token}$`));
  await row.getByRole("button", { name: `Copy link for ${token}` }).click();
  await expect(row.getByRole("status")).toHaveText(/Copied|selected/);
  const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
  if (copied !== null) expect(copied).toBe(link);

  await expectNoSeriousA11yViolations(page, "the registration tokens page");

  // A visitor, in a browser of their own, follows the link.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const username = uniqueName("joiner");
  await visitor.goto(link);
  await hydrated(visitor);
  await expect(visitor.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await expect(visitor.locator("#field-token")).toHaveValue(token);
  await visitor.locator("#field-username").fill(username);
  await visitor.locator("#field-password").fill("a-fresh-password-1");
  await visitor.locator("#field-password_confirm").fill("a-fresh-password-1");
  await visitor.getByRole("button", { name: "Create account" }).click();
  await expect(visitor).toHaveURL(/\/account$/);
  await expect(visitor.getByTestId("whoami")).toHaveText(username);
  await visitorContext.close();

  // The admin sees the use counted, and where the account came from.
  await page.goto(`/registration-tokens?filter[used]=true`);
  await expect(row.getByTestId("reg-token-usage")).toHaveText("1 / 3");
  const user = await apiUserByName(request, username);
  expect(user).not.toBeNull();
  await page.goto(`/users/${user!.id}`);
  await expect(page.getByTestId("registered-with")).toContainText(token);

  // Revoking stops the link from working.
  await page.goto("/registration-tokens");
  await hydrated(page);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByTestId("reg-token-state")).toHaveText("revoked");
});

test("the registration page works without JavaScript and reports a bad token by the field", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Create one" }).click();
  await expect(page).toHaveURL(/\/register$/);
  await page.locator("#field-username").fill(uniqueName("nojs"));
  await page.locator("#field-password").fill("a-fresh-password-1");
  await page.locator("#field-password_confirm").fill("a-fresh-password-1");
  await page.locator("#field-token").fill("no-such-token");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-token-error")).toHaveText("This registration token is not valid.");
  await context.close();
});
