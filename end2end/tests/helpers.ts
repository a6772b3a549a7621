import { createServer } from "node:net";

import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export const ADMIN = { username: "admin", password: "admin-password-1" };
export const MEMBER = { username: "member", password: "member-password-1" };
export const SEED_COUNT = 120;
export const seedName = (i: number) => `seed-${String(i).padStart(3, "0")}`;

/** A username nobody else uses, so re-runs against one server never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Waits until the WebAssembly bundle has been fetched and hydration has run
 * (the app marks `<html data-hydrated>`): client-side interactions before
 * that would be lost. Not "networkidle": a logged-in page keeps its live
 * stream open, so its network is never idle.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.locator("html[data-hydrated=true]").waitFor({ state: "attached", timeout: 20_000 });
}

/** Loaded, and hydrated if the page loads the panel's code (the login page is plain HTML). */
export async function ready(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  if ((await page.locator("script[type=module]").count()) > 0) await hydrated(page);
}

/** Logs in through the login form (a plain HTML page: the panel's code loads after it). */
export async function logIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.locator("#username").fill(who.username);
  await page.locator("#password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("whoami")).toHaveText(who.username);
}

/** The usernames shown in the users table, top to bottom. */
/**
 * Follows a link of the main navigation, opening the Menu (narrow screens)
 * and the link's group first, as a person does.
 */
export async function navLink(page: Page, label: string): Promise<void> {
  const menu = page.locator("details.navmenu");
  const menuButton = menu.locator("> summary");
  if ((await menuButton.isVisible()) && !(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await menuButton.click();
  }
  const nav = page.getByRole("navigation", { name: "Main" });
  const group = nav.locator("details.navgroup", { has: page.getByRole("link", { name: label, exact: true, includeHidden: true }) });
  if ((await group.count()) > 0 && !(await group.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await group.locator("> summary").click();
  }
  await nav.getByRole("link", { name: label, exact: true }).click();
}

export async function tableUsernames(page: Page): Promise<string[]> {
  return page.locator("table.data tbody tr td[data-label=Username]").allInnerTexts();
}

/** Runs axe (WCAG 2.x A/AA) and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n"),
  );
  expect(report, `axe found serious/critical problems on ${what}`).toEqual([]);
}

/* ---------- The admin REST API, for test data ---------- */

const API = "/api/admin/v1";

/** HTTP Basic as `who`: the API's credentials for scripts (no cookie needed). */
export function basicAuth(who: { username: string; password: string }): Record<string, string> {
  return { Authorization: "Basic " + Buffer.from(`${who.username}:${who.password}`).toString("base64") };
}

/** A user as the admin API returns it (`data.attributes`, plus the id). */
export interface ApiUser {
  id: string;
  username: string;
  display_name: string | null;
  email: string | null;
  admin: boolean;
  can_request_admin: boolean;
  status: "active" | "locked" | "deactivated";
  created_at: string;
  last_seen_at: string | null;
  password_change_required: boolean;
}

function toUser(doc: { data: { id: string; attributes: Omit<ApiUser, "id"> } }): ApiUser {
  return { id: doc.data.id, ...doc.data.attributes };
}

/** Creates a user over the admin API (as the admin) and returns it. */
export async function apiCreateUser(
  request: APIRequestContext,
  fields: { username: string; password?: string; display_name?: string; email?: string; admin?: boolean },
): Promise<ApiUser> {
  const res = await request.post(`${API}/users`, { headers: basicAuth(ADMIN), data: fields });
  expect(res.status(), `creating ${fields.username}: ${await res.text()}`).toBe(201);
  return toUser(await res.json());
}

/** The user with this username, or null if there is none. */
export async function apiUserByName(request: APIRequestContext, username: string): Promise<ApiUser | null> {
  const res = await request.get(`${API}/users/by-username/${encodeURIComponent(username)}`, {
    headers: basicAuth(ADMIN),
  });
  if (res.status() === 404) return null;
  expect(res.status(), `looking up ${username}: ${await res.text()}`).toBe(200);
  return toUser(await res.json());
}

/** Sets a password over the admin API (`temporary`: changed at next login). */
export async function apiSetPassword(
  request: APIRequestContext,
  id: string,
  password: string,
  temporary = false,
): Promise<void> {
  const res = await request.post(`${API}/users/${id}/set-password`, {
    headers: basicAuth(ADMIN),
    data: { password, temporary },
  });
  expect(res.status(), `setting a password: ${await res.text()}`).toBe(200);
}

/**
 * Makes `who` "seen" now: any request with their credentials counts as
 * activity (recorded in the background), so wait until it shows.
 */
export async function apiTouch(request: APIRequestContext, who: { username: string; password: string }): Promise<string> {
  await request.get(`${API}/users/by-username/${encodeURIComponent(who.username)}`, { headers: basicAuth(who) });
  let seen: string | null = null;
  await expect
    .poll(async () => (seen = (await apiUserByName(request, who.username))?.last_seen_at ?? null), {
      message: `last_seen_at of ${who.username}`,
    })
    .not.toBeNull();
  return seen as unknown as string;
}

/* ---------- Users table ---------- */

/** The users table's row for `username`. */
export function userRow(page: Page, username: string): Locator {
  return page.locator("table.data tbody tr", {
    has: page.locator("td[data-label=Username]").getByText(username, { exact: true }),
  });
}

/** Waits for the table to show exactly `usernames`, in that order. */
export async function expectTableUsernames(page: Page, usernames: string[], message?: string): Promise<void> {
  await expect.poll(() => tableUsernames(page), { message }).toEqual(usernames);
}

/** A minimal CSV reader (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
