import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, apiUserByName, hydrated, logIn, uniqueName } from "./helpers";

const PASSWORD = "a-long-password-1";

/** The status badge next to the user's name in the page heading. */
const status = (page: Page) => page.getByRole("heading", { level: 1 }).locator(".badge[class*=status-]");
const tab = (page: Page, name: string) => page.getByRole("tablist", { name: "User sections" }).getByRole("tab", { name });

/** Creates a user over the API, logs in as the admin and opens their page (at `tabKey`). */
async function openNewUser(
  page: Page,
  request: Parameters<typeof apiCreateUser>[0],
  prefix: string,
  tabKey?: string,
  fields: { display_name?: string; email?: string } = {},
): Promise<{ id: string; username: string }> {
  const username = uniqueName(prefix);
  const user = await apiCreateUser(request, { username, password: PASSWORD, ...fields });
  await logIn(page, ADMIN);
  await page.goto(`/users/${user.id}${tabKey ? `?tab=${tabKey}` : ""}`);
  await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();
  await hydrated(page);
  return { id: user.id, username };
}

test("the tabs are links in the URL, and the selected one says so", async ({ page, request }) => {
  const { id } = await openNewUser(page, request, "tabs");
  const tabs = page.getByRole("tablist", { name: "User sections" }).getByRole("tab");
  await expect(tabs).toHaveText(["Profile", "Security", "Tokens", "Sessions", "Messages", "Contacts", "Organisations", "Apps", "History", "Danger zone"]);
  await expect(tab(page, "Profile")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toContainText("Edit profile");

  await tab(page, "Security").click();
  await expect(page).toHaveURL(new RegExp(`/users/${id}\\?tab=security$`));
  await expect(tab(page, "Security")).toHaveAttribute("aria-selected", "true");
  await expect(tab(page, "Profile")).toHaveAttribute("aria-selected", "false");
  await expect(page.getByRole("heading", { level: 2, name: "Password" })).toBeVisible();
  await expect(page.getByTestId("user-attributes")).toHaveCount(0);

  await tab(page, "Danger zone").click();
  await expect(page).toHaveURL(/\?tab=danger$/);
  await expect(page.getByRole("heading", { level: 2, name: "Delete" })).toBeVisible();

  // A reload (a full server render) lands on the same tab.
  await page.reload();
  await expect(tab(page, "Danger zone")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { level: 2, name: "Delete" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?tab=security$/);
  await expect(page.getByRole("heading", { level: 2, name: "Password" })).toBeVisible();
});

test("profile: a field error, then the profile is saved", async ({ page, request }) => {
  const { username } = await openNewUser(page, request, "profile", undefined, {
    display_name: "Before Name",
    email: "before@example.org",
  });
  const displayName = page.getByLabel("Display name");
  const email = page.getByLabel("Email");
  const save = page.getByRole("button", { name: "Save profile" });
  await expect(displayName).toHaveValue("Before Name");
  await expect(email).toHaveValue("before@example.org");

  // Accepted by the browser's type=email check, refused by the server.
  await email.fill("someone@localhost");
  await save.click();
  await expect(page.locator("#field-email-error")).toHaveText("Enter an email address like name@example.org.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Profile saved.")).toHaveCount(0);
  expect((await apiUserByName(request, username))?.email).toBe("before@example.org");

  await displayName.fill("After Name");
  await email.fill(`${username}@example.org`);
  await page.getByLabel("May request administrator rights").check();
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await expect(page).toHaveURL(/\?tab=profile&saved=1$/);
  await expect(page.locator("#field-email-error")).toHaveCount(0);
  const attributes = page.getByTestId("user-attributes");
  await expect(attributes).toContainText("After Name");
  await expect(attributes).toContainText(`${username}@example.org`);
  await expect(attributes.locator("dt:text-is('May request admin') + dd")).toHaveText("yes");
  const saved = await apiUserByName(request, username);
  expect(saved).toMatchObject({ display_name: "After Name", email: `${username}@example.org`, can_request_admin: true });

  // An emptied field clears the value.
  await displayName.fill("");
  await page.getByLabel("May request administrator rights").uncheck();
  await save.click();
  await expect(attributes.locator("dt:text-is('Display name') + dd")).toHaveText("—");
  await expect(attributes.locator("dt:text-is('May request admin') + dd")).toHaveText("no");
});

test("security: set a temporary password, lock and unlock, make admin and revoke", async ({ page, request }) => {
  const { username } = await openNewUser(page, request, "security", "security");
  const section = (name: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name }) });

  await test.step("set a temporary password (after a refused one)", async () => {
    const password = page.getByLabel("New password");
    await password.fill("short");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.locator("#field-password-error")).toHaveText("Password must be at least 8 characters.");
    await expect(password).toHaveAttribute("aria-invalid", "true");

    await password.fill("temporary-password-1");
    await page.getByLabel("Temporary: the user must choose a new one at the next login").check();
    await expect(page.getByLabel("Also revoke the user's API tokens")).toBeChecked();
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(section("Password").getByRole("status")).toHaveText("Password set. The user's sessions were ended.");
    await expect(page).toHaveURL(/\?tab=security&password=set$/);
    await expect(page.locator("#field-password-error")).toHaveCount(0);
    expect((await apiUserByName(request, username))?.password_change_required).toBe(true);
    await tab(page, "Profile").click();
    await expect(page.getByTestId("user-attributes").locator("dt:text-is('Password') + dd")).toHaveText(
      "temporary (must be changed at next login)",
    );
    await tab(page, "Security").click();
  });

  await test.step("lock, behind a confirmation step, and unlock", async () => {
    await expect(status(page)).toHaveText("active");
    const lockButton = page.getByRole("button", { name: `Lock ${username}` });
    await expect(lockButton).toBeHidden();
    await page.getByText("Lock…").click();
    await expect(page.getByText(`Lock ${username}? They cannot log in`)).toBeVisible();
    await lockButton.click();
    await expect(status(page)).toHaveText("locked");
    await expect(page).toHaveURL(/\?tab=security$/);
    expect((await apiUserByName(request, username))?.status).toBe("locked");

    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(status(page)).toHaveText("active");
    await expect(page.getByText("Lock…")).toBeVisible();
  });

  await test.step("grant server roles, then take them back", async () => {
    const roles = page.getByTestId("roles-form");
    await roles.getByLabel("Server administrator").check();
    await roles.getByLabel("Auditor").check();
    await roles.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByText("Roles saved.")).toBeVisible();
    const granted = await apiUserByName(request, username);
    expect(granted?.admin).toBe(true);
    expect(granted?.roles).toEqual(["server_admin", "auditor"]);

    await roles.getByLabel("Server administrator").uncheck();
    await roles.getByLabel("Auditor").uncheck();
    await roles.getByRole("button", { name: "Save roles" }).click();
    await expect(roles.getByLabel("Server administrator")).not.toBeChecked();
    const removed = await apiUserByName(request, username);
    expect(removed?.admin).toBe(false);
    expect(removed?.roles).toEqual([]);
  });
});

