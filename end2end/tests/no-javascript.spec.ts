import { expect, test } from "./fixtures";
import { ADMIN, apiCreateUser, apiUserByName, basicAuth, uniqueName } from "./helpers";

// Plain HTML forms: the server renders, redirects and reports errors itself.
test.use({ javaScriptEnabled: false });

test("creating a user works without JavaScript", async ({ page }) => {
  const username = uniqueName("nojs");

  await page.goto("/login");
  await page.locator("#username").fill(ADMIN.username);
  await page.locator("#password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("whoami")).toHaveText(ADMIN.username);
  await expect(page.getByTestId("stat-users-total")).toHaveText(/^\d+$/);

  await page.goto("/users/new");
  await expect(page.getByRole("heading", { level: 1, name: "New user" })).toBeVisible();

  // A validation error comes back from the server in the rendered page.
  await page.getByLabel("Username").fill(username.toUpperCase());
  await page.getByLabel("Password").fill("a-good-password-9");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/users\/new/);
  await expect(page.locator("#field-username-error")).toHaveText("Username must be lowercase.");
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field.has-error")).toHaveCount(1);

  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Display name").fill("No Script");
  await page.getByLabel("Email").fill(`${username}@example.org`);
  await page.getByLabel("Password").fill("a-good-password-9");
  await page.getByLabel("Server administrator").check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9A-Z]{26}$/);
  // The heading: the username and the status badge.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${username} active`);
  const attributes = page.getByTestId("user-attributes");
  await expect(attributes).toContainText("No Script");
  await expect(attributes).toContainText(`${username}@example.org`);
  // The checkbox was posted: the new user is an administrator.
  await expect(attributes.locator("dt:text-is('Server administrator') + dd")).toHaveText("yes");

  // The users list renders on the server too, filter included.
  await page.goto(`/users?filter[search]=${username}`);
  await expect(page.getByTestId("users-count")).toHaveText("1 user");
  await expect(page.locator("table.data tbody").getByRole("link", { name: username })).toBeVisible();
});

