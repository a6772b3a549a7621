import { expect, test } from "./fixtures";
import { ADMIN, expectNoSeriousA11yViolations, hydrated, logIn } from "./helpers";

type Page = import("@playwright/test").Page;

/** The page background, as painted. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Picks a theme in the header; the page comes back with it, styles loaded. */
async function choose(page: Page, theme: "Light" | "Dark" | "System"): Promise<void> {
  await page.getByRole("group", { name: "Colour theme" }).getByRole("button", { name: theme }).click();
  const html = page.locator("html");
  if (theme === "System") await expect(html).not.toHaveAttribute("data-theme", /.*/);
  else await expect(html).toHaveAttribute("data-theme", theme.toLowerCase());
  await page.waitForLoadState("load");
}

test("a chosen theme is remembered and served with the page, and System follows the system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await logIn(page, ADMIN);
  await page.goto("/users");
  await hydrated(page);
  const light = await background(page);
  const switcher = page.getByRole("group", { name: "Colour theme" });
  await expect(switcher.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "true");

  await choose(page, "Dark");
  await expect(page).toHaveURL(/\/users$/);
  await expect(switcher.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  const dark = await background(page);
  expect(dark).not.toBe(light);
  await expectNoSeriousA11yViolations(page, "/users in the dark theme under a light system");

  // After a reload the HTML itself carries the theme: no light first paint.
  const served = await page.context().request.get("/users");
  expect(await served.text()).toContain('<html lang="en" data-theme="dark"');
  await page.reload();
  expect(await background(page)).toBe(dark);

  await choose(page, "System");
  expect(await background(page)).toBe(light);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background(page)).toBe(dark);

  // Light wins over a dark system.
  await choose(page, "Light");
  expect(await background(page)).toBe(light);
  await expectNoSeriousA11yViolations(page, "/users in the light theme under a dark system");
  await choose(page, "System");
});
