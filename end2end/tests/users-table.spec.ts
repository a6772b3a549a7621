import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  ADMIN,
  apiCreateUser,
  apiTouch,
  expectTableUsernames,
  hydrated,
  logIn,
  navLink,
  seedName,
  tableUsernames,
  uniqueName,
} from "./helpers";

const PASSWORD = "a-long-password-1";

/** The header cell of a sortable column (`username`, `created_at`, `last_seen_at`). */
const sortHeader = (page: Page, key: string) =>
  page.locator("table.data thead th.sortable", { has: page.locator(`a[data-sort="${key}"]`) });

const SORT_KEYS = ["username", "created_at", "last_seen_at"];

/** Clicks a header; waits for the URL's `sort=` and for that header's aria-sort. */
async function sortBy(page: Page, key: string, expected: string): Promise<void> {
  await hydrated(page);
  await sortHeader(page, key).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`[?&]sort=${expected}(&|$)`));
  const direction = expected.startsWith("-") ? "descending" : "ascending";
  await expect(sortHeader(page, key)).toHaveAttribute("aria-sort", direction);
  await expect(sortHeader(page, key).locator(".sort-arrow")).toHaveText(direction === "ascending" ? "▲" : "▼");
  // Only the sorted column says so.
  for (const other of SORT_KEYS.filter((k) => k !== key)) {
    await expect(sortHeader(page, other)).not.toHaveAttribute("aria-sort");
  }
}

test("sorts by username, created and last seen, each way round", async ({ page, request }) => {
  const prefix = uniqueName("sort");
  const name = (s: string) => `${prefix}-${s}`;
  // Created in the order c, a, d, b; seen in the order d, a, b; c never logged in.
  for (const s of ["c", "a", "d", "b"]) await apiCreateUser(request, { username: name(s), password: PASSWORD });
  for (const s of ["d", "a", "b"]) await apiTouch(request, { username: name(s), password: PASSWORD });
  const names = (order: string) => order.split("").map(name);

  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${prefix}`);
  // No sort: creation order, and no header claims a sort.
  await expectTableUsernames(page, names("cadb"));
  for (const key of SORT_KEYS) await expect(sortHeader(page, key)).not.toHaveAttribute("aria-sort");

  await sortBy(page, "username", "username");
  await expectTableUsernames(page, names("abcd"), "username ascending");
  await sortBy(page, "username", "-username");
  await expectTableUsernames(page, names("dcba"), "username descending");

  await sortBy(page, "created_at", "created_at");
  await expectTableUsernames(page, names("cadb"), "created ascending");
  await sortBy(page, "created_at", "-created_at");
  await expectTableUsernames(page, names("bdac"), "created descending");

  // Times of activity start with the most recent; never seen counts as oldest.
  await sortBy(page, "last_seen_at", "-last_seen_at");
  await expectTableUsernames(page, names("badc"), "last seen descending");
  await sortBy(page, "last_seen_at", "last_seen_at");
  await expectTableUsernames(page, names("cdab"), "last seen ascending");

  // The filter is kept while sorting; a full load renders the same order.
  await expect(page).toHaveURL(new RegExp(`[?&]filter%5Bsearch%5D=${prefix}(&|$)`));
  await page.reload();
  await expectTableUsernames(page, names("cdab"), "after a reload");
  await expect(sortHeader(page, "last_seen_at")).toHaveAttribute("aria-sort", "ascending");
});

test("paging keeps the sort, and so does applying the filters", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/users?filter[search]=seed&size=10");
  await expectTableUsernames(page, Array.from({ length: 10 }, (_, i) => seedName(i)));

  await sortBy(page, "username", "username");
  await sortBy(page, "username", "-username");
  const firstPage = Array.from({ length: 10 }, (_, i) => seedName(119 - i));
  await expectTableUsernames(page, firstPage, "first page, username descending");

  await hydrated(page);
  await page.locator("nav.pager a[rel=next]").click();
  await expect(page).toHaveURL(/[?&]after=[^&]+/);
  await expect(page).toHaveURL(/[?&]sort=-username(&|$)/);
  await expectTableUsernames(page, Array.from({ length: 10 }, (_, i) => seedName(109 - i)), "second page");
  await expect(sortHeader(page, "username")).toHaveAttribute("aria-sort", "descending");

  await hydrated(page);
  await page.locator("nav.pager a[rel=prev]").click();
  await expect(page).toHaveURL(/[?&]before=[^&]+/);
  await expectTableUsernames(page, firstPage, "back on the first page");

  // Sorting by created time, newest first, pages the same way.
  await sortBy(page, "created_at", "created_at");
  await sortBy(page, "created_at", "-created_at");
  await expectTableUsernames(page, firstPage, "created descending");
  await hydrated(page);
  await page.locator("nav.pager a[rel=next]").click();
  await expect(page).toHaveURL(/[?&]sort=-created_at(&|$)/);
  await expectTableUsernames(page, Array.from({ length: 10 }, (_, i) => seedName(109 - i)), "created, page 2");

  // The filter form carries the sort along (a hidden field).
  await hydrated(page);
  await page.getByLabel("Per page").selectOption("25");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]size=25(&|$)/);
  await expect(page).toHaveURL(/[?&]sort=-created_at(&|$)/);
  await expect(page).not.toHaveURL(/[?&]after=/);
  await expectTableUsernames(page, Array.from({ length: 25 }, (_, i) => seedName(119 - i)), "25 per page");
});

test("the activity filter finds accounts not seen for a while, and keeps it in the URL", async ({ page, request }) => {
  const prefix = uniqueName("dormant");
  const never = `${prefix}-never`;
  const recent = `${prefix}-recent`;
  await apiCreateUser(request, { username: never, password: PASSWORD });
  await apiCreateUser(request, { username: recent, password: PASSWORD });
  await apiTouch(request, { username: recent, password: PASSWORD });

  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${prefix}`);
  await expect(page.getByTestId("users-count")).toHaveText("2 users");
  await hydrated(page);
  await page.getByLabel("Activity").selectOption("30");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]filter%5Binactive_days%5D=30(&|$)/);
  // Never logged in counts as dormant; seen a moment ago does not.
  await expect(page.getByTestId("users-count")).toHaveText("1 user");
  await expectTableUsernames(page, [never]);

  // The admin has just logged in: not dormant. (An old bookmark, with the
  // panel's former names, lands on the API's names.)
  await page.goto(`/users?q=${ADMIN.username}&dormant=30`);
  await expect(page).toHaveURL(
    new RegExp(`/users\\?filter%5Bsearch%5D=${ADMIN.username}&filter%5Binactive_days%5D=30$`),
  );
  await expect(page.getByLabel("Activity")).toHaveValue("30");
  await expect(tableUsernames(page)).resolves.not.toContain(ADMIN.username);

  // No seeded user has ever logged in.
  await page.goto("/users?filter[search]=seed-&filter[inactive_days]=365&size=10");
  await expect(page.getByTestId("users-count")).toHaveText("120 users");
  await expect(page.getByLabel("Activity")).toHaveValue("365");
});

