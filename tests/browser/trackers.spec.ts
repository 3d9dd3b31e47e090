import { expect, test } from "@playwright/test";
import { query, shot } from "./helpers";

test("a voter checks a tracker from last year's receipt on this year's tracker page: taken to the vote that counted it, which says so", async ({ page }) => {
  const [{ tracker, district }] = query<{ tracker: string; district: string }>(
    `select b.tracker, d.name as district from Ballot b join Cycle c on c.id = b.cycleId join District d on d.id = b.districtId where c.slug = '2025' order by b.tracker limit 1`,
  );
  await page.goto("/results/trackers?cycle=2026");
  await page.getByLabel("Your tracker").fill(tracker.toLowerCase());
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page).toHaveURL(/cycle=2025/);
  await expect(page.getByText(`Ballot ${tracker} was counted in ${district}.`)).toBeVisible();
  await expect(page.getByText(/^Riverside PB 2025–26\./)).toBeVisible();
  await shot(page, "tracker-other-cycle");
});
