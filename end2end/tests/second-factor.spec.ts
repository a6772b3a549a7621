import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import * as OTPAuth from "otpauth";
import type { CDPSession, Page } from "@playwright/test";

import { test, expect } from "./fixtures";
import { ADMIN, expectNoSeriousA11yViolations, freePort, hydrated, ready, uniqueName } from "./helpers";

// Second factors through the real pages: an authenticator app added from
// the QR page and asked at the next sign-in (codes computed by the `otpauth`
// library, not by the server), passkeys with Chromium's virtual
// authenticator, and the enrolment a server's policy forces on admins.

const PORT = Number(process.env.E2E_PORT ?? 3210);
const PASSWORD = "second-factor-pw-1";

/** A member created over the admin API (HTTP Basic as the seeded admin). */
async function newMember(prefix: string): Promise<string> {
  const username = uniqueName(prefix);
  const res = await fetch(`http://127.0.0.1:${PORT}/api/admin/v1/users`, {
    method: "POST",
    headers: {
      Authorization: "Basic " + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString("base64"),
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ username, password: PASSWORD, admin: false }),
  });
  expect(res.status, await res.text()).toBe(201);
  return username;
}

async function passwordStep(page: Page, username: string): Promise<void> {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

/** The code an authenticator app shows `steps` periods from now. */
function code(secret: string, steps = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

test("an authenticator app is added from its QR page and asked at the next sign-in", async ({ page }) => {
  const username = await newMember("totp");
  await passwordStep(page, username);
  await expect(page.getByTestId("whoami")).toHaveText(username);
  await page.goto("/account");
  await hydrated(page);
  await page.getByTestId("security-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await expect(page.getByTestId("no-factors")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/account/security");

  await page.getByTestId("add-totp").click();
  await expect(page.getByTestId("totp-qr").locator("svg")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/account/security/totp");
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  // A wrong code: the field says so, and the same secret stays on the page.
  await page.getByRole("textbox", { name: "Code", exact: true }).fill("000000");
  await page.getByRole("button", { name: "Add the app" }).click();
  await expect(page.locator("#field-code-error")).toContainText("does not match");
  await expect(page.getByTestId("totp-secret")).toHaveText(secret);
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(code(secret));
  await page.getByRole("button", { name: "Add the app" }).click();
  await expect(page).toHaveURL(/\/account\/security\?added=totp/);
  await expect(page.getByTestId("factor-row")).toHaveCount(1);
  await expect(page.getByTestId("factor-row")).toContainText("Authenticator app");

  // Recovery codes: ten, shown once.
  await hydrated(page);
  await page.getByTestId("regenerate-codes").click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  await logOut(page);
  await passwordStep(page, username);
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/login/second-factor");
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(code(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("whoami")).toHaveText(username);

  // Confirming one's identity again (before a dangerous change) goes back.
  await page.goto("/confirm?next=%2Faccount%2Fsecurity");
  await expectNoSeriousA11yViolations(page, "/confirm");
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Confirm with the password" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
});

/** A virtual authenticator that holds passkeys and verifies its user. */
async function virtualAuthenticator(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return cdp;
}

test.describe("passkeys", () => {
  // WebAuthn takes no IP address: the server answers for `localhost`.
  test.use({ baseURL: `http://localhost:${PORT}` });

  test("a passkey is registered, then signs in alone and as the second step", async ({ page }) => {
    const username = await newMember("passkey");
    await virtualAuthenticator(page);
    await passwordStep(page, username);
    await expect(page.getByTestId("whoami")).toHaveText(username);
    await page.goto("/account/security");
    await ready(page);
    await page.getByLabel("Name", { exact: true }).fill("Laptop");
    await page.getByTestId("add-passkey").click();
    await expect(page).toHaveURL(/\/account\/security\?added=passkey/);
    await expect(page.getByTestId("factor-row")).toContainText("Laptop");
    await expect(page.getByTestId("factor-row")).toContainText("Passkey");

    // Passwordless: the login page's passkey button.
    await logOut(page);
    await page.getByTestId("use-passkey").click();
    await expect(page.getByTestId("whoami")).toHaveText(username);

    // After the password, the passkey is the second step.
    await logOut(page);
    await passwordStep(page, username);
    await expect(page).toHaveURL(/\/login\/second-factor/);
    await page.getByTestId("use-passkey").click();
    await expect(page.getByTestId("whoami")).toHaveText(username);
  });
});

test.describe("a server that requires a second factor of admins", () => {
  let server: ChildProcess | undefined;
  let base = "";

  test.beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const binary = join(__dirname, "..", "..", "target", process.env.BUILD_PROFILE ?? "release", "gatehouse");
    server = spawn(binary, [], {
      env: {
        PATH: process.env.PATH ?? "",
        GATEHOUSE_LISTEN: `127.0.0.1:${port}`,
        GATEHOUSE_DATA_DIR: mkdtempSync(join(tmpdir(), "gatehouse-2fa-")),
        GATEHOUSE_REQUIRE_SECOND_FACTOR: "admins",
        RUST_LOG: "warn",
      },
      stdio: "inherit",
    });
    // Ready when it answers.
    await expect
      .poll(async () => (await fetch(`${base}/login`).catch(() => undefined))?.status, { timeout: 30_000 })
      .toBe(200);
  });

  test.afterAll(() => {
    server?.kill();
  });

  test("the first admin is sent to add a factor before anything else", async ({ page }) => {
    await page.goto(`${base}/setup`);
    await page.getByRole("textbox", { name: "Username" }).fill("first-admin");
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
    await page.getByRole("textbox", { name: "Repeat password" }).fill(PASSWORD);
    await page.getByRole("button", { name: /create/i }).click();
    await expect(page).toHaveURL(`${base}/account/security`);
    await expect(page.getByTestId("enrolment-required")).toBeVisible();
    // Every other page leads back here.
    await page.goto(`${base}/users`);
    await expect(page).toHaveURL(`${base}/account/security`);

    await page.getByTestId("add-totp").click();
    const secret = (await page.getByTestId("totp-secret").innerText()).trim();
    await page.getByRole("textbox", { name: "Code", exact: true }).fill(code(secret));
    await page.getByRole("button", { name: "Add the app" }).click();
    await expect(page).toHaveURL(/\/account\/security\?added=totp/);
    await expect(page.getByTestId("enrolment-required")).toHaveCount(0);
    await page.goto(`${base}/users`);
    await expect(page).toHaveURL(`${base}/users`);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  });
});
