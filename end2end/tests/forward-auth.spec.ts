import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect } from "./fixtures";
import { ADMIN, MEMBER, expectNoSeriousA11yViolations, logIn, ready, uniqueName } from "./helpers";

/**
 * A site behind nginx's `auth_request`: an administrator protects it in the
 * panel; a person opening it lands on the Gatehouse login, signs in and
 * arrives at the page they asked for, which learns who they are.
 */
test.describe.configure({ mode: "serial" });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

let nginx: ChildProcess | undefined;
let dir = "";

test.afterAll(() => {
  nginx?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function startNginx(gatehouse: string): Promise<number> {
  const [port, upstream] = [await freePort(), await freePort()];
  dir = mkdtempSync(join(tmpdir(), "gatehouse-e2e-nginx-"));
  mkdirSync(join(dir, "tmp"));
  const gate = gatehouse.replace(/^http:\/\//, "");
  // The README's snippet, with test ports.
  const config = `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${upstream};
    location / {
      default_type text/html;
      return 200 '<!DOCTYPE html><html lang="en"><head><title>Protected page</title></head><body><main><h1>Protected page</h1><p data-testid="who">Hello $http_remote_name ($http_remote_user)</p></main></body></html>';
    }
  }
  server {
    listen 127.0.0.1:${port};
    location = /gatehouse-auth {
      internal;
      proxy_pass http://${gate}/forward-auth/nginx;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
    location / {
      auth_request /gatehouse-auth;
      auth_request_set $gatehouse_user $upstream_http_remote_user;
      auth_request_set $gatehouse_name $upstream_http_remote_name;
      auth_request_set $gatehouse_login $upstream_http_location;
      error_page 401 =302 $gatehouse_login;
      proxy_set_header Remote-User $gatehouse_user;
      proxy_set_header Remote-Name $gatehouse_name;
      proxy_pass http://127.0.0.1:${upstream};
    }
  }
}
`;
  writeFileSync(join(dir, "nginx.conf"), config);
  const binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
  if (!binary) throw new Error("nginx is not installed: run scripts/setup.sh test");
  nginx = spawn(binary, ["-c", join(dir, "nginx.conf"), "-p", dir, "-e", join(dir, "error.log")], {
    stdio: "inherit",
  });
  // Ready when it accepts connections.
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (up) return port;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("nginx did not start");
}

test("a person opens a protected page, signs in and arrives at it", async ({ page, browser, baseURL }) => {
  const prefix = `/${uniqueName("docs")}`;
  const siteName = uniqueName("Docs site");
  const port = await startNginx(baseURL!);

  // The administrator protects the site in the panel.
  await logIn(page, ADMIN);
  await page.goto("/applications");
  await ready(page);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Protect site" }) });
  await form.getByLabel("Name").fill(siteName);
  // A broken host is a field error, nothing is registered.
  await form.getByLabel("Hosts").fill("not a host/");
  await form.getByRole("button", { name: "Protect site" }).click();
  await expect(page.locator("#field-hosts-error")).toContainText("not a host");
  await form.getByLabel("Hosts").fill("127.0.0.1");
  await form.getByLabel("Path prefixes").fill(prefix);
  await form.getByRole("button", { name: "Protect site" }).click();
  await expect(page.getByTestId("new-site")).toContainText(siteName);
  const row = page.getByTestId("application-row").filter({ hasText: siteName });
  await expect(row).toContainText("forward auth");
  await expectNoSeriousA11yViolations(page, "/applications with a protected site");

  // The person, in a browser of their own.
  const context = await browser.newContext();
  const person = await context.newPage();
  const protectedUrl = `http://127.0.0.1:${port}${prefix}/guide?section=2`;
  await person.goto(protectedUrl);
  await expect(person).toHaveURL(/\/login\?next=/);
  await person.locator("#username").fill(MEMBER.username);
  await person.locator("#password").fill(MEMBER.password);
  await person.getByRole("button", { name: "Log in" }).click();
  await expect(person).toHaveURL(protectedUrl);
  await expect(person.getByTestId("who")).toHaveText(`Hello Member Example (${MEMBER.username})`);

  // A path no application protects is refused, not waved through.
  const other = await person.goto(`http://127.0.0.1:${port}/unprotected-${Date.now()}`);
  expect(other?.status()).toBe(403);
  await context.close();
});
