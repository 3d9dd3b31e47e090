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

test("a voter finds last year's unused letter and enters its code: told that vote closed and when, in their language", async ({ page }) => {
  const [{ code }] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = '2025' and p.id is null and v.voidedAt is null order by v.code limit 1`,
  );
  await page.goto("/vote?lng=es");
  await page.getByLabel("Código de votación").fill(code);
  await page.getByRole("button", { name: "Continuar a mi boleta" }).click();
  await expect(page.getByLabel("Código de votación")).toHaveAccessibleDescription(/La votación de “Presupuesto participativo de Riverside 2025–26” cerró el 21 de marzo de 2026: este código ya no puede votar\./);
  await shot(page, "vote-code-of-closed-cycle-es");
});
