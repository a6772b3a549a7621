import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const ADMIN = { username: "admin", password: "admin-password-1" };
export const MEMBER = { username: "member", password: "member-password-1" };
export const SEED_COUNT = 120;
export const seedName = (i: number) => `seed-${String(i).padStart(3, "0")}`;

/** A username nobody else uses, so re-runs against one server never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Waits until the WebAssembly bundle has been fetched and hydration has had
 * its chance to run: client-side interactions before that would be lost.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
}

/** Logs in through the login form (works with or without JavaScript). */
export async function logIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.goto("/login");
  await hydrated(page);
  await page.locator("#username").fill(who.username);
  await page.locator("#password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("whoami")).toHaveText(who.username);
}

/** The usernames shown in the users table, top to bottom. */
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
