// Bytes a browser transfers for a cold load (empty cache) of a page: every
// response's encoded size as Chromium's network layer counts it (headers and
// compressed bodies). Usage: node bench/cold-load.mjs BASE USER PASSWORD
import { createRequire } from "node:module";
const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const { chromium } = require("@playwright/test");

const [base, username, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** Loads `path` in a fresh context (no cache) and sums what crossed the wire. */
async function coldLoad(path, cookies = []) {
  const context = await browser.newContext();
  if (cookies.length) await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map();
  let total = 0;
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response));
  cdp.on("Network.loadingFinished", (e) => {
    total += e.encodedDataLength;
    const r = urls.get(e.requestId);
    if (r) urls.set(e.requestId, { ...r, bytes: e.encodedDataLength });
  });
  await page.goto(base + path, { waitUntil: "load" });
  // Pages that load the panel's code count only once it has hydrated (the
  // login page is plain HTML and loads none).
  if ((await page.locator("script[type=module]").count()) > 0) {
    await page.locator("html[data-hydrated=true]").waitFor({ state: "attached", timeout: 30_000 });
  }
  await page.waitForLoadState("networkidle");
  const rows = [...urls.values()]
    .filter((r) => r.bytes !== undefined)
    .map((r) => `    ${String(r.bytes).padStart(9)} B  ${r.headers["content-encoding"] ?? "identity"}  ${new URL(r.url).pathname}`);
  const state = await context.storageState();
  await context.close();
  return { total, rows, cookies: state.cookies };
}

const login = await coldLoad("/login");
console.log(`cold load of /login: ${login.total} bytes\n${login.rows.join("\n")}`);

// Log in once (a form post), then load /users cold with only the session cookie.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(base + "/login");
await page.locator("#username").fill(username);
await page.locator("#password").fill(password);
await page.getByRole("button", { name: "Log in" }).click();
await page.getByTestId("whoami").waitFor();
const { cookies } = await context.storageState();
await context.close();
const users = await coldLoad("/users", cookies);
console.log(`cold load of /users: ${users.total} bytes\n${users.rows.join("\n")}`);
await browser.close();
