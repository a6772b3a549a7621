import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { ADMIN, apiCreateUser, expectNoSeriousA11yViolations, hydrated, logIn, navLink, uniqueName } from "./helpers";

/** The organisation view (inside the page's suspense) is live in the browser. */
async function orgViewLive(page: Page): Promise<void> {
  await hydrated(page);
  await page.locator("[data-testid=org-view][data-live=true]").waitFor({ state: "attached" });
}

test("an admin creates an organisation, adds a member by username, changes the role and removes them", async ({
  browser,
  page,
  request,
}) => {
  const stem = uniqueName("orgmate");
  const password = "orgmate-password-1";
  const mate = await apiCreateUser(request, { username: stem, password });
  const orgName = uniqueName("Org");

  await logIn(page, ADMIN);
  await navLink(page, "Organisations");
  await expect(page).toHaveURL(/\/orgs$/);
  await hydrated(page);

  // A blank name is refused next to the field.
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("   ");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.locator("#field-name")).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("textbox", { name: "Name", exact: true }).fill(orgName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgName);
  await expect(page).toHaveURL(/\/orgs\/[0-9A-Z]{26}$/);
  const orgUrl = page.url();
  await orgViewLive(page);

  // Add the member with the username suggestions, as editor.
  const username = page.getByLabel("Username");
  await username.pressSequentially(stem.slice(0, 12));
  await expect(page.getByTestId("username-suggestions").locator(`option[value="${stem}"]`)).toHaveCount(1);
  await username.fill(stem);
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "Add member" }).click();
  const row = page.getByTestId("member-row").filter({ hasText: stem });
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel(`Role of ${stem}`)).toHaveValue("editor");
  await expect(page.getByTestId("members-count")).toHaveText("1 member");

  // An unknown username is an error under the field.
  await username.fill("no-such-user-here");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.locator("#field-username-error")).toContainText("no user named");
  await expectNoSeriousA11yViolations(page, "an organisation page with a field error");

  // The list shows the member count and finds it by name.
  await page.goto(`/orgs?filter[search]=${encodeURIComponent(orgName)}`);
  const listed = page.getByTestId("org-row");
  await expect(listed).toHaveCount(1);
  await expect(listed.locator("td[data-label=Members]")).toHaveText("1");
  await expect(page.getByLabel("Name contains")).toHaveValue(orgName);

  // The member sees the organisation on their account page.
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await logIn(memberPage, { username: stem, password });
  await memberPage.goto("/account");
  await expect(memberPage.getByTestId("my-org")).toContainText(orgName);
  await expect(memberPage.getByTestId("my-org")).toContainText("Editor");

  // Change the role inline, then see it on the user's Organisations tab.
  await page.goto(orgUrl);
  await orgViewLive(page);
  await row.getByLabel(`Role of ${stem}`).selectOption("admin");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText(`${stem} is now admin of this organisation.`)).toBeVisible();
  await page.goto(`/users/${mate.id}?tab=orgs`);
  const membership = page.getByTestId("membership-row").filter({ hasText: orgName });
  await expect(membership.getByLabel(`Role in ${orgName}`)).toHaveValue("admin");

  // Remove, after confirming; the member's account page follows.
  await page.goto(orgUrl);
  await orgViewLive(page);
  await row.getByText("Remove…").click();
  await expect(row.getByRole("group", { name: "Confirm" })).toContainText(`Remove ${stem} from this organisation?`);
  await row.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(0);
  await memberPage.reload();
  await expect(memberPage.getByTestId("no-my-orgs")).toBeVisible();
  await context.close();

  // Delete the organisation.
  await page.getByText("Delete organisation…").click();
  await page.getByRole("button", { name: "Delete organisation" }).click();
  await expect(page).toHaveURL(/\/orgs$/);
  await page.goto(`/orgs?filter[search]=${encodeURIComponent(orgName)}`);
  await expect(page.getByTestId("org-row")).toHaveCount(0);
});
