import { expect, test } from "./fixtures";
import { ADMIN, hydrated, logIn, uniqueName } from "./helpers";

// The whole story of issue 6: an organisation and an invitation, a visitor
// registering with the link, and the admin placing the new account.
test("a visitor registers with an invitation link and the admin places them in an organisation", async ({
  browser,
  page,
}) => {
  const orgName = uniqueName("Team");
  const token = uniqueName("welcome");

  await logIn(page, ADMIN);
  await page.goto("/orgs");
  await hydrated(page);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(orgName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgName);

  await page.goto("/registration-tokens");
  await hydrated(page);
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByLabel("Uses allowed").fill("1");
  await page.getByRole("button", { name: "Create token" }).click();
  const row = page.locator(`tr[data-token="${token}"]`);
  await expect(row.getByTestId("reg-token-usage")).toHaveText("0 / 1");
  const link = await row.getByTestId("reg-token-link").inputValue();

  // The visitor, in a browser of their own.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const username = uniqueName("newcomer");
  await visitor.goto(link);
  await hydrated(visitor);
  await expect(visitor.locator("#field-token")).toHaveValue(token);
  await visitor.locator("#field-username").fill(username);
  await visitor.locator("#field-password").fill("newcomer-password-1");
  await visitor.locator("#field-password_confirm").fill("newcomer-password-1");
  await visitor.getByRole("button", { name: "Create account" }).click();
  await expect(visitor.getByTestId("whoami")).toHaveText(username);
  await visitor.goto("/account");
  await expect(visitor.getByTestId("no-my-orgs")).toBeVisible();

  // The admin sees the use, finds the account and adds it to the organisation as editor.
  await page.reload();
  await expect(row.getByTestId("reg-token-usage")).toHaveText("1 / 1");
  await page.goto(`/users?filter[search]=${encodeURIComponent(username)}`);
  await page.getByRole("link", { name: username, exact: true }).click();
  await expect(page.getByTestId("registered-with")).toContainText(token);
  await page.getByRole("tablist", { name: "User sections" }).getByRole("tab", { name: "Organisations" }).click();
  await expect(page).toHaveURL(/\?tab=orgs$/);
  await hydrated(page);
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: orgName });
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "Add to organisation" }).click();
  const membership = page.getByTestId("membership-row").filter({ hasText: orgName });
  await expect(membership.getByLabel(`Role in ${orgName}`)).toHaveValue("editor");

  // The new user sees the organisation on their account page.
  await visitor.reload();
  await expect(visitor.getByTestId("my-org")).toContainText(orgName);
  await expect(visitor.getByTestId("my-org")).toContainText("Editor");
  await visitorContext.close();
});
