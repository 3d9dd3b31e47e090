import { expect, test } from "@playwright/test";
import { query, shot, signIn } from "./helpers";

// Walks in which a person is told plainly where they stand: a tracker from another vote, an old letter,
// an idea's fate, a merge about to happen, a support given by mistake.

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

test("a voter checks their tracker before the results are out: told the ballot is recorded and when to look again, not that it is missing", async ({ page }) => {
  const [{ code }] = query<{ code: string }>(
    `select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id
     where c.slug = 'libraries-2026' and p.id is null and v.voidedAt is null order by v.code limit 1 offset 7`,
  );
  await page.goto("/vote?lng=es");
  await page.getByLabel("Código de votación").fill(code);
  await page.getByRole("button", { name: "Continuar a mi boleta" }).click();
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Revisar mi boleta" }).click();
  await page.getByRole("button", { name: "Confirmar y emitir mi voto" }).click();
  const tracker = (await page.getByTestId("tracker").textContent())!.trim();
  await page.goto("/results/trackers");
  await page.getByLabel("Su código de seguimiento").fill(tracker);
  await page.getByRole("button", { name: "Comprobar" }).click();
  const notice = page.getByRole("status").filter({ hasText: `La boleta ${tracker} está registrada en Votación de las bibliotecas de Riverside 2026.` });
  await expect(notice).toContainText(/la votación cierra el \d+ de \w+ de \d{4}\./);
  await expect(page.getByText(/Ninguna boleta contada tiene/)).toHaveCount(0);
  await shot(page, "tracker-recorded-not-yet-counted-es");
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

test("a resident following an idea reads on its page that its proposal was found not feasible, and the agency's reason", async ({ page }) => {
  const [idea] = query<{ id: string; proposal: string; reason: string }>(
    `select i.id, p.title as proposal, e.publicReason as reason from Idea i join ProposalIdea pi on pi.ideaId = i.id join Proposal p on p.id = pi.proposalId
     join CostEstimate e on e.proposalId = p.id join Cycle c on c.id = i.cycleId
     where c.slug = '2025' and p.status = 'not_feasible' order by i.number, e.version desc limit 1`,
  );
  await page.goto(`/ideas/${idea.id}`);
  const outcome = page.getByRole("region", { name: "What happened to this idea" });
  await expect(outcome.getByRole("listitem")).toContainText(`${idea.proposal} — Not feasible`);
  await expect(outcome).toContainText(`The agency's reason: ${idea.reason}`);
  await shot(page, "idea-proposal-not-feasible");
});

test("a delegate merging a duplicate idea by number is first shown which idea that is, told it is already a proposal, and can back out", async ({ browser }) => {
  const delegate = await signIn(browser, "delegate");
  const [shade, orchard] = query<{ id: string; number: number; title: string }>(
    `select i.id, i.number, i.title from Idea i join Cycle c on c.id = i.cycleId where c.slug = 'parks-2027' and i.title in ('Shade at the splash pad', 'Community orchard at Hillcrest') order by i.title desc`,
  );
  await delegate.goto(`/ideas/${shade.id}`);
  await delegate.getByLabel("Number of the idea that carries this one forward").fill(String(orchard.number));
  await delegate.getByRole("button", { name: "Merge", exact: true }).click();
  const ask = delegate.getByRole("alert");
  await expect(ask).toContainText(`Merge #${shade.number} “${shade.title}” into #${orchard.number} “${orchard.title}”?`);
  await expect(ask).toContainText(`#${orchard.number} is already developed into a proposal.`);
  await shot(delegate, "idea-merge-confirm");
  // A typo: backing out leaves the idea open.
  await ask.getByRole("link", { name: "No, keep it open" }).click();
  await expect(delegate.getByText("Open", { exact: true }).first()).toBeVisible();
  expect(query<{ status: string }>("select status from Idea where id = ?", shade.id)).toEqual([{ status: "open" }]);
  await delegate.context().close();
});

test("a resident takes back a support given by mistake, and can give it again", async ({ browser }) => {
  const resident = await signIn(browser, "resident");
  const [idea] = query<{ id: string }>(
    `select i.id from Idea i join Cycle c on c.id = i.cycleId where c.slug = 'youth-2027' and i.status = 'open' and i.hiddenAt is null
     and not exists (select 1 from IdeaSupport s join User u on u.id = s.userId where s.ideaId = i.id and u.email = 'resident@riverside.example') order by i.number desc limit 1`,
  );
  await resident.goto(`/ideas/${idea.id}`);
  const support = resident.getByRole("region", { name: "Support" });
  await support.getByRole("button", { name: "Support this idea" }).click();
  await expect(support.getByText("You support this idea.")).toBeVisible();
  await support.getByRole("button", { name: "Take back my support" }).click();
  await expect(resident.getByText("Your support is taken back.")).toBeVisible();
  await expect(support.getByRole("button", { name: "Support this idea" })).toBeVisible();
  await shot(resident, "idea-support-taken-back");
  await resident.context().close();
});
