import { expect, test } from "./fixtures";
import { type APIRequestContext, type Page } from "@playwright/test";
import {
  ADMIN,
  apiCreateUser,
  apiUserByName,
  basicAuth,
  expectNoSeriousA11yViolations,
  hydrated,
  logIn,
  navLink,
  uniqueName,
} from "./helpers";

const API = "/api/admin/v1";

async function grantRoles(request: APIRequestContext, id: string, roles: string[]): Promise<void> {
  const res = await request.put(`${API}/users/${id}/permissions`, { headers: basicAuth(ADMIN), data: { roles } });
  expect(res.status(), await res.text()).toBe(200);
}

async function createOrg(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.post(`${API}/orgs`, { headers: basicAuth(ADMIN), data: { name } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data.id;
}

/** Every link of the main navigation, hidden ones (closed groups) included. */
async function navLabels(page: Page): Promise<string[]> {
  return page
    .getByRole("navigation", { name: "Main" })
    .locator("a")
    .evaluateAll((links) => links.map((a) => (a.textContent ?? "").trim()));
}

test("a helpdesk user unlocks an account and resets its password, and is offered nothing more", async ({
  page,
  request,
}) => {
  const desk = { username: uniqueName("desk"), password: "desk-password-1" };
  const deskUser = await apiCreateUser(request, desk);
  await grantRoles(request, deskUser.id, ["helpdesk"]);
  const locked = await apiCreateUser(request, { username: uniqueName("locked"), password: "locked-password-1" });
  const lock = await request.post(`${API}/users/${locked.id}/lock`, { headers: basicAuth(ADMIN) });
  expect(lock.status()).toBe(200);

  await logIn(page, desk);
  // The start page is the first one a helpdesk may use.
  await expect(page).toHaveURL(/\/users$/);
  await hydrated(page);
  const labels = await navLabels(page);
  expect(labels).toContain("Users");
  for (const hidden of ["IP allow-list", "Settings", "Audit log", "Applications", "Dashboard", "Broadcast"]) {
    expect(labels, `${hidden} is not offered`).not.toContain(hidden);
  }

  await page.goto(`/users/${locked.id}?tab=security`);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(locked.username);
  // No roles, no profile editing, no danger zone.
  await expect(page.getByTestId("roles-form")).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "Danger zone" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Lock/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Unlock" }).click();
  await expect.poll(async () => (await apiUserByName(request, locked.username))?.status).toBe("active");

  await page.getByLabel("New password").fill("reset-by-desk-1");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set.")).toBeVisible();
  // The new password works: the API knows who it is (and refuses a member).
  const asTarget = await request.get(`${API}/users`, {
    headers: basicAuth({ username: locked.username, password: "reset-by-desk-1" }),
  });
  expect(asTarget.status()).toBe(403);
  await expectNoSeriousA11yViolations(page, "a user's security tab seen by the helpdesk");

  await page.goto(`/users/${locked.id}?tab=profile`);
  await hydrated(page);
  await expect(page.getByTestId("user-roles")).toHaveText("None");
  await expect(page.getByRole("button", { name: "Save profile" })).toHaveCount(0);

  // Pages it may not use answer 403.
  for (const path of ["/allowlist", "/settings", "/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("an organisation's admin adds a member to their organisation and cannot open another", async ({
  page,
  request,
}) => {
  const orgA = uniqueName("Team");
  const orgB = uniqueName("Other");
  const aId = await createOrg(request, orgA);
  const bId = await createOrg(request, orgB);
  const lead = { username: uniqueName("lead"), password: "lead-password-1" };
  const leadUser = await apiCreateUser(request, lead);
  const join = await request.put(`${API}/orgs/${aId}/members/${leadUser.id}`, {
    headers: basicAuth(ADMIN),
    data: { role: "admin" },
  });
  expect(join.status(), await join.text()).toBe(201);
  const newcomer = await apiCreateUser(request, { username: uniqueName("newcomer"), password: "newcomer-password-1" });

  await logIn(page, lead);
  await hydrated(page);
  const labels = await navLabels(page);
  expect(labels).toContain("Organisations");
  for (const hidden of ["Users", "IP allow-list", "Settings"]) {
    expect(labels, `${hidden} is not offered`).not.toContain(hidden);
  }
  await navLink(page, "Organisations");
  await expect(page).toHaveURL(/\/orgs$/);
  await hydrated(page);
  const rows = page.getByTestId("org-row");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(orgA);
  await expect(page.getByRole("button", { name: "Create organisation" })).toHaveCount(0);

  await rows.getByRole("link", { name: orgA }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgA);
  await hydrated(page);
  await page.locator("[data-testid=org-view][data-live=true]").waitFor({ state: "attached" });
  await expect(page.getByRole("heading", { name: "Rename" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Delete organisation" })).toHaveCount(0);
  await page.getByLabel("Username").fill(newcomer.username);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("members").getByRole("link", { name: newcomer.username })).toBeVisible();
  const members = await request.get(`${API}/orgs/${aId}/members`, { headers: basicAuth(ADMIN) });
  const names = (await members.json()).data.map((m: { attributes: { username: string } }) => m.attributes.username);
  expect(names).toContain(newcomer.username);
  await expectNoSeriousA11yViolations(page, "an organisation seen by its admin");

  const other = await page.goto(`/orgs/${bId}`);
  expect(other?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(orgB);
});
