import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, expectNoSeriousA11yViolations, hydrated, ready, uniqueName } from "./helpers";

type Page = import("@playwright/test").Page;

const LOCALES = join(__dirname, "..", "..", "src", "i18n", "locales");

/** Every message key, from the English files: none may show on a page. */
const KEYS: string[] = readdirSync(join(LOCALES, "en")).flatMap((file) =>
  [...readFileSync(join(LOCALES, "en", file), "utf8").matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]),
);

/**
 * English UI words that differ in French and German (so not "Server",
 * "Filter", "Export", "Sessions", "Status"): none may remain.
 */
const ENGLISH = [
  "Log in", "Log out", "Username", "Password", "Users", "Settings", "Loading", "Save", "Search",
  "Created", "Dashboard", "My account", "Signed in as", "Profile", "Previous", "Display name",
  "Change password", "Delete", "Cancel", "Inbox", "Audit log", "Last seen", "Sessions you", "Role",
  "Show", "Columns", "Light", "Dark", "Language", "People", "Access", "Organisations and roles",
];

const LOGIN_BUTTON = { fr: "Se connecter", de: "Anmelden", es: "Iniciar sesión" } as const;
const ACCOUNT = { fr: "Mon compte", de: "Mein Konto", es: "Mi cuenta" } as const;

/** The page's visible text holds no English UI word and no message key. */
async function expectTranslated(page: Page, language: string, what: string): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  const text = await page.locator("body").innerText();
  const english = ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, "u").test(text));
  expect(english, `English left on ${what} in ${language}`).toEqual([]);
  const keys = KEYS.filter((key) => new RegExp(`(^|[^a-z0-9-])${key}([^a-z0-9-]|$)`).test(text));
  expect(keys, `message keys shown on ${what} in ${language}`).toEqual([]);
}

for (const language of ["fr", "de"] as const) {
  test(`a person whose browser asks for ${language} gets the panel in it, from login to a user page`, async ({ browser }) => {
    const context = await browser.newContext({ locale: language === "fr" ? "fr-FR" : "de-DE" });
    const page = await context.newPage();
    await page.goto("/login");
    await ready(page);
    await expectTranslated(page, language, "the login page");
    await page.locator("#username").fill(ADMIN.username);
    await page.locator("#password").fill(ADMIN.password);
    await page.getByRole("button", { name: LOGIN_BUTTON[language] }).click();
    await expect(page.getByTestId("whoami")).toHaveText(ADMIN.username);

    await page.goto("/account");
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ACCOUNT[language]);
    await expectTranslated(page, language, "/account");

    await page.goto("/users");
    await hydrated(page);
    await expect(page.locator("table.data tbody tr").first()).toBeVisible();
    await expectTranslated(page, language, "/users");

    await page.locator("table.data tbody tr a[href^='/users/']").first().click();
    await expect(page).toHaveURL(/\/users\/[0-9A-Z]+/);
    await hydrated(page);
    await expectTranslated(page, language, "a user page");
    await context.close();
  });
}

test("the language chosen on the login page, then on the account, is kept", async ({ browser, request }) => {
  // A person of their own: the language stored on the account must not
  // follow the administrator into other specs.
  const who = { username: uniqueName("polyglot"), password: "polyglot-password-1" };
  await apiCreateUser(request, who);
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Language").selectOption("de");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bei Gatehouse anmelden");

  await page.locator("#username").fill(who.username);
  await page.locator("#password").fill(who.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByTestId("whoami")).toHaveText(who.username);
  await page.goto("/account");
  await hydrated(page);
  await expectTranslated(page, "de", "/account of a member");
  // Stored on the account: Spanish from now on, in any browser.
  const form = page.getByTestId("language-form");
  await form.getByLabel("Sprache").selectOption("es");
  await form.getByRole("button", { name: "Sprache speichern" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mi cuenta");
  await expect(page.getByText("Idioma guardado.")).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await context.close();

  const elsewhere = await browser.newContext({ locale: "fr-FR" });
  const other = await elsewhere.newPage();
  await other.goto("/login");
  await expect(other.locator("html")).toHaveAttribute("lang", "fr");
  await other.locator("#username").fill(who.username);
  await other.locator("#password").fill(who.password);
  await other.getByRole("button", { name: "Se connecter" }).click();
  await expect(other.getByTestId("whoami")).toHaveText(who.username);
  await expect(other.locator("html")).toHaveAttribute("lang", "es");
  await elsewhere.close();
});

for (const language of ["en", "fr", "de", "es"]) {
  for (const theme of ["light", "dark"]) {
    test(`axe finds nothing serious in ${language}, ${theme}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ locale: language, colorScheme: theme as "light" | "dark" });
      await context.addCookies([{ name: "gatehouse_theme", value: theme, url: baseURL! }]);
      const page = await context.newPage();
      await page.goto("/login");
      await ready(page);
      await expectNoSeriousA11yViolations(page, `/login in ${language}, ${theme}`);
      await page.locator("#username").fill(ADMIN.username);
      await page.locator("#password").fill(ADMIN.password);
      await page.locator("form.auth button[type=submit]").click();
      await expect(page.getByTestId("whoami")).toHaveText(ADMIN.username);
      for (const path of ["/account", "/users", "/"]) {
        await page.goto(path);
        await hydrated(page);
        await expectNoSeriousA11yViolations(page, `${path} in ${language}, ${theme}`);
      }
      await context.close();
    });
  }
}
