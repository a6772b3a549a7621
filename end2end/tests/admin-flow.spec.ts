import { expect, test } from "./fixtures";
import { ADMIN, hydrated, logIn, navLink, uniqueName } from "./helpers";

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login\?next=%2Fusers$/);
  await expect(page.getByRole("heading", { name: "Log in to Gatehouse" })).toBeVisible();
});

test("admin logs in, creates a user, finds and opens them, logs out", async ({ page }) => {
  const username = uniqueName("e2e");
  const displayName = `E2E Person ${username.slice(-6)}`;
  const email = `${username}@example.org`;

  await test.step("a wrong password is refused with an alert", async () => {
    await page.goto("/login");
    await page.locator("#username").fill(ADMIN.username);
    await page.locator("#password").fill("not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("alert")).toContainText("Invalid username or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step("the right password lands on the dashboard (no other page was asked for)", async () => {
    await page.locator("#username").fill(ADMIN.username);
    await page.locator("#password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("whoami")).toHaveText(ADMIN.username);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await navLink(page, "Users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "My account" })).toBeVisible();
  });

  await test.step("create a user through the form", async () => {
    await hydrated(page);
    await page.getByRole("link", { name: "New user" }).click();
    await expect(page).toHaveURL(/\/users\/new$/);
    await expect(page.getByRole("heading", { level: 1, name: "New user" })).toBeVisible();
    await hydrated(page);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Display name").fill(displayName);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-good-password-9");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page).toHaveURL(/\/users\/[0-9A-Z]{26}$/);
    // The heading: the username and the status badge.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${username} active`);
    const attributes = page.getByTestId("user-attributes");
    await expect(attributes).toContainText(displayName);
    await expect(attributes).toContainText(email);
  });

  await test.step("find them with the search box", async () => {
    await page.goto("/users");
    await hydrated(page);
    await page.getByRole("searchbox", { name: "Search" }).fill(username);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`/users\\?filter%5Bsearch%5D=${username}(&|$)`));
    await expect(page.getByTestId("users-count")).toHaveText("1 user");
    const rows = page.locator("table.data tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator("td[data-label=Email]")).toHaveText(email);
    await expect(rows.first().locator("td[data-label=Status] .badge")).toHaveText("active");
    // The filter survives a reload: its state is in the URL.
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(username);
    await expect(page.getByTestId("users-count")).toHaveText("1 user");
  });

  await test.step("open the detail page from the table", async () => {
    await hydrated(page);
    await page.locator("table.data tbody").getByRole("link", { name: username }).click();
    await expect(page).toHaveURL(/\/users\/[0-9A-Z]{26}$/);
    // The heading: the username and the status badge.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${username} active`);
    const attributes = page.getByTestId("user-attributes");
    await expect(attributes).toContainText(displayName);
    await expect(attributes).toContainText(email);
    await expect(attributes.locator(".badge.status-active")).toHaveText("active");
  });

  await test.step("log out", async () => {
    await hydrated(page);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/users");
    await expect(page).toHaveURL(/\/login\?next=%2Fusers$/);
  });
});

test("the create form shows each field's error", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/users/new");
  await hydrated(page);

  const username = page.getByLabel("Username");
  const password = page.getByLabel("Password");
  const email = page.getByLabel("Email");
  const create = page.getByRole("button", { name: "Create user" });
  const errorOf = (id: string) => page.locator(`#field-${id}-error`);

  await username.fill("Upper-Case");
  await create.click();
  await expect(errorOf("username")).toHaveText("Username must be lowercase.");
  await expect(username).toHaveAttribute("aria-invalid", "true");
  // Hydrated, the action runs in place: no page reload, the typed values stay.
  await expect(page).toHaveURL(/\/users\/new$/);
  await expect(username).toHaveValue("Upper-Case");

  await username.fill("member");
  await create.click();
  await expect(errorOf("username")).toHaveText("The username 'member' is already taken.");

  const fresh = uniqueName("e2e-err");
  await username.fill(fresh);
  await password.fill("short");
  await create.click();
  await expect(errorOf("password")).toHaveText("Password must be at least 8 characters.");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(errorOf("username")).toHaveCount(0);
  await expect(username).not.toHaveAttribute("aria-invalid", "true");

  // Accepted by the browser's type=email check, refused by the server's rule.
  await password.fill("");
  await email.fill("someone@localhost");
  await create.click();
  await expect(errorOf("email")).toHaveText("Enter an email address like name@example.org.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field.has-error")).toHaveCount(1);
});