/** `2026-11-22` → `2026-11-23` (UTC days, as the filter reads them). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test("the created-range filter takes whole days, start included and end excluded", async ({ page, request }) => {
  const username = uniqueName("created");
  const user = await apiCreateUser(request, { username, password: PASSWORD });
  const day = user.created_at.slice(0, 10);
  const tomorrow = nextDay(day);

  await logIn(page, ADMIN);
  await page.goto(`/users?filter[search]=${username}`);
  await expect(page.getByTestId("users-count")).toHaveText("1 user");

  const after = page.getByLabel("Created on or after");
  const before = page.getByLabel("Created before");
  const apply = async () => {
    await page.getByRole("button", { name: "Apply" }).click();
  };

  await hydrated(page);
  await after.fill(day);
  await apply();
  await expect(page).toHaveURL(new RegExp(`[?&]filter%5Bcreated_after%5D=${day}(&|$)`));
  await expect(page.getByTestId("users-count")).toHaveText("1 user");

  await after.fill(tomorrow);
  await apply();
  await expect(page).toHaveURL(new RegExp(`[?&]filter%5Bcreated_after%5D=${tomorrow}(&|$)`));
  await expect(page.getByTestId("users-count")).toHaveText("0 users");
  await expect(page.getByText("No users match these filters.")).toBeVisible();

  await after.fill("");
  await before.fill(day);
  await apply();
  await expect(page).toHaveURL(new RegExp(`[?&]filter%5Bcreated_before%5D=${day}(&|$)`));
  // The form submits every field; an emptied date is an empty value.
  await expect(page).not.toHaveURL(/created_after%5D=[^&]/);
  await expect(page.getByTestId("users-count")).toHaveText("0 users");

  await after.fill(day);
  await before.fill(tomorrow);
  await apply();
  await expect(page.getByTestId("users-count")).toHaveText("1 user");
  await expectTableUsernames(page, [username]);

  // The range is in the URL: a reload shows the same dates and rows.
  await page.reload();
  await expect(after).toHaveValue(day);
  await expect(before).toHaveValue(tomorrow);
  await expect(page.getByTestId("users-count")).toHaveText("1 user");
});

/** Opens the "Columns" chooser unless it is open already. */
async function openColumns(page: Page): Promise<void> {
  const chooser = page.locator("details.columns");
  if (!(await chooser.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await chooser.locator("summary").click();
  }
  await expect(chooser.getByRole("group", { name: "Show columns" })).toBeVisible();
}

test("the column chooser hides a column at once and remembers it", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/users?filter[search]=seed&size=10");
  await expect(page.locator("table.data tbody tr")).toHaveCount(10);
  const headers = page.locator("table.data thead th");
  const emailCells = page.locator("table.data tbody td[data-col=email]");
  await expect(headers.filter({ hasText: /^Email$/ })).toHaveCount(1);
  await expect(emailCells).toHaveCount(10);

  await hydrated(page);
  await openColumns(page);
  const email = page.locator("details.columns").getByRole("checkbox", { name: "Email" });
  await expect(email).toBeChecked();
  // No Apply needed: a change navigates at once, filters kept.
  await email.uncheck();
  await expect(page).toHaveURL(/[?&]col=display_name(&|$)/);
  await expect(page).not.toHaveURL(/col=email/);
  await expect(page).toHaveURL(/[?&]filter%5Bsearch%5D=seed(&|$)/);
  await expect(headers.filter({ hasText: /^Email$/ })).toHaveCount(0);
  await expect(emailCells).toHaveCount(0);
  await expect(page.locator("table.data tbody td[data-col=status]")).toHaveCount(10);
  expect(await page.evaluate(() => localStorage.getItem("gatehouse.users.columns"))).toBe(
    "display_name,status,role,created,last_seen",
  );

  // Hide one more; then come back to /users with no parameters at all.
  await openColumns(page);
  await page.locator("details.columns").getByRole("checkbox", { name: "Role" }).uncheck();
  await expect(page).not.toHaveURL(/col=role/);
  await page.goto("/users");
  await expect(page).toHaveURL(/[?&]col=/);
  await expect(page).not.toHaveURL(/col=email|col=role/);
  await expect(page.locator("table.data tbody tr").first()).toBeVisible();
  await expect(headers.filter({ hasText: /^Email$/ })).toHaveCount(0);
  await expect(headers.filter({ hasText: /^Role$/ })).toHaveCount(0);
  await expect(headers.filter({ hasText: /^Status$/ })).toHaveCount(1);
  await expect(page.locator("table.data tbody td[data-col=email]")).toHaveCount(0);

  // Showing everything again is the default: no `col` in the URL, and it sticks.
  await hydrated(page);
  await openColumns(page);
  await page.locator("details.columns").getByRole("checkbox", { name: "Email" }).check();
  await expect(page).toHaveURL(/col=email/);
  await openColumns(page);
  await page.locator("details.columns").getByRole("checkbox", { name: "Role" }).check();
  await expect(page).not.toHaveURL(/col=/);
  await expect(headers.filter({ hasText: /^Email$/ })).toHaveCount(1);
  await page.goto("/users");
  await hydrated(page);
  await expect(page).toHaveURL(/\/users$/);
  await expect(headers.filter({ hasText: /^Role$/ })).toHaveCount(1);
});

// APP BUG (src/app/pages/users.rs, UsersTable): the saved columns are applied
// by an Effect that reads the state untracked, so it runs once per mount.
// Clicking "Users" in the main navigation while on /users?col=... goes to
// /users (no `col`) in place, and the table shows every column although
// localStorage still holds the chosen ones. (A full load, or arriving from
// another page, does apply them.) Expected: whenever the URL names no
// columns, the remembered ones come back.
test("the remembered columns also apply when the Users link is clicked on /users", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/users?filter[search]=seed&size=10");
  await hydrated(page);
  await openColumns(page);
  await page.locator("details.columns").getByRole("checkbox", { name: "Email" }).uncheck();
  await expect(page).toHaveURL(/[?&]col=/);
  await expect(page.locator("table.data tbody td[data-col=email]")).toHaveCount(0);

  await navLink(page, "Users");
  await expect(page).toHaveURL(/\/users\?col=/);
  await expect(page.locator("table.data tbody tr").first()).toBeVisible();
  await expect(page.locator("table.data tbody td[data-col=email]")).toHaveCount(0);
});
