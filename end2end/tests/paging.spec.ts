import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ADMIN, SEED_COUNT, hydrated, logIn, seedName, tableUsernames } from "./helpers";

const SIZE = 25;
const PAGES = Math.ceil(SEED_COUNT / SIZE); // 5: 25+25+25+25+20

const next = (page: Page) => page.locator("nav.pager a[rel=next]");
const prev = (page: Page) => page.locator("nav.pager a[rel=prev]");
const disabled = (page: Page, label: string) =>
  page.locator("nav.pager .button.disabled[aria-disabled=true]", { hasText: label });

/** Waits until the table shows a page other than `before`, and returns it. */
async function changedRows(page: Page, before: string[]): Promise<string[]> {
  await expect.poll(() => tableUsernames(page)).not.toEqual(before);
  return tableUsernames(page);
}

test("pages through the seeded users forwards and back", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/users");
  await hydrated(page);

  // The filter form puts its state into the URL.
  await page.getByRole("searchbox", { name: "Search" }).fill("seed");
  await page.getByLabel("Per page").selectOption(String(SIZE));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]filter%5Bsearch%5D=seed(&|$)/);
  await expect(page).toHaveURL(new RegExp(`[?&]size=${SIZE}(&|$)`));
  await expect(page.getByTestId("users-count")).toHaveText(`${SEED_COUNT} users`);
  await expect(page.getByLabel("Per page")).toHaveValue(String(SIZE));

  const first = await tableUsernames(page);
  expect(first).toHaveLength(SIZE);
  // Creation order: the seeds were created one after another.
  expect(first[0]).toBe(seedName(0));
  await expect(disabled(page, "Previous")).toBeVisible();
  await expect(prev(page)).toHaveCount(0);

  // Forwards to the last page, remembering every page and its URL.
  const pages: string[][] = [first];
  const urls: string[] = [page.url()];
  for (let i = 1; i < PAGES; i++) {
    await hydrated(page);
    await next(page).click();
    const rows = await changedRows(page, pages[i - 1]);
    await expect(page).toHaveURL(/[?&]after=[^&]+/);
    await expect(page).toHaveURL(/[?&]filter%5Bsearch%5D=seed(&|$)/);
    await expect(page).toHaveURL(new RegExp(`[?&]size=${SIZE}(&|$)`));
    expect(rows, `page ${i + 1}`).toHaveLength(i < PAGES - 1 ? SIZE : SEED_COUNT - SIZE * (PAGES - 1));
    pages.push(rows);
    urls.push(page.url());
  }
  await expect(disabled(page, "Next")).toBeVisible();
  await expect(next(page)).toHaveCount(0);
  await expect(prev(page)).toBeVisible();
  await expect(page.getByTestId("users-count")).toHaveText(`${SEED_COUNT} users`);

  // Every seeded user appeared exactly once, in creation order.
  const all = pages.flat();
  expect(new Set(all).size).toBe(SEED_COUNT);
  expect(all).toEqual(Array.from({ length: SEED_COUNT }, (_, i) => seedName(i)));

  // Browser history keeps the state: back shows the previous page, forward the last.
  await page.goBack();
  await expect(page).toHaveURL(urls[PAGES - 2]);
  await expect.poll(() => tableUsernames(page)).toEqual(pages[PAGES - 2]);
  await page.goForward();
  await expect(page).toHaveURL(urls[PAGES - 1]);
  await expect.poll(() => tableUsernames(page)).toEqual(pages[PAGES - 1]);

  // Backwards with "Previous" to the first page.
  for (let i = PAGES - 2; i >= 0; i--) {
    await hydrated(page);
    await prev(page).click();
    await expect(page).toHaveURL(/[?&]before=[^&]+/);
    await expect(page).toHaveURL(new RegExp(`[?&]size=${SIZE}(&|$)`));
    await expect.poll(() => tableUsernames(page), { message: `page ${i + 1} going back` }).toEqual(pages[i]);
  }
  await expect(disabled(page, "Previous")).toBeVisible();
  await expect(prev(page)).toHaveCount(0);
  await expect(next(page)).toBeVisible();
  await expect(page.getByLabel("Per page")).toHaveValue(String(SIZE));
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("seed");

  // And the history of the way back works too.
  await page.goBack();
  await expect.poll(() => tableUsernames(page)).toEqual(pages[1]);
  await page.goForward();
  await expect.poll(() => tableUsernames(page)).toEqual(pages[0]);

  // A full page load of a cursor URL renders the same rows on the server.
  await page.goto(urls[2]);
  await expect.poll(() => tableUsernames(page)).toEqual(pages[2]);
});
