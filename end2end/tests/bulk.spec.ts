import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, apiUserByName, hydrated, logIn, uniqueName, userRow } from "./helpers";

const bulkBar = (page: Page) => page.getByRole("region", { name: "Bulk actions" });
const dialog = (page: Page) => page.getByRole("dialog");

test("bulk lock of three users, with a dialog naming them", async ({ page, request }) => {
  const prefix = uniqueName("bulk");
  const names = ["a", "b", "c"].map((s) => `${prefix}-${s}`);
  const ids: string[] = [];
  for (const username of names) ids.push((await apiCreateUser(request, { username })).id);

  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${prefix}&sort=username`);
  await expect(page.locator("table.data tbody tr")).toHaveCount(3);
  await hydrated(page);
  await expect(bulkBar(page)).toHaveCount(0);

  await test.step("select rows one by one and all at once", async () => {
    await page.getByRole("checkbox", { name: `Select ${names[0]}` }).check();
    await expect(bulkBar(page).getByTestId("selected-count")).toHaveText("1 user selected");
    await expect(userRow(page, names[0])).toHaveClass(/\bselected\b/);
    await expect(userRow(page, names[1])).not.toHaveClass(/\bselected\b/);

    const all = page.getByRole("checkbox", { name: "Select all users on this page" });
    await expect(all).not.toBeChecked();
    await all.check();
    await expect(bulkBar(page).getByTestId("selected-count")).toHaveText("3 users selected");
    for (const username of names) {
      await expect(page.getByRole("checkbox", { name: `Select ${username}` })).toBeChecked();
    }
    await page.getByRole("checkbox", { name: `Select ${names[1]}` }).uncheck();
    await expect(all).not.toBeChecked();
    await expect(bulkBar(page).getByTestId("selected-count")).toHaveText("2 users selected");
    await page.getByRole("checkbox", { name: `Select ${names[1]}` }).check();
    await expect(all).toBeChecked();
    await expect(bulkBar(page).getByTestId("selected-count")).toHaveText("3 users selected");

    // The selection can be exported on its own.
    const href = await bulkBar(page).getByTestId("export-selected").getAttribute("href");
    expect(href).toMatch(/^\/api\/admin\/v1\/users\/export\?format=csv&filter\[id\]=/);
    for (const id of ids) expect(href).toContain(id);
  });

  await test.step("Escape cancels the dialog; nothing changes", async () => {
    await bulkBar(page).getByRole("button", { name: "Lock", exact: true }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page)).toHaveAttribute("aria-modal", "true");
    await expect(dialog(page).getByRole("heading", { name: "Lock 3 users?" })).toBeVisible();
    // Focus starts on the safe choice.
    await expect(dialog(page).getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog(page)).toHaveCount(0);
    await expect(bulkBar(page).getByTestId("selected-count")).toHaveText("3 users selected");
    expect((await apiUserByName(request, names[0]))?.status).toBe("active");
  });

  await test.step("confirm: all three are locked", async () => {
    await bulkBar(page).getByRole("button", { name: "Lock", exact: true }).click();
    await expect(dialog(page)).toHaveAccessibleName("Lock 3 users?");
    // Listed in the order they were selected.
    const affected = dialog(page).getByTestId("affected-users").getByRole("listitem");
    await expect(affected).toHaveCount(3);
    expect((await affected.allInnerTexts()).sort()).toEqual(names);
    const confirm = dialog(page).getByTestId("confirm-bulk");
    await expect(confirm).toHaveText("Lock 3 users");
    await confirm.click();
    await expect(dialog(page)).toHaveCount(0);

    const result = page.getByTestId("bulk-result");
    await expect(result).toContainText(/Locked 3 users: .+\./);
    for (const username of names) await expect(result).toContainText(username);
    await expect(result).not.toContainText("Refused");
    // The selection is cleared and the table reloaded.
    await expect(bulkBar(page)).toHaveCount(0);
    for (const username of names) {
      await expect(userRow(page, username).locator("td[data-label=Status] .badge")).toHaveText("locked");
      expect((await apiUserByName(request, username))?.status).toBe("locked");
    }
  });

  await test.step("unlock needs no confirmation", async () => {
    await page.getByRole("checkbox", { name: "Select all users on this page" }).check();
    await bulkBar(page).getByRole("button", { name: "Unlock", exact: true }).click();
    await expect(dialog(page)).toHaveCount(0);
    await expect(page.getByTestId("bulk-result")).toContainText("Unlocked 3 users:");
    for (const username of names) {
      await expect(userRow(page, username).locator("td[data-label=Status] .badge")).toHaveText("active");
    }
  });
});

test("bulk lock refuses your own account and locks the rest", async ({ page, request }) => {
  // The search "admin" finds the admin account and this user (in its name).
  const other = uniqueName("bulkadmin");
  await apiCreateUser(request, { username: other });

  await logIn(page, ADMIN);
  await page.goto("/users?filter[search]=admin&size=100&sort=username");
  await expect(userRow(page, other)).toBeVisible();
  await hydrated(page);
  await page.getByRole("checkbox", { name: `Select ${ADMIN.username}`, exact: true }).check();
  await page.getByRole("checkbox", { name: `Select ${other}` }).check();
  await expect(bulkBar(page).getByTestId("selected-count")).toHaveText("2 users selected");

  await bulkBar(page).getByRole("button", { name: "Lock", exact: true }).click();
  await expect(dialog(page).getByRole("heading")).toHaveText("Lock 2 users?");
  await expect(dialog(page).getByTestId("affected-users").getByRole("listitem")).toHaveText([ADMIN.username, other]);
  await dialog(page).getByTestId("confirm-bulk").click();

  const result = page.getByTestId("bulk-result");
  await expect(result).toContainText(`Locked 1 user: ${other}.`);
  await expect(result).toContainText("Refused 1 user:");
  await expect(result.getByRole("listitem")).toHaveText(`${ADMIN.username} — You cannot lock your own account.`);
  await expect(userRow(page, ADMIN.username).locator("td[data-label=Status] .badge")).toHaveText("active");
  await expect(userRow(page, other).locator("td[data-label=Status] .badge")).toHaveText("locked");
});

test("bulk delete asks first, then removes the users", async ({ page, request }) => {
  const prefix = uniqueName("bulkdel");
  const names = ["a", "b"].map((s) => `${prefix}-${s}`);
  for (const username of names) await apiCreateUser(request, { username });

  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${prefix}&sort=username`);
  await hydrated(page);
  await page.getByRole("checkbox", { name: "Select all users on this page" }).check();
  await bulkBar(page).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog(page).getByRole("heading")).toHaveText("Delete 2 users?");
  await expect(dialog(page)).toContainText("This cannot be undone.");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator("table.data tbody tr")).toHaveCount(2);

  await bulkBar(page).getByRole("button", { name: "Delete", exact: true }).click();
  await dialog(page).getByRole("button", { name: "Delete 2 users" }).click();
  await expect(page.getByTestId("bulk-result")).toContainText(`Deleted 2 users: ${names.join(", ")}.`);
  await expect(page.getByTestId("users-count")).toHaveText("0 users");
  for (const username of names) expect(await apiUserByName(request, username)).toBeNull();
});

// APP BUG (src/app/pages/bulk.rs, ConfirmDialog): the dialog says aria-modal="true"
// and puts focus on Cancel, but Tab walks out of it into the page behind
// (the table's checkboxes and links stay focusable, nothing is inert), and
// once focus is outside, Escape no longer closes it (the keydown handler is
// on the dialog element). Closing it leaves focus on <body> instead of
// returning it to the button that opened it. Expected: focus stays inside
// the dialog while it is open (or the rest of the page is inert), and goes
// back to the Lock/Deactivate/Delete button when it closes.
test("the confirmation dialog keeps focus inside and gives it back when closed", async ({ page, request }) => {
  const username = uniqueName("bulkfocus");
  await apiCreateUser(request, { username });
  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${username}`);
  await hydrated(page);
  await page.getByRole("checkbox", { name: `Select ${username}` }).check();
  const lock = bulkBar(page).getByRole("button", { name: "Lock", exact: true });
  await lock.focus();
  await page.keyboard.press("Enter");
  await expect(dialog(page).getByRole("button", { name: "Cancel" })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("[role=dialog]")), `Tab ${i + 1}`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toHaveCount(0);
  await expect(lock).toBeFocused();
});
