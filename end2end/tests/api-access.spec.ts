import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  ADMIN,
  apiCreateUser,
  basicAuth,
  expectNoSeriousA11yViolations,
  hydrated,
  logIn,
  MEMBER,
  navLink,
  uniqueName,
} from "./helpers";

const API = "/api/admin/v1";

function bearer(secret: string): Record<string, string> {
  return { Authorization: "Bearer " + secret };
}

async function usersStatus(request: APIRequestContext, secret: string): Promise<number> {
  return (await request.get(`${API}/users`, { headers: bearer(secret) })).status();
}

/** No secret may travel in a URL (history, logs, Referer). */
function expectNotInUrl(page: Page, secret: string): void {
  expect(page.url()).not.toContain(secret);
}

test("an admin creates a personal token on a user's Tokens tab, uses it and revokes it", async ({
  page,
  request,
}) => {
  const username = uniqueName("tokens");
  const user = await apiCreateUser(request, { username, password: "a-long-password-1", admin: true });

  await logIn(page, ADMIN);
  await page.goto(`/users/${user.id}?tab=tokens`);
  await hydrated(page);
  await expect(page.getByRole("tab", { name: "Tokens" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("no-tokens")).toBeVisible();

  // An expiry in the past comes back next to its field.
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("old script");
  await page.getByLabel("Expires on (optional)").fill("2001-01-01");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.locator("#field-expires_on-error")).toBeVisible();
  await expect(page.getByLabel("Expires on (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);

  await page.getByRole("textbox", { name: "Name", exact: true }).fill("ci script");
  await page.getByLabel("Expires on (optional)").fill("");
  await page.getByLabel("Scope").selectOption({ label: "Full admin" });
  await page.getByRole("button", { name: "Create token" }).click();

  const box = page.getByTestId("new-token-secret");
  await expect(box).toContainText("Copy it now: it will not be shown again");
  const secretField = box.getByLabel("Secret", { exact: true });
  await expect(secretField).toHaveAttribute("readonly", "");
  await expect(secretField).toBeFocused();
  const secret = await secretField.inputValue();
  expect(secret.length).toBeGreaterThan(20);
  expectNotInUrl(page, secret);

  // Copy puts exactly the secret on the clipboard.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await box.getByRole("button", { name: "Copy secret" }).click();
  await expect(box.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // The list was refreshed: the new token, active, full admin.
  const row = page.getByTestId("token-row").filter({ hasText: "ci script" });
  await expect(row.locator("td[data-label=Scopes]")).toHaveText("full admin");
  await expect(row.locator("td[data-label=State]")).toHaveText("active");
  await expect(row.locator("td[data-label=Expires]")).toHaveText("never");

  expect(await usersStatus(request, secret)).toBe(200);

  // Shown once: after a reload it is nowhere on the page.
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("token-row")).toHaveCount(1);
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  // Revoking asks first.
  await expect(row.getByRole("button", { name: "Revoke ci script" })).toBeHidden();
  await row.getByText("Revoke…").click();
  await expect(row.getByRole("group", { name: "Confirm" })).toContainText("refused at once");
  await row.getByRole("button", { name: "Revoke ci script" }).click();
  await expect(row.locator("td[data-label=State]")).toHaveText("revoked");
  await expect(row.getByText("Revoke…")).toHaveCount(0);

  expect(await usersStatus(request, secret)).toBe(401);
});

test("a read-only token may read but not change anything", async ({ page, request }) => {
  await logIn(page, ADMIN);
  await page.goto("/account");
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const name = uniqueName("readonly");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("Scope").selectOption({ label: "Read only" });
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("new-token-secret").getByLabel("Secret", { exact: true }).inputValue();
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row.locator("td[data-label=Scopes]")).toHaveText("read only");

  expect(await usersStatus(request, secret)).toBe(200);
  const write = await request.post(`${API}/users`, {
    headers: bearer(secret),
    data: { username: uniqueName("nope") },
  });
  expect(write.status()).toBe(403);

  // "I have copied it" puts the secret away for good.
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);

  await row.getByText("Revoke…").click();
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.locator("td[data-label=State]")).toHaveText("revoked");
});

