import { test, expect } from "./fixtures";
import { ADMIN, MEMBER, apiCreateUser, basicAuth, expectNoSeriousA11yViolations, logIn, ready, uniqueName } from "./helpers";
import { startRelyingParty, type RelyingParty } from "./relying-party";

/**
 * Gatehouse as the sign-in of another application: an administrator
 * registers it in the panel, a person signs in to it through the login and
 * consent pages and signs out through RP-initiated logout; restricted to an
 * organisation, it refuses everyone else.
 */
test.describe.configure({ mode: "serial" });

let rp: RelyingParty;
let appName: string;

test.afterAll(async () => {
  await rp?.close();
});

test("an admin registers an application; a person signs in to it and signs out", async ({ page, browser, baseURL }) => {
  appName = uniqueName("Demo app");
  await logIn(page, ADMIN);
  rp = await startRelyingParty(baseURL!, async (redirectUri, logoutUri) => {
    await page.goto("/applications");
    await ready(page);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Register application" }) });
    // A broken redirect URI is a field error, nothing is registered.
    await form.getByLabel("Name").fill(appName);
    await form.getByLabel("Redirect URIs").fill("not a uri");
    await form.getByRole("button", { name: "Register application" }).click();
    await expect(page.locator("#field-redirect_uris-error")).toContainText("not an absolute URI");
    await form.getByLabel("Redirect URIs").fill(redirectUri);
    await form.getByLabel("Addresses after sign-out").fill(logoutUri);
    await form.getByRole("button", { name: "Register application" }).click();
    const secretBox = page.getByTestId("new-app-secret");
    await expect(secretBox).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/applications with a new secret");
    const clientId = await secretBox.locator("#new-app-client-id").inputValue();
    const clientSecret = await secretBox.locator("#new-app-client-secret").inputValue();
    return { clientId, clientSecret };
  });
  await expect(page.getByTestId("application-row").filter({ hasText: appName })).toBeVisible();

  // The person, in a browser of their own.
  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto(rp.url);
  await person.getByRole("link", { name: "Sign in with Gatehouse" }).click();
  await expect(person).toHaveURL(/\/login\?/);
  await person.locator("#username").fill(MEMBER.username);
  await person.locator("#password").fill(MEMBER.password);
  await person.getByRole("button", { name: "Log in" }).click();
  // Consent, in plain words, before anything is shared.
  await expect(person.getByRole("heading", { name: `Sign in to ${appName}` })).toBeVisible();
  await expect(person.getByText("See your username and display name")).toBeVisible();
  await expectNoSeriousA11yViolations(person, "the consent page");
  await person.getByRole("button", { name: "Allow" }).click();
  await expect(person.getByTestId("rp-user")).toHaveText("Signed in as Member Example");

  // The person sees the application on their account page.
  await person.goto("/account");
  await expect(person.getByTestId("grant-row").filter({ hasText: appName })).toBeVisible();

  // Signing out of the application signs out of Gatehouse too.
  await person.goto(rp.url);
  await person.getByRole("link", { name: "Sign out" }).click();
  await expect(person.getByTestId("rp-bye")).toBeVisible();
  await person.goto("/account");
  await expect(person).toHaveURL(/\/login/);
  await context.close();
});

test("restricted to an organisation, the application refuses everyone else", async ({ page, browser, request }) => {
  const orgName = uniqueName("Crew");
  const org = await request.post("/api/admin/v1/orgs", { headers: basicAuth(ADMIN), data: { name: orgName } });
  expect(org.status()).toBe(201);
  const outsider = { username: uniqueName("outsider"), password: "outsider-password-1" };
  await apiCreateUser(request, outsider);

  await logIn(page, ADMIN);
  await page.goto("/applications");
  await ready(page);
  await page.getByRole("link", { name: appName }).click();
  await expect(page.getByRole("heading", { level: 1, name: appName })).toBeVisible();
  await ready(page);
  await expectNoSeriousA11yViolations(page, "an application's page");
  await page.getByLabel(orgName).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto(rp.url);
  await person.getByRole("link", { name: "Sign in with Gatehouse" }).click();
  await person.locator("#username").fill(outsider.username);
  await person.locator("#password").fill(outsider.password);
  await person.getByRole("button", { name: "Log in" }).click();
  await expect(person.getByRole("heading", { name: `No access to ${appName}` })).toBeVisible();
  await expectNoSeriousA11yViolations(person, "the refusal page");
  await person.getByRole("link", { name: `Return to ${appName}` }).click();
  await expect(person.getByTestId("rp-error")).toHaveText("access_denied");
  await context.close();
});

test("the device page asks for the code, then for approval, without JavaScript", async ({ page, browser, request }) => {
  // Checked for accessibility with JavaScript (axe runs in the page).
  await logIn(page, MEMBER);
  await page.goto("/device");
  await expect(page.getByRole("heading", { name: "Connect a device" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the device page");

  const created = await request.post("/api/admin/v1/applications", {
    headers: basicAuth(ADMIN),
    data: { name: uniqueName("cli"), client_type: "public", redirect_uris: ["http://127.0.0.1/unused"] },
  });
  expect(created.status()).toBe(201);
  const clientId = (await created.json()).data.attributes.client_id as string;
  const start = await request.post("/oauth2/device_authorization", { form: { client_id: clientId, scope: "openid" } });
  expect(start.status()).toBe(200);
  const { user_code, device_code } = await start.json();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const person = await context.newPage();
  await person.goto("/device");
  await person.locator("#username").fill(MEMBER.username);
  await person.locator("#password").fill(MEMBER.password);
  await person.getByRole("button", { name: "Log in" }).click();
  await expect(person.getByRole("heading", { name: "Connect a device" })).toBeVisible();
  await person.getByLabel("Code").fill(user_code.toLowerCase());
  await person.getByRole("button", { name: "Continue" }).click();
  await expect(person.getByText(`A device showing the code ${user_code}`)).toBeVisible();
  await person.getByRole("button", { name: "Allow" }).click();
  await expect(person.getByRole("heading", { name: "Device connected" })).toBeVisible();
  await context.close();

  const tokens = await request.post("/oauth2/token", {
    form: { grant_type: "urn:ietf:params:oauth:grant-type:device_code", client_id: clientId, device_code },
  });
  expect(tokens.status()).toBe(200);
  expect((await tokens.json()).access_token).toMatch(/^gha_/);
});
