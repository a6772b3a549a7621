import { readFile } from "node:fs/promises";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  ADMIN,
  MEMBER,
  apiCreateUser,
  apiUserByName,
  basicAuth,
  hydrated,
  logIn,
  parseCsv,
  tableUsernames,
  uniqueName,
} from "./helpers";

/* ---------- Import ---------- */

const HEADER = "username,display_name,email,admin,password";

/** Puts a CSV file (given as lines) into the page's file input. */
async function chooseFile(page: Page, lines: string[]): Promise<void> {
  await page.getByLabel("File").setInputFiles({
    name: "users.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(lines.join("\n") + "\n"),
  });
}

const report = (page: Page) => page.getByTestId("import-report");
const figure = (page: Page, name: string) => page.getByTestId(`report-${name}`);
const reportRow = (page: Page, line: number) =>
  report(page).locator("tbody tr", { has: page.locator("td[data-label=Line]").getByText(String(line), { exact: true }) });

test("import: a dry run shows the bad rows, the fixed file imports, temporary passwords shown", async ({
  page,
  request,
  browser,
}) => {
  const p = uniqueName("imp");
  await logIn(page, ADMIN);
  await page.goto("/users");
  await hydrated(page);
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/users\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
  const check = page.getByTestId("import-check");
  await expect(check).toBeDisabled();
  await expect(page.getByLabel("When a username exists")).toHaveValue("skip");

  await test.step("the dry run of a file with problems lists them", async () => {
    // Line 1 is the header; rows start at line 2.
    await chooseFile(page, [
      HEADER,
      `${p}-one,Import One,${p}-one@example.org,false,`, // 2: fine, generated password
      `${p}-two,Import Two,${p}-two@example.org,false,imported-password-2`, // 3: fine
      `Bad Name,Bad,bad@example.org,false,`, // 4: bad username
      `${p}-three,Three,not-an-email,false,`, // 5: bad email
      `${p}-four,Four,,maybe,short`, // 6: bad admin flag and password
      `${MEMBER.username},Member Again,,false,`, // 7: exists: skipped
      `${p}-one,Duplicate,,false,`, // 8: repeated username
    ]);
    await expect(check).toBeEnabled();
    // Hold the answer a moment so the progress bar can be seen.
    await page.route("**/api/admin/v1/users/import?*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await check.click();
    await expect(page.locator("progress#import-progress")).toBeVisible();
    await expect(check).toBeDisabled();
    await page.unrouteAll({ behavior: "wait" });

    await expect(report(page)).toBeVisible();
    await expect(report(page).getByRole("heading", { name: "Check report" })).toBeVisible();
    await expect(page.getByTestId("import-summary")).toHaveText(
      "4 of 7 rows have problems; nothing was imported. Fix them and check the file again.",
    );
    await expect(figure(page, "total")).toHaveText("7");
    await expect(figure(page, "created")).toHaveText("2");
    await expect(figure(page, "skipped")).toHaveText("1");
    await expect(figure(page, "rejected")).toHaveText("4");
    await expect(figure(page, "updated")).toHaveText("0");

    await expect(report(page).locator("tbody tr.outcome-rejected")).toHaveCount(4);
    await expect(reportRow(page, 4).locator("td[data-label=Outcome]")).toHaveText("rejected");
    await expect(reportRow(page, 4).locator("td[data-label=Username]")).toHaveText("Bad Name");
    await expect(reportRow(page, 4).locator("td[data-label=Details]")).toContainText("username:");
    await expect(reportRow(page, 5).locator("td[data-label=Details]")).toHaveText(
      "email: Enter an email address like name@example.org.",
    );
    await expect(reportRow(page, 6).locator("td[data-label=Details]")).toContainText("admin must be true or false.");
    await expect(reportRow(page, 6).locator("td[data-label=Details]")).toContainText(
      "password: Password must be at least 8 characters.",
    );
    await expect(reportRow(page, 7).locator("td[data-label=Outcome] .badge")).toHaveText("skipped");
    await expect(reportRow(page, 7).locator("td[data-label=Details]")).toContainText("exists already");
    await expect(reportRow(page, 8).locator("td[data-label=Details]")).toContainText(
      "This username appears earlier in the file.",
    );
    // Nothing to apply, nothing written, no passwords made up.
    await expect(page.getByTestId("import-apply")).toHaveCount(0);
    await expect(page.getByTestId("temporary-password")).toHaveCount(0);
    expect(await apiUserByName(request, `${p}-one`)).toBeNull();
  });

  await test.step("the fixed file checks clean", async () => {
    await chooseFile(page, [
      HEADER,
      `${p}-one,Import One,${p}-one@example.org,false,`,
      `${p}-two,Import Two,${p}-two@example.org,false,imported-password-2`,
      `${p}-five,Five,${p}-five@example.org,false,`,
      `${p}-three,Three,${p}-three@example.org,false,`,
      `${p}-four,Four,,true,a-long-enough-password`,
      `${MEMBER.username},Member Again,,false,`,
    ]);
    // A new file drops the old report.
    await expect(report(page)).toHaveCount(0);
    await check.click();
    await expect(page.getByTestId("import-summary")).toHaveText(
      "The file is fine: 5 to create, 0 to update, 1 to skip. Nothing has been written yet.",
    );
    await expect(figure(page, "rejected")).toHaveText("0");
    await expect(figure(page, "created")).toHaveText("5");
    await expect(page.getByTestId("temporary-password")).toHaveCount(0);
    expect(await apiUserByName(request, `${p}-one`)).toBeNull();
  });

  const passwords = new Map<string, string>();
  await test.step("import now: users created, generated passwords shown once", async () => {
    await page.getByTestId("import-apply").click();
    await expect(report(page).getByRole("heading", { name: "Import report" })).toBeVisible();
    await expect(page.getByTestId("import-summary")).toHaveText("Imported: 5 created, 0 updated, 1 skipped.");
    await expect(page.getByTestId("import-apply")).toHaveCount(0);
    await expect(report(page).getByText("Copy the temporary passwords now")).toBeVisible();
    // Rows without a password got one: one, five and three.
    await expect(page.getByTestId("temporary-password")).toHaveCount(3);
    for (const name of ["one", "five", "three"]) {
      const row = report(page).locator("tbody tr", { hasText: `${p}-${name}` });
      await expect(row.locator("td[data-label=Outcome]")).toHaveText("created");
      const password = (await row.getByTestId("temporary-password").innerText()).trim();
      expect(password.length).toBeGreaterThanOrEqual(8);
      passwords.set(`${p}-${name}`, password);
    }
    for (const name of ["one", "five", "three"]) {
      expect(await apiUserByName(request, `${p}-${name}`)).toMatchObject({ password_change_required: true });
    }
    expect(await apiUserByName(request, `${p}-two`)).toMatchObject({
      display_name: "Import Two",
      password_change_required: false,
    });
    expect((await apiUserByName(request, `${p}-four`))?.admin).toBe(true);
    expect((await apiUserByName(request, MEMBER.username))?.display_name).toBe("Member Example");

    await page.getByRole("link", { name: "Go to users" }).click();
    await expect(page).toHaveURL(/\/users$/);
  });

  await test.step("a shown temporary password works, and must be changed", async () => {
    const context = await browser.newContext();
    const userPage = await context.newPage();
    await logInTo(userPage, `${p}-one`, passwords.get(`${p}-one`)!);
    await expect(userPage).toHaveURL(/\/account\/password$/);
    await expect(userPage.getByTestId("password-change-required")).toBeVisible();
    await context.close();
  });
});

/** The login form, without waiting for the usual landing page. */
async function logInTo(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("import with on_conflict=update changes existing users", async ({ page, request }) => {
  const username = uniqueName("impupd");
  await apiCreateUser(request, { username, display_name: "Old Name" });
  await logIn(page, ADMIN);
  await page.goto("/users/import");
  await hydrated(page);
  await chooseFile(page, [HEADER, `${username},New Name,${username}@example.org,false,`]);
  await page.getByLabel("When a username exists").selectOption("update");
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "The file is fine: 0 to create, 1 to update, 0 to skip. Nothing has been written yet.",
  );
  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-summary")).toHaveText("Imported: 0 created, 1 updated, 0 skipped.");
  expect(await apiUserByName(request, username)).toMatchObject({
    display_name: "New Name",
    email: `${username}@example.org`,
  });

  // With "Reject the row" the same file is refused.
  await page.getByLabel("When a username exists").selectOption("fail");
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-summary")).toContainText("1 of 1 rows have problems");
  await expect(page.getByTestId("report-rejected")).toHaveText("1");
  await expect(page.getByTestId("import-apply")).toHaveCount(0);
});

/* ---------- Export ---------- */

/** Clicks the link and returns the downloaded CSV's header and rows. */
async function downloadCsv(page: Page, link: ReturnType<Page["getByTestId"]>) {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^users-\w+\.csv$/);
  const path = await download.path();
  const [header, ...rows] = parseCsv(await readFile(path, "utf8"));
  const column = (name: string) => {
    const i = header.indexOf(name);
    expect(i, `the CSV has a ${name} column`).toBeGreaterThanOrEqual(0);
    return rows.map((r) => r[i]);
  };
  return { header, rows, column };
}