test("the user page's tabs, their forms and sorting work without JavaScript", async ({ page, request }) => {
  const username = uniqueName("nojs-tabs");
  const user = await apiCreateUser(request, { username, password: "a-long-password-1" });

  await page.goto("/login");
  await page.locator("#username").fill(ADMIN.username);
  await page.locator("#password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/$/);

  // Sorting is a plain link.
  await page.goto(`/users?filter[search]=${username.slice(0, 10)}`);
  await page.locator("th.sortable a[data-sort=username]").click();
  await expect(page).toHaveURL(/[?&]sort=username(&|$)/);
  await expect(page.locator("th.sortable:has(a[data-sort=username])")).toHaveAttribute("aria-sort", "ascending");

  await page.goto(`/users/${user.id}`);
  const tabs = page.getByRole("tablist", { name: "User sections" });
  await expect(tabs.getByRole("tab", { name: "Profile" })).toHaveAttribute("aria-selected", "true");

  // A refused profile comes back with the field's error; a good one is saved.
  await page.getByLabel("Email").fill("someone@localhost");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("Enter an email address like name@example.org.");
  await page.getByLabel("Email").fill(`${username}@example.org`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page).toHaveURL(/\?tab=profile&saved=1$/);
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await expect(page.getByTestId("user-attributes")).toContainText(`${username}@example.org`);

  // The confirmation step is a <details>: no script needed.
  await tabs.getByRole("tab", { name: "Security" }).click();
  await expect(page).toHaveURL(/\?tab=security$/);
  await page.getByText("Lock…").click();
  await page.getByRole("button", { name: `Lock ${username}` }).click();
  await expect(page).toHaveURL(/\?tab=security$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${username} locked`);

  await tabs.getByRole("tab", { name: "Danger zone" }).click();
  await page.getByLabel(`Type ${username} to confirm`).fill(username);
  // Enter submits: the button stays aria-disabled without script (see the fixme below).
  await page.getByLabel(`Type ${username} to confirm`).press("Enter");
  await expect(page).toHaveURL(/\/users$/);
  expect(await apiUserByName(request, username)).toBeNull();
});

// APP BUG (src/app/pages/user_detail.rs, DangerTab): the Delete button gets
// aria-disabled="true" from a signal that only updates on the input's
// client-side `input` event. Without JavaScript (or before hydration) it stays
// aria-disabled, so it is announced and styled as unavailable even after the
// right username is typed, although pressing it works. Expected: no
// aria-disabled in the server-rendered page (rely on the pattern check), or
// only once the page is hydrated.
test("without JavaScript the Delete button is not announced as disabled", async ({ page, request }) => {
  const username = uniqueName("nojs-del");
  const user = await apiCreateUser(request, { username, password: "a-long-password-1" });
  await page.goto("/login");
  await page.locator("#username").fill(ADMIN.username);
  await page.locator("#password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/users/${user.id}?tab=danger`);
  await page.getByLabel(`Type ${username} to confirm`).fill(username);
  await expect(page.getByRole("button", { name: `Delete ${username}` })).not.toHaveAttribute("aria-disabled", "true");
});

test("the Tokens tab lists a user's tokens and revokes one without JavaScript", async ({ page, request }) => {
  const username = uniqueName("nojs-tokens");
  const user = await apiCreateUser(request, { username, password: "a-long-password-1", admin: true });
  const created = await request.post(`/api/admin/v1/users/${user.id}/tokens`, {
    headers: basicAuth(ADMIN),
    data: { name: "nightly backup", scopes: ["urn:gatehouse:admin:read"] },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto("/login");
  await page.locator("#username").fill(ADMIN.username);
  await page.locator("#password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto(`/users/${user.id}?tab=tokens`);
  const row = page.getByTestId("token-row").filter({ hasText: "nightly backup" });
  await expect(row.locator("td[data-label=Scopes]")).toHaveText("read only");
  await expect(row.locator("td[data-label=State]")).toHaveText("active");

  await row.getByText("Revoke…").click();
  await row.getByRole("button", { name: "Revoke nightly backup" }).click();
  await expect(page).toHaveURL(/\?tab=tokens$/);
  await expect(row.locator("td[data-label=State]")).toHaveText("revoked");
});

test("the allow-list renders, adds and removes without JavaScript", async ({ page, request }) => {
  // Only 127.0.0.1 (every test's own address) is ever added, and the list is
  // left empty whatever happens.
  try {
    await page.goto("/login");
    await page.locator("#username").fill(ADMIN.username);
    await page.locator("#password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/$/);

    await page.goto("/allowlist");
    await expect(page.getByTestId("your-ip")).toContainText("127.0.0.1");
    await expect(page.getByTestId("no-entries")).toBeVisible();

    // A field error comes back from the server.
    await page.getByLabel("Address or network").fill("10.0.0.1/8");
    await page.getByRole("button", { name: "Add entry", exact: true }).click();
    await expect(page.locator("#field-entry-error")).toBeVisible();

    await page.getByLabel("Address or network").fill("127.0.0.1");
    await page.getByLabel("Note (optional)").fill("no script");
    await page.getByRole("button", { name: "Add entry", exact: true }).click();
    await expect(page).toHaveURL(/\/allowlist$/);
    const row = page.getByTestId("allow-row").filter({ hasText: "127.0.0.1" });
    await expect(row.locator("td[data-label=Note]")).toHaveText("no script");
    await expect(page.getByTestId("your-ip")).toContainText("allowed by the list");

    await row.getByText("Remove…").click();
    await row.getByRole("button", { name: "Remove 127.0.0.1" }).click();
    await expect(page).toHaveURL(/\/allowlist$/);
    await expect(page.getByTestId("no-entries")).toBeVisible();
  } finally {
    await request.delete("/api/admin/v1/allowlist/127.0.0.1?confirm_lockout=true", { headers: basicAuth(ADMIN) });
  }
});