test("an API client gets access tokens by client credentials until it is revoked", async ({
  page,
  request,
  baseURL,
}) => {
  const name = uniqueName("client");
  await logIn(page, ADMIN);
  await navLink(page, "API clients");
  await expect(page).toHaveURL(/\/oauth2-clients$/);
  await expect(page.getByRole("heading", { level: 1, name: "API clients" })).toBeVisible();
  await hydrated(page);

  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Create API client" }).click();

  const box = page.getByTestId("new-client-secret");
  await expect(box).toContainText("Copy it now: it will not be shown again");
  const clientId = await box.getByLabel("Client id", { exact: true }).inputValue();
  const clientSecret = await box.getByLabel("Client secret", { exact: true }).inputValue();
  expect(clientId).not.toBe("");
  expect(clientSecret).not.toBe("");
  expectNotInUrl(page, clientSecret);
  await expect(box.getByRole("button", { name: "Copy client id" })).toBeVisible();
  await expect(box.getByRole("button", { name: "Copy client secret" })).toBeVisible();
  // A ready-to-run request against this very server.
  const curl = box.getByTestId("curl-example");
  await expect(curl).toContainText(`${baseURL}/oauth2/token`);
  await expect(curl).toContainText(`${clientId}:${clientSecret}`);
  await expect(curl).toContainText("grant_type=client_credentials");

  const row = page.getByTestId("client-row").filter({ hasText: name });
  await expect(row.locator("code")).toHaveText(clientId);
  // The client acts with its creator's roles, named explicitly.
  await expect(row.locator("td[data-label=Scopes]")).toHaveText("full admin, as Server administrator");
  await expect(row.locator("td[data-label=State]")).toHaveText("active");

  const issued = await request.post("/oauth2/token", {
    form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
  });
  expect(issued.status(), await issued.text()).toBe(200);
  const accessToken = (await issued.json()).access_token as string;
  expect(await usersStatus(request, accessToken)).toBe(200);

  await row.getByText("Revoke…").click();
  await expect(row.getByRole("group", { name: "Confirm" })).toContainText("stop working at once");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.locator("td[data-label=State]")).toContainText("revoked");

  expect(await usersStatus(request, accessToken)).toBe(401);
  const again = await request.post("/oauth2/token", {
    form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
  });
  expect(again.status()).toBe(401);
});

/* ---------- The IP allow-list ---------- */

// Every other test reaches this server from 127.0.0.1: the list must never
// shut that address out, and is left empty.
async function clearAllowList(request: APIRequestContext): Promise<void> {
  const res = await request.get(`${API}/allowlist`, { headers: basicAuth(ADMIN) });
  expect(res.status(), await res.text()).toBe(200);
  const entries = ((await res.json()).data as { id: string }[]).map((d) => d.id);
  // The entry admitting us goes last, so every step keeps 127.0.0.1 allowed.
  entries.sort((a, b) => Number(a === "127.0.0.1") - Number(b === "127.0.0.1"));
  for (const entry of entries) {
    const del = await request.delete(`${API}/allowlist/${entry}?confirm_lockout=true`, { headers: basicAuth(ADMIN) });
    expect([204, 404], `removing ${entry}: ${await del.text()}`).toContain(del.status());
  }
}

async function allowListEntries(request: APIRequestContext): Promise<string[]> {
  const res = await request.get(`${API}/allowlist`, { headers: basicAuth(ADMIN) });
  return ((await res.json()).data as { id: string }[]).map((d) => d.id);
}

