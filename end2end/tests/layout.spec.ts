import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ADMIN, logIn } from "./helpers";

// Each page's main layout containers compute the layout the stylesheet gives
// them. A stylesheet that parses but whose rules match nothing (a block left
// open nests every later rule) leaves these at the browser's defaults.

type Expected = Record<string, string | RegExp>;

async function expectStyled(page: Page, selector: string, expected: Expected): Promise<void> {
  const element = page.locator(selector).first();
  await expect(element, `${selector} on ${page.url()}`).toBeAttached();
  const computed = await element.evaluate((el, names) => {
    const style = getComputedStyle(el);
    return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n)]));
  }, Object.keys(expected));
  for (const [property, value] of Object.entries(expected)) {
    const what = `${selector} { ${property} } on ${new URL(page.url()).pathname}`;
    if (value instanceof RegExp) expect(computed[property], what).toMatch(value);
    else expect(computed[property], what).toBe(value);
  }
}

/** What every page inside the panel's frame has. */
async function expectFrame(page: Page): Promise<void> {
  await expectStyled(page, "header.topbar", { display: "flex", "flex-wrap": "wrap" });
  await expectStyled(page, "nav.mainnav", { display: "flex", "min-width": "0px" });
  await expectStyled(page, "main#main", { "max-width": "1280px" });
  await expectStyled(page, ".site-footer", { "text-align": "center" });
}

const LIST = { ".page-head": { display: "flex" }, "table.data": { "border-collapse": "collapse" } };

const PAGES: Array<[string, Record<string, Expected>]> = [
  [
    "/",
    {
      ".stat-grid": { display: "grid" },
      ".chart-grid": { display: "grid" },
      // Unstyled SVG bars are black and its axis labels 16 px.
      "figure.chart .bar": { fill: /^rgb\((?!0, 0, 0\))/ },
      "figure.chart figcaption": { "font-size": /^(1[0-5]|[0-9])(\.\d+)?px$/ },
    },
  ],
  ["/users", { ...LIST, "form.filters": { display: "flex" } }],
  ["/orgs", LIST],
  ["/sessions", { "form.filters": { display: "flex" }, "table.data": { "border-collapse": "collapse" } }],
  ["/audit", { "form.filters": { display: "flex" } }],
  ["/registration-tokens", { ".page-head": { display: "flex" }, "form.stack": { display: "flex" } }],
  ["/modules", { ".switch": { display: "inline-flex" } }],
  ["/jobs", { ".jobs-toolbar": { display: "flex" } }],
  ["/settings", { ".settings-section h2": { "font-family": /monospace/ } }],
  ["/account", { ".card": { "border-top-left-radius": "8px" } }],
];

test("every page's layout containers compute their styled layout", async ({ page }) => {
  await logIn(page, ADMIN);
  for (const [path, expectations] of PAGES) {
    await page.goto(path);
    await expectFrame(page);
    for (const [selector, expected] of Object.entries(expectations)) {
      await expectStyled(page, selector, expected);
    }
  }
  // A user's page: its tabs.
  await page.goto("/users?search=seed-000");
  await page.getByRole("link", { name: "seed-000", exact: true }).click();
  await expectStyled(page, "nav.tabs", { display: "flex" });
});

test("the login page's form is styled", async ({ page }) => {
  await page.goto("/login");
  await expectStyled(page, ".auth", { "padding-top": "28px" });
  await expectStyled(page, ".button.primary", { "background-color": /^rgb\((?!0, 0, 0\))/ });
});