test("Export CSV downloads the filtered, sorted set shown in the table", async ({ page }) => {
  await logIn(page, ADMIN);
  // seed-100..seed-119, newest name first.
  await page.goto("/users?filter[search]=seed-1&sort=-username&size=100");
  await expect(page.getByTestId("users-count")).toHaveText("20 users");
  const shown = await tableUsernames(page);
  expect(shown[0]).toBe("seed-119");
  const emails = await page.locator("table.data tbody td[data-label=Email]").allInnerTexts();

  const link = page.getByTestId("export-csv");
  await expect(link).toHaveAttribute("download", "");
  await expect(link).toHaveAttribute(
    "href",
    "/api/admin/v1/users/export?format=csv&filter%5Bsearch%5D=seed-1&sort=-username",
  );
  await hydrated(page);
  const csv = await downloadCsv(page, link);
  expect(csv.header).toEqual(expect.arrayContaining(["id", "username", "email", "status", "created_at"]));
  expect(csv.column("username")).toEqual(shown);
  expect(csv.column("email")).toEqual(emails);
  expect(new Set(csv.column("status"))).toEqual(new Set(["active"]));
});

test("Export CSV follows the status filter, and Export selected the selection", async ({ page, request }) => {
  const prefix = uniqueName("exp");
  const names = ["a", "b", "c"].map((s) => `${prefix}-${s}`);
  const users = [];
  for (const username of names) users.push(await apiCreateUser(request, { username }));
  for (const user of users.slice(1)) {
    const res = await request.post(`/api/admin/v1/users/${user.id}/lock`, { headers: basicAuth(ADMIN) });
    expect(res.status()).toBe(200);
  }

  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${prefix}&filter[status]=locked`);
  await expect(page.getByTestId("users-count")).toHaveText("2 users");
  const shown = await tableUsernames(page);
  expect(shown).toEqual(names.slice(1));
  await hydrated(page);
  const locked = await downloadCsv(page, page.getByTestId("export-csv"));
  expect(locked.column("username")).toEqual(shown);
  expect(locked.column("status")).toEqual(["locked", "locked"]);

  await page.goto(`/users?filter[search]=${prefix}`);
  await hydrated(page);
  await page.getByRole("checkbox", { name: `Select ${names[0]}` }).check();
  await page.getByRole("checkbox", { name: `Select ${names[2]}` }).check();
  const selected = await downloadCsv(page, page.getByTestId("export-selected"));
  expect(selected.column("username")).toEqual([names[0], names[2]]);
  expect(selected.column("id")).toEqual([users[0].id, users[2].id]);
});
