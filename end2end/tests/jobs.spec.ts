import { expect, test } from "./fixtures";
import { ADMIN, basicAuth, expectNoSeriousA11yViolations, hydrated, logIn, navLink } from "./helpers";

// start-server.sh rests 500 ms between batches, so the six batches of
// recount_stats take about three seconds: long enough to watch.

// Whatever happens below, later specs need the jobs running.
test.afterEach(async ({ request }) => {
  await request.post("/api/admin/v1/jobs/pause-all", { headers: basicAuth(ADMIN), data: { paused: false } });
});

test("a job's progress bar moves while it runs, and pause-all pauses and resumes", async ({ page }) => {
  await logIn(page, ADMIN);
  await navLink(page, "Jobs");
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await hydrated(page);
  await expectNoSeriousA11yViolations(page, "the jobs page");

  const row = page.locator('tr[data-job="recount_stats"]');
  const bar = row.getByRole("progressbar", { name: "Progress of recount_stats" });
  const runs = row.getByTestId("job-progress-text");
  await row.getByRole("button", { name: "Run now recount_stats" }).click();
  await expect(page.getByRole("status").filter({ hasText: "queued" })).toContainText("The recount_stats job is queued to run now.");

  // Mid-run: part of the bar is filled, the state says running.
  await expect
    .poll(async () => Number(await bar.getAttribute("value")), { timeout: 8_000, intervals: [100] })
    .toBeGreaterThan(0);
  const seenMidway = Number(await bar.getAttribute("value"));
  expect(seenMidway).toBeLessThan(6);
  await expect(row.getByTestId("job-state")).toHaveText("running");
  // And then it fills up, without a reload.
  await expect(runs).toHaveText("6 / 6 (100%)", { timeout: 15_000 });
  await expect(row.getByTestId("job-state")).toHaveText("idle");
  await expect(bar).toHaveAttribute("value", "6");
  await expect(row.getByTestId("job-result")).toHaveText("recounted the user totals");

  // Pause all: every job shows as paused and cannot be started.
  await page.getByTestId("pause-all").click();
  await expect(page.getByTestId("jobs-state")).toHaveText("All jobs are paused.");
  await expect(page.getByTestId("pause-all")).toHaveText("Resume all jobs");
  await expect(page.locator('tr[data-job] [data-testid="job-state"]').first()).toHaveText("paused");
  await expect(row.getByRole("button", { name: "Run now recount_stats" })).toBeDisabled();

  // The API agrees.
  const job = await page.request.get("/api/admin/v1/jobs/recount_stats", { headers: basicAuth(ADMIN) });
  expect((await job.json()).data.attributes.paused).toBe(true);

  await page.getByTestId("pause-all").click();
  await expect(page.getByTestId("jobs-state")).toHaveText("Jobs are running on schedule.");
  await expect(row.getByRole("button", { name: "Run now recount_stats" })).toBeEnabled();

  // The dashboard links its jobs figure here.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByTestId("stat-jobs-running")).toBeVisible();
});
