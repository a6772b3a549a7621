import { expect, test } from "./fixtures";
import { ADMIN, hydrated, logIn } from "./helpers";

test("the panel's WebAssembly loads and takes over navigation", async ({ page }) => {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));

  await logIn(page, ADMIN);
  await hydrated(page);
  expect(problems, "errors while loading the panel").toEqual([]);

  // Hydrated, the router navigates in place: no new document is requested.
  const documents: string[] = [];
  page.on("request", (r) => r.resourceType() === "document" && documents.push(r.url()));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-username")).toHaveText(ADMIN.username);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My account" }))
    .toHaveAttribute("aria-current", "page");
  expect(documents, "full page loads during client-side navigation").toEqual([]);
  expect(problems, "errors after navigating").toEqual([]);
});