test.describe("the IP allow-list", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ request }) => clearAllowList(request));
  test.afterAll(async ({ request }) => {
    await clearAllowList(request);
    expect(await allowListEntries(request)).toEqual([]);
  });

  test("entries are added and removed, with a warning before a lock-out", async ({ page, request }) => {
    try {
      await logIn(page, ADMIN);
      await navLink(page, "IP allow-list");
      await expect(page).toHaveURL(/\/allowlist$/);
      await hydrated(page);
      await expect(page.getByTestId("no-entries")).toBeVisible();
      const yourIp = page.getByTestId("your-ip");
      await expect(yourIp).toContainText("Your address as the server sees it: 127.0.0.1");
      await expect(yourIp).toContainText("allowed (the list is empty)");

      const entryField = page.getByLabel("Address or network");
      const noteField = page.getByLabel("Note (optional)");
      const addButton = page.getByRole("button", { name: "Add entry", exact: true });
      const row = (entry: string) =>
        page.getByTestId("allow-row").filter({ has: page.getByText(entry, { exact: true }) });

      // 10.0.0.0/8 alone would shut out 127.0.0.1: refused with a warning.
      await entryField.fill("10.0.0.0/8");
      await noteField.fill("office");
      await addButton.click();
      const warning = page.getByTestId("lockout-warning");
      await expect(warning).toBeVisible();
      await expect(warning).toContainText("would lock out your own address (127.0.0.1)");
      const understood = warning.getByLabel("I understand: my own address will lose admin access");
      await expect(understood).not.toBeChecked();
      await expect(warning.getByRole("button", { name: "Add anyway" })).toBeVisible();
      await expectNoSeriousA11yViolations(page, "/allowlist with the lock-out warning");
      await expect(page.getByTestId("no-entries")).toBeVisible();
      expect(await allowListEntries(request)).toEqual([]);

      await entryField.fill("127.0.0.1");
      await noteField.fill("this machine");
      await addButton.click();
      await expect(row("127.0.0.1")).toBeVisible();
      await expect(row("127.0.0.1").locator("td[data-label=Note]")).toHaveText("this machine");
      await expect(row("127.0.0.1").locator("td[data-label=Added]")).toContainText(ADMIN.username);
      await expect(warning).toHaveCount(0);
      await expect(yourIp).toContainText("allowed by the list");

      // Now 127.0.0.1 stays allowed: no warning.
      await entryField.fill("10.0.0.0/8");
      await noteField.fill("office");
      await addButton.click();
      await expect(row("10.0.0.0/8")).toBeVisible();
      await expect(warning).toHaveCount(0);

      await entryField.fill("2001:db8::/32");
      await noteField.fill("");
      await addButton.click();
      await expect(row("2001:db8::/32")).toBeVisible();
      await expect(page.getByTestId("allow-row")).toHaveCount(3);

      // Host bits set: not a network. The error sits next to the field.
      await entryField.fill("10.0.0.1/8");
      await addButton.click();
      await expect(page.locator("#field-entry-error")).toBeVisible();
      await expect(entryField).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByTestId("allow-row")).toHaveCount(3);
      await expectNoSeriousA11yViolations(page, "/allowlist with entries and a field error");

      // Removing 127.0.0.1 first would shut us out: a warning, nothing removed.
      await row("127.0.0.1").getByText("Remove…").click();
      await row("127.0.0.1").getByRole("button", { name: "Remove 127.0.0.1" }).click();
      await expect(warning).toContainText("would lock out your own address");
      await expect(warning.getByRole("button", { name: "Remove 127.0.0.1 anyway" })).toBeVisible();
      await expect(page.getByTestId("allow-row")).toHaveCount(3);

      for (const entry of ["10.0.0.0/8", "2001:db8::/32", "127.0.0.1"]) {
        await row(entry).getByText("Remove…").click();
        await row(entry).getByRole("button", { name: `Remove ${entry}` }).click();
        await expect(row(entry)).toHaveCount(0);
      }
      await expect(page.getByTestId("no-entries")).toBeVisible();
      expect(await allowListEntries(request)).toEqual([]);
    } finally {
      await clearAllowList(request);
    }
  });
});

test("the new pages have no serious accessibility problems", async ({ page, request }) => {
  const user = await apiCreateUser(request, { username: uniqueName("a11y-tokens"), admin: true });
  await logIn(page, ADMIN);

  await page.goto(`/users/${user.id}?tab=tokens`);
  await hydrated(page);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("a11y");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token-secret")).toBeVisible();
  await page.getByTestId("token-row").getByText("Revoke…").click();
  await expectNoSeriousA11yViolations(page, "the Tokens tab with a new secret");

  await page.goto("/oauth2-clients");
  await hydrated(page);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(uniqueName("a11y-client"));
  await page.getByRole("button", { name: "Create API client" }).click();
  await expect(page.getByTestId("new-client-secret")).toBeVisible();
  await page.getByTestId("client-row").first().getByText("Revoke…").click();
  await expectNoSeriousA11yViolations(page, "/oauth2-clients with a new secret");

  await page.goto("/allowlist");
  await hydrated(page);
  await expectNoSeriousA11yViolations(page, "/allowlist");
});

test("the new pages and the admin links fit a narrow screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, ADMIN);
  for (const path of ["/oauth2-clients", "/allowlist", "/account"]) {
    await page.goto(path);
    await hydrated(page);
    // The navigation folds behind the Menu button; opened, its groups fit.
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = page.locator("details.navmenu > summary");
    await expect(menu).toBeInViewport();
    await expect(nav.getByRole("link", { name: "My account" })).toBeHidden();
    await menu.click();
    await expect(nav.getByRole("link", { name: "My account" })).toBeInViewport();
    await nav.locator("details.navgroup > summary", { hasText: "Access" }).click();
    for (const link of ["API clients", "IP allow-list"]) {
      await expect(nav.getByRole("link", { name: link })).toBeInViewport();
    }
    await menu.click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test("members see neither the links nor the pages", async ({ page }) => {
  await logIn(page, MEMBER);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "API clients" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "IP allow-list" })).toHaveCount(0);
  for (const path of ["/oauth2-clients", "/allowlist"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(403);
  }
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "API tokens" })).toHaveCount(0);
});
