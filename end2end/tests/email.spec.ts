import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { simpleParser } from "mailparser";

import { test, expect } from "./fixtures";
import { expectNoSeriousA11yViolations, freePort, hydrated } from "./helpers";

// Mail through the real pages: a server of its own sends through a real SMTP
// server on loopback (Python's aiosmtpd, writing a maildir); the tests read
// the delivered messages with a MIME parser and open their links.

const PASSWORD = "mail-flow-pw-1";
const ADMIN_PASSWORD = "mail-admin-pw-1";

interface Delivered {
  to: string;
  subject: string;
  text: string;
  html: string;
}

let smtp: ChildProcess | undefined;
let server: ChildProcess | undefined;
let base = "";
let maildir = "";

async function messages(): Promise<Delivered[]> {
  const out: Delivered[] = [];
  for (const sub of ["new", "cur"]) {
    for (const name of readdirSync(join(maildir, sub))) {
      const parsed = await simpleParser(readFileSync(join(maildir, sub, name)));
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      out.push({
        to: to?.value[0]?.address ?? "",
        subject: parsed.subject ?? "",
        text: parsed.text ?? "",
        html: typeof parsed.html === "string" ? parsed.html : "",
      });
    }
  }
  return out;
}

/** Waits for the message to `to` whose subject has `subject`; its link to `path`. */
async function linkIn(to: string, subject: string, path: string): Promise<string> {
  let found: Delivered | undefined;
  await expect
    .poll(async () => {
      found = (await messages()).find((m) => m.to === to && m.subject.includes(subject));
      return found !== undefined;
    }, { timeout: 20_000 })
    .toBe(true);
  expect(found!.html, "multipart: an HTML part too").toContain("<a href=");
  const link = found!.text.split(/\s+/).find((w) => w.startsWith("http") && w.includes(path));
  expect(link, found!.text).toBeDefined();
  return link!;
}

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${base}/api/admin/v1${path}`, {
    method: "POST",
    headers: {
      Authorization: "Basic " + Buffer.from(`admin:${ADMIN_PASSWORD}`).toString("base64"),
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });
}

test.beforeAll(async () => {
  const [smtpPort, port] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  const data = mkdtempSync(join(tmpdir(), "gatehouse-mail-e2e-"));
  maildir = join(data, "mail");
  for (const sub of ["tmp", "new", "cur"]) mkdirSync(join(maildir, sub), { recursive: true });
  smtp = spawn("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", `127.0.0.1:${smtpPort}`, "-c", "aiosmtpd.handlers.Mailbox", maildir], {
    stdio: "inherit",
  });
  const env = {
    PATH: process.env.PATH ?? "",
    GATEHOUSE_LISTEN: `127.0.0.1:${port}`,
    GATEHOUSE_PUBLIC_URL: base,
    GATEHOUSE_DATA_DIR: data,
    GATEHOUSE_REGISTRATION_MODE: "token",
    GATEHOUSE_EMAIL_HOST: "127.0.0.1",
    GATEHOUSE_EMAIL_PORT: String(smtpPort),
    GATEHOUSE_EMAIL_SECURITY: "none",
    GATEHOUSE_EMAIL_FROM: "Gatehouse <gatehouse@example.org>",
    RUST_LOG: "warn",
  };
  const binary = join(__dirname, "..", "..", "target", process.env.BUILD_PROFILE ?? "release", "gatehouse");
  const admin = spawnSync(binary, ["create-admin", "--username", "admin", "--password-stdin"], {
    env,
    input: `${ADMIN_PASSWORD}\n`,
  });
  expect(admin.status, String(admin.stderr)).toBe(0);
  server = spawn(binary, ["serve"], { env, stdio: "inherit" });
  await expect
    .poll(async () => (await fetch(`${base}/login`).catch(() => undefined))?.status, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
  smtp?.kill();
});

test("a forgotten password is replaced through the link in the mail", async ({ page }) => {
  const created = await api("/users", { username: "mia", password: PASSWORD, email: "mia@example.org" });
  expect(created.status, await created.text()).toBe(201);

  await page.goto(`${base}/login`);
  await page.getByTestId("forgot-password").click();
  await expect(page).toHaveURL(`${base}/forgot-password`);
  await expectNoSeriousA11yViolations(page, "forgot password");
  await page.getByRole("textbox", { name: "Email" }).fill("mia@example.org");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("reset-requested")).toBeVisible();

  const link = await linkIn("mia@example.org", "Reset your password", "/reset-password");
  await page.goto(link);
  await expect(page.getByText("Choose a new password for mia")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "reset password");
  await page.getByRole("textbox", { name: "New password" }).fill("mia-new-password-2");
  await page.getByRole("textbox", { name: "Repeat password" }).fill("mia-new-password-2");
  await page.getByRole("button", { name: "Set the password and sign in" }).click();
  await expect(page).toHaveURL(`${base}/account`);
  await expect(page.getByTestId("account-username")).toHaveText("mia");

  // The link worked once.
  await page.goto(link);
  await expect(page.getByTestId("link-invalid")).toBeVisible();
});

test("an invitation from the registration tokens page leads to a new account", async ({ page, browser }) => {
  await page.goto(`${base}/login`);
  await page.locator("#username").fill("admin");
  await page.locator("#password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("whoami")).toHaveText("admin");
  await page.goto(`${base}/registration-tokens`);
  await hydrated(page);
  const form = page.getByTestId("invite-form");
  await form.getByRole("textbox", { name: "Email" }).fill("ivy@example.org");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByTestId("invitation-sent")).toContainText("ivy@example.org");
  const row = page.getByTestId("invitation-row").filter({ hasText: "ivy@example.org" });
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "invited");

  const link = await linkIn("ivy@example.org", "You are invited", "/register");
  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("textbox", { name: "Email" })).toHaveValue("ivy@example.org");
  await guest.getByRole("textbox", { name: "Username" }).fill("ivy");
  await guest.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await guest.getByRole("textbox", { name: "Repeat password" }).fill(PASSWORD);
  await guest.getByRole("button", { name: "Create account" }).click();
  await expect(guest).toHaveURL(`${base}/account`);
  await expect(guest.getByTestId("account-username")).toHaveText("ivy");
  // Invited at this address: it is verified.
  await expect(guest.getByTestId("email-state").locator(".badge.verified")).toBeVisible();
  await visitor.close();

  await page.reload();
  await expect(page.getByTestId("invitation-row").filter({ hasText: "ivy@example.org" }).locator("[data-status]"))
    .toHaveAttribute("data-status", "registered");
});
