import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, hydrated, logIn, navLink, uniqueName } from "./helpers";

test("the audit log shows the lock just done, filtered, with a link to the user and their History tab", async ({
  page,
  request,
}) => {
  const username = uniqueName("audited");
  const user = await apiCreateUser(request, { username, password: "a-long-password-1" });
  await logIn(page, ADMIN);

  await test.step("lock the user in the panel", async () => {
    await page.goto(`/users/${user.id}?tab=security`);
    await hydrated(page);
    await page.getByText("Lock…").click();
    await page.getByRole("button", { name: `Lock ${username}` }).click();
    await expect(page.getByRole("heading", { level: 1 }).locator(".badge[class*=status-]")).toHaveText("locked");
  });

  await test.step("the Audit log page, filtered by action", async () => {
    await navLink(page, "Audit log");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await hydrated(page);
    await page.getByLabel("Action").fill("user.lock");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]filter%5Baction%5D=user\.lock/);
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toBeVisible();
    const actions = await page.getByTestId("audit-action").allInnerTexts();
    expect(new Set(actions)).toEqual(new Set(["user.lock"]));
    const row = rows.filter({ has: page.locator(`a[href="/users/${user.id}"]`) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(ADMIN.username);
    await expect(row).toContainText("status: active → locked");
    // The JSON diff sits behind a disclosure.
    await row.locator("summary").click();
    await expect(row.locator("pre.audit-detail")).toContainText('"after"');
    const exportCsv = page.getByRole("link", { name: "Export CSV" });
    await expect(exportCsv).toHaveAttribute("href", /filter%5Baction%5D=user\.lock&format=csv/);

    await row.getByTestId("audit-target").click();
    await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();
  });

  await test.step("the user's History tab lists it, newest first", async () => {
    await hydrated(page);
    await page.getByRole("tablist", { name: "User sections" }).getByRole("tab", { name: "History" }).click();
    await expect(page).toHaveURL(new RegExp(`/users/${user.id}\\?tab=history$`));
    const actions = page.getByTestId("history").getByTestId("audit-action");
    await expect(actions.first()).toHaveText("user.lock");
    await expect(actions.last()).toHaveText("user.create");
  });
});