test("an admin cannot lock their own account", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${ADMIN.username}`);
  await hydrated(page);
  await page.locator("table.data tbody").getByRole("link", { name: ADMIN.username, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ADMIN.username })).toBeVisible();
  await tab(page, "Security").click();
  await page.getByText("Lock…").click();
  await page.getByRole("button", { name: `Lock ${ADMIN.username}` }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot lock your own account.");
  await expect(status(page)).toHaveText("active");
});

test("danger zone: deactivate and reactivate, then deactivate and erase", async ({ page, request }) => {
  const { username } = await openNewUser(page, request, "danger", "danger", {
    display_name: "Soon Erased",
    email: "erase-me@example.org",
  });

  const deactivate = page.getByRole("button", { name: `Deactivate ${username}`, exact: true });
  await expect(deactivate).toBeHidden();
  await page.getByText("Deactivate…").click();
  await expect(page.getByText(`Deactivate ${username}? All their sessions end`)).toBeVisible();
  await deactivate.click();
  await expect(status(page)).toHaveText("deactivated");
  await expect(page).toHaveURL(/\?tab=danger$/);
  await expect(page.getByText("This account is deactivated.")).toBeVisible();
  expect((await apiUserByName(request, username))?.status).toBe("deactivated");

  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(status(page)).toHaveText("active");
  expect((await apiUserByName(request, username))?.status).toBe("active");

  await page.getByText("Deactivate…").click();
  await page.getByRole("button", { name: `Deactivate and erase ${username}'s data` }).click();
  await expect(status(page)).toHaveText("deactivated");
  await expect(page.getByText("Erase personal data…")).toBeVisible();
  const erased = await apiUserByName(request, username);
  expect(erased).toMatchObject({ status: "deactivated", display_name: null, email: null });
  await tab(page, "Profile").click();
  await expect(page.getByTestId("user-attributes").locator("dt:text-is('Email') + dd")).toHaveText("—");
});

test("deleting needs the username typed, then returns to the list", async ({ page, request }) => {
  const { username } = await openNewUser(page, request, "deleteme", "danger");
  const confirm = page.getByLabel(`Type ${username} to confirm`);
  const del = page.getByRole("button", { name: `Delete ${username}` });
  await expect(confirm).toHaveAttribute("id", "field-confirm-username");
  await expect(del).toHaveAttribute("aria-disabled", "true");

  // The browser refuses another name (pattern): nothing is sent. (The button
  // is only aria-disabled, so Playwright will not click it; Enter submits.)
  await confirm.fill("someone-else");
  await confirm.press("Enter");
  expect(await confirm.evaluate((i) => (i as HTMLInputElement).validity.patternMismatch)).toBe(true);
  await expect(page).toHaveURL(/\?tab=danger$/);

  // The server checks it too.
  await confirm.evaluate((i) => i.removeAttribute("pattern"));
  await confirm.press("Enter");
  await expect(page.locator("#field-confirm-username-error")).toHaveText(`Type ${username} to confirm.`);
  expect(await apiUserByName(request, username)).not.toBeNull();

  await confirm.fill(username);
  await expect(del).not.toHaveAttribute("aria-disabled");
  await del.click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  expect(await apiUserByName(request, username)).toBeNull();
  await page.goto(`/users?filter[search]=${username}`);
  await expect(page.getByTestId("users-count")).toHaveText("0 users");
});
