import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { countAndPublish, cycleOpenForVoting, money, type CycleSpec } from "./cycles";
import { shot } from "./helpers";

// One ballot of each method that full-cycle.spec.ts does not follow (knapsack, ranked), cast through the
// UI and followed to the published results page, its downloads and the printable council report.
// The seeded voting cycles stay open for the other specs, so each method gets a new cycle of its own
// (./cycles.ts).

// Each test walks a whole cycle through every role (about a minute on a busy two-core machine).
test.describe.configure({ timeout: 420_000 });

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const today = () => new Date().toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/** A voter with no account opens their ballot with the code from their letter. */
async function openBallot(browser: Browser, code: string, district: string) {
  const voter = await (await browser.newContext()).newPage();
  await voter.goto("/vote");
  await voter.getByLabel("Voter code").fill(code);
  await voter.getByRole("button", { name: "Continue to my ballot" }).click();
  await expect(voter.getByRole("heading", { name: `Your ballot: ${district}` })).toBeVisible();
  return voter;
}

async function castReviewed(voter: Page) {
  await voter.getByRole("button", { name: "Review my ballot" }).click();
  await voter.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(voter.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  await voter.context().close();
}

async function download(page: Page, link: Locator) {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

interface Expected {
  district: string;
  budget: number;
  spent: number;
  /** Winners in the order the page lists them, with their votes (points on ranked ballots). */
  winners: { title: string; votes: number; cost: number; note: string }[];
  losers: { title: string; votes: number; cost: number; note: string }[];
  /** Each ballot's vote line in the .pb file: proposal numbers, ascending or in rank order (one per ballot). */
  voteLines: string[];
}

const ballotsCounted = (n: number) => `${n} ${n === 1 ? "ballot" : "ballots"}`;

/** The public results page, the CSV, the JSON, the .pb files and the council report, all agreeing. */
async function checkPublished(browser: Browser, cycle: CycleSpec, ruleId: string, expected: Expected[], screenshot: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/results?cycle=${cycle.slug}`);
  await expect(page.getByRole("heading", { name: `Results: ${cycle.name}` })).toBeVisible();
  await expect(page.getByText(`Counted with the rule ${cycle.rule}.`)).toBeVisible();
  const hashes = new Map<string, string>();
  // Ranked ballots are counted in top-k points, and every page and file says so.
  const score = cycle.ballot === "ranked" ? "points" : "votes";
  const unit = (n: number) => `${n} ${score === "points" ? (n === 1 ? "point" : "points") : n === 1 ? "vote" : "votes"}`;
  if (score === "points") await expect(page.getByText(`a voter's first choice earned ${cycle.maxRanks} points`)).toBeVisible();
  for (const e of expected) {
    const section = page.getByRole("region", { name: e.district, exact: true });
    const percent = `${Math.round((1000 * e.spent) / e.budget) / 10}%`;
    await expect(section).toContainText(`${ballotsCounted(e.voteLines.length)} · budget ${money(e.budget)} · funded ${money(e.spent)} (${percent}) · published ${today()}`);
    await expect(section.getByRole("listitem")).toHaveText(e.winners.map((w) => `${w.title} — ${unit(w.votes)}, ${money(w.cost)}`));
    await expect(section.getByRole("columnheader", { name: score === "points" ? "Points" : "Votes" })).toBeVisible();
    // The chart: a recharts SVG with one bar label per project.
    // (The wide chart on a desktop; a phone shows the narrow one instead.)
    const chart = section.locator(".chart-wide svg.recharts-surface");
    if (e.winners.length === 0) await expect(section).toContainText("Winning projectsNo project was funded.");
    if (e.voteLines.length === 0) {
      await expect(chart).toHaveCount(0); // no votes to chart
    } else {
      await expect(chart).toBeVisible();
      // Each bar named by the project's public number and title.
      for (const p of [...e.winners, ...e.losers]) await expect(chart.getByText(new RegExp(`^#\\d+ ${p.title}$`))).toBeVisible();
    }
    // Equal Shares explains every outcome: who paid for each winner, why each loser lost.
    for (const w of e.winners) {
      // Named by its public number too, the project's id in the .pb file and in a recount.
      const row = section.getByRole("row", { name: new RegExp(`^#\\d+ ${w.title}`) });
      // Marked funded, and said once ("Funded by…", not "Funded Funded by…").
      await expect(row.locator(".status-selected")).toBeVisible();
      await expect(row.getByRole("cell").last()).toContainText(w.note);
      expect((await row.getByRole("cell").last().textContent())!.replace("✓", "").trim()).toBe(w.note);
    }
    for (const l of e.losers) {
      const row = section.getByRole("row", { name: new RegExp(`^#\\d+ ${l.title}`) });
      await expect(row).toContainText(l.note);
      await expect(row).not.toContainText("Funded");
    }
    // The share of voters with a winner under this rule and under plain greedy, side by side; with no
    // ballot, no share of nobody and no comparison with greedy (which funds unvoted projects), but why.
    const shares = section.getByRole("table", { name: "Voters who voted for at least one winning project" });
    if (e.voteLines.length === 0) {
      await expect(shares).toHaveCount(0);
      await expect(section).toContainText("No ballot was cast in this district: no project had a vote, so there are no voters’ shares to compare.");
      await expect(section).not.toContainText("Plain greedy");
    } else {
      await expect(shares.getByRole("row", { name: /\(this count\)/ })).toContainText("100%");
      await expect(shares.getByRole("row", { name: /Plain greedy/ })).toContainText(/\d+%/);
    }
    const hash = (await section.getByTestId("ballots-hash").textContent())!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    hashes.set(e.district, hash);
  }
  await shot(page, screenshot);

  // CSV, one row per project.
  const csv = await download(page, page.getByRole("link", { name: "results (CSV)" }));
  expect(csv.name).toBe(`results-${cycle.slug}.csv`);
  const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(expected.reduce((n, e) => n + e.winners.length + e.losers.length, 0));
  for (const e of expected) {
    const mine = rows.filter((r) => r.district === e.district);
    expect(mine.filter((r) => r.selected === "yes").map((r) => r.project).sort()).toEqual(e.winners.map((w) => w.title).sort());
    for (const w of [...e.winners, ...e.losers]) {
      expect(mine.find((r) => r.project === w.title)).toMatchObject({
        cycle: cycle.name,
        [score]: String(w.votes),
        cost: w.cost.toFixed(2),
        selected: e.winners.includes(w) ? "yes" : "no",
        district_budget: e.budget.toFixed(2),
        rule: ruleId,
        run: "1",
        ballots: String(e.voteLines.length),
        ballots_sha256: hashes.get(e.district),
        district_funded: e.spent.toFixed(2),
      });
    }
  }

  // JSON: the rule, the parameters and every project's outcome.
  const json = await download(page, page.getByRole("link", { name: "full result (JSON)" }));
  expect(json.name).toBe(`results-${cycle.slug}.json`);
  const full = JSON.parse(json.text);
  expect(full.cycle).toMatchObject({ slug: cycle.slug, ballotMethod: cycle.ballot, tallyRule: ruleId });
  expect(full.districts).toHaveLength(expected.length);
  for (const e of expected) {
    const d = full.districts.find((x: { district: string }) => x.district === e.district);
    expect(d).toMatchObject({ rule: ruleId, run: 1, ballots: e.voteLines.length, ballotsSha256: hashes.get(e.district), budgetCents: e.budget * 100, spentCents: e.spent * 100 });
    expect(d.parameters.ballotMethod).toBe(cycle.ballot);
    if (cycle.ballot === "ranked") expect(d.parameters).toMatchObject({ points: "top-k", k: cycle.maxRanks });
    const selected = d.projects.filter((p: { selected: boolean }) => p.selected);
    expect(selected.map((p: { title: string }) => p.title).sort()).toEqual(e.winners.map((w) => w.title).sort());
    for (const w of e.winners) expect(d.projects.find((p: { title: string }) => p.title === w.title)).toMatchObject({ [score]: w.votes, costCents: w.cost * 100 });
  }

  // The anonymised ballots of each district: a Pabulib file whose vote lines hash to the published SHA-256.
  for (const e of expected) {
    const section = page.getByRole("region", { name: e.district, exact: true });
    const pb = await download(page, section.getByRole("link", { name: "Download the anonymised ballots (.pb)" }));
    expect(pb.name).toMatch(/\.pb$/);
    const lines = pb.text.split("\n").filter((l) => l !== "");
    const at = (section: string) => lines.indexOf(section);
    expect(at("META")).toBe(0);
    expect(at("PROJECTS")).toBeGreaterThan(at("META"));
    expect(at("VOTES")).toBeGreaterThan(at("PROJECTS"));
    const meta = new Map(lines.slice(1, at("PROJECTS")).map((l) => l.split(";") as [string, string]));
    expect(meta.get("num_votes")).toBe(String(e.voteLines.length));
    expect(meta.get("num_projects")).toBe(String(e.winners.length + e.losers.length));
    expect(meta.get("budget")).toBe(String(e.budget));
    expect(meta.get("rule")).toBe(ruleId);
    expect(meta.get("vote_type")).toBe(cycle.ballot === "ranked" ? "ordinal" : "approval");
    if (cycle.ballot === "ranked") expect(meta.get("max_length")).toBe(String(cycle.maxRanks));
    expect(lines.slice(at("PROJECTS") + 2, at("VOTES"))).toHaveLength(e.winners.length + e.losers.length);
    // Pabulib: "votes" is how many ballots name a project; ranked points go in "score".
    expect(lines[at("PROJECTS") + 1].split(";").includes("score")).toBe(score === "points");
    const [header, ...votes] = lines.slice(at("VOTES") + 1).map((l) => l.split(";"));
    expect(header).toEqual(["voter_id", "vote"]);
    expect(votes.map((v) => v[1])).toEqual(e.voteLines);
    // README: "the SHA-256 of the file's vote lines, sorted and joined with newlines" (app/domain/results/ballots-hash.ts).
    expect(sha256(votes.map((v) => v[1]).sort().join("\n"))).toBe(hashes.get(e.district));
  }

  // The printable council report: the rule, the totals and the digest, one printed page per district.
  await page.getByRole("link", { name: "printable council report" }).click();
  for (const e of expected) {
    const report = page.getByRole("region", { name: `${cycle.name}: ${e.district}` });
    await expect(report).toContainText(`${ballotsCounted(e.voteLines.length)} counted with the rule “${cycle.rule}” (run 1).`);
    // Each page says how it was counted, as the results page does: exact ties, and what a point is.
    await expect(report).toContainText("An exact tie goes to the proposal whose number comes first when read as text");
    if (cycle.ballot === "ranked") await expect(report).toContainText(`a voter's first choice earned ${cycle.maxRanks} points`);
    await expect(report.getByRole("row", { name: /^Total funded/ })).toContainText(money(e.spent));
    await expect(report.getByRole("row", { name: /^District budget/ })).toContainText(money(e.budget));
    const funded = report.getByRole("table", { name: "Funded", exact: true });
    // Named by public number, as on the results page and in the .pb file.
    for (const w of e.winners) await expect(funded.getByRole("row", { name: new RegExp(`^#\\d+ ${w.title}`) })).toContainText(money(w.cost));
    await expect(funded.locator("tbody tr")).toHaveCount(Math.max(1, e.winners.length));
    if (e.winners.length === 0) await expect(funded.locator("tbody")).toHaveText("No project was funded.");
    // What was not funded is on the council's page too, with its votes (points), as on the results page.
    const notFunded = report.getByRole("table", { name: "Not funded" });
    await expect(notFunded.locator("tbody tr")).toHaveCount(e.losers.length);
    for (const l of e.losers) await expect(notFunded.getByRole("row", { name: new RegExp(`^#\\d+ ${l.title}`) })).toContainText(`${l.votes}${money(l.cost)}${l.note}`);
    // When the vote ran (opened and closed today in this walk), and the cycle's totals on every page.
    await expect(report).toContainText(`Voting ran from ${today()} to ${today()}.`);
    const sum = (f: (d: Expected) => number) => expected.reduce((n, d) => n + f(d), 0);
    await expect(report).toContainText(
      `The whole cycle: ${expected.length} district${expected.length === 1 ? "" : "s"} published; ballots counted: ${sum((d) => d.voteLines.length)}; funded ${money(sum((d) => d.spent))} of ${money(sum((d) => d.budget))}.`,
    );
    await expect(report.getByText("SHA-256 of the ballots counted:")).toContainText(hashes.get(e.district)!);
  }
  await shot(page, `${screenshot}-report`);
  await page.emulateMedia({ media: "print" });
  const pages = page.locator(".report-page");
  await expect(pages).toHaveCount(expected.length);
  const breaks = await pages.evaluateAll((sections) =>
    sections.map((s) => { const style = getComputedStyle(s); return [style.breakAfter, style.pageBreakAfter]; }),
  );
  expect(breaks).toEqual(expected.map(() => ["page", "always"]));
  await expect(page.getByText("This page is laid out for printing")).toBeHidden();
  // Printed by Chromium, the report is exactly one page per district.
  const pdf = (await page.pdf()).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(expected.length);
  await page.context().close();
}

test("a knapsack ballot counted with Equal Shares, from ballot to published results and downloads", async ({ browser }) => {
  const cycle: CycleSpec = {
    name: "Bayview PB 2029",
    slug: "bayview-2029",
    ballot: "knapsack",
    rule: "Method of Equal Shares (proportional)",
    districts: [
      {
        name: "Lakeside",
        budget: 100_000,
        proposals: [
          { title: "Shade sails at Lakeside pool", cost: 40_000 }, // #1
          { title: "Benches on the promenade", cost: 50_000 }, // #2
          { title: "Boat ramp repairs", cost: 70_000 }, // #3
        ],
      },
      { name: "Hilltop", budget: 50_000, proposals: [{ title: "Hilltop water fountain", cost: 20_000 }] }, // #4
      // Nobody votes here: Equal Shares funds nothing, and the page says why there is nothing to compare.
      { name: "Annex", budget: 20_000, proposals: [{ title: "Annex bike racks", cost: 10_000 }] }, // #5
    ],
  };
  const { admin, codes } = await cycleOpenForVoting(browser, cycle, 1, async (office) => {
    // A minimum spend no choice of the costed proposals reaches would turn every voter away: voting stays closed.
    const minimum = office.getByLabel("Knapsack: minimum spend (% of the budget)");
    await minimum.fill("95");
    await office.getByRole("button", { name: "Save rules" }).click();
    await expect(minimum).toHaveValue("95");
    // Districts in the order the page lists them (by name).
    const notYet = office.getByTestId("advance-blockers").getByRole("listitem");
    await expect(notYet).toHaveText([
      "The ballot rules ask every voter in “Annex” to spend at least 95% of its $20,000 ($19,000), but the most any choice of its proposals can spend within the budget is $10,000, so nobody could vote. Lower the minimum spend in the ballot rules.",
      "The ballot rules ask every voter in “Hilltop” to spend at least 95% of its $50,000 ($47,500), but the most any choice of its proposals can spend within the budget is $20,000, so nobody could vote. Lower the minimum spend in the ballot rules.",
      "The ballot rules ask every voter in “Lakeside” to spend at least 95% of its $100,000 ($95,000), but the most any choice of its proposals can spend within the budget is $90,000, so nobody could vote. Lower the minimum spend in the ballot rules.",
    ]);
    await shot(office, "ballot-rules-unreachable");
    // Blocked: no button to press until the minimum is lowered.
    await expect(office.getByRole("button", { name: "Move to: Voting" })).toHaveCount(0);
    await expect(office.getByText(/^Phase: Costing and vetting/)).toBeVisible();
    await minimum.fill("0");
    await office.getByRole("button", { name: "Save rules" }).click();
    await expect(notYet).toHaveCount(0);
  });

  const lakeside = await openBallot(browser, codes.get("Lakeside")!, "Lakeside");
  await lakeside.getByLabel(/Shade sails at Lakeside pool/).check();
  await lakeside.getByLabel(/Benches on the promenade/).check();
  await expect(lakeside.getByTestId("running-total")).toHaveText("$90,000");
  await castReviewed(lakeside);
  const hilltop = await openBallot(browser, codes.get("Hilltop")!, "Hilltop");
  await hilltop.getByLabel(/Hilltop water fountain/).check();
  await castReviewed(hilltop);

  await countAndPublish(browser, admin, cycle, 2);
  await checkPublished(browser, cycle, "mes", [
    {
      district: "Lakeside",
      budget: 100_000,
      spent: 90_000,
      winners: [
        { title: "Shade sails at Lakeside pool", votes: 1, cost: 40_000, note: "Funded by its one supporter's equal share: 1 paid $40,000." },
        { title: "Benches on the promenade", votes: 1, cost: 50_000, note: "Funded by its one supporter's equal share: 1 paid $50,000." },
      ],
      losers: [{ title: "Boat ramp repairs", votes: 0, cost: 70_000, note: "Not funded: nobody voted for it." }],
      voteLines: ["1,2"],
    },
    {
      district: "Hilltop",
      budget: 50_000,
      spent: 20_000,
      winners: [{ title: "Hilltop water fountain", votes: 1, cost: 20_000, note: "Funded by its one supporter's equal share: 1 paid $20,000." }],
      losers: [],
      voteLines: ["4"],
    },
    {
      district: "Annex",
      budget: 20_000,
      spent: 0,
      winners: [],
      losers: [{ title: "Annex bike racks", votes: 0, cost: 10_000, note: "Not funded: nobody voted for it." }],
      voteLines: [],
    },
  ], "ballot-methods-knapsack-results");
});

test("a ranked ballot counted with Equal Shares and Add1, from ballot to published results and downloads", async ({ browser }) => {
  const cycle: CycleSpec = {
    name: "Bayview Schools Vote 2029",
    slug: "bayview-schools-2029",
    ballot: "ranked",
    maxRanks: 2,
    rule: "Method of Equal Shares, completed (Add1, then greedy)",
    districts: [
      {
        name: "All schools",
        budget: 60_000,
        proposals: [
          { title: "Covered bike shed", cost: 40_000 }, // #1
          { title: "Science lab microscopes", cost: 30_000 }, // #2
          { title: "Chess tables in the yard", cost: 10_000 }, // #3
        ],
      },
    ],
  };
  const { admin, codes } = await cycleOpenForVoting(browser, cycle);

  const voter = await openBallot(browser, codes.get("All schools")!, "All schools");
  await voter.getByLabel("Rank for Science lab microscopes").selectOption({ label: "1st choice" });
  await voter.getByLabel("Rank for Covered bike shed").selectOption({ label: "2nd choice" });
  await voter.getByRole("button", { name: "Review my ballot" }).click();
  await expect(voter.getByRole("main").getByRole("listitem")).toHaveText([/Science lab microscopes/, /Covered bike shed/]);
  await voter.getByRole("button", { name: "Confirm and cast my ballot" }).click();
  await expect(voter.getByRole("heading", { name: /Thank you — your ballot is recorded/ })).toBeVisible();
  await voter.context().close();

  await countAndPublish(browser, admin, cycle, 1);
  // Top-k points with k = 2: the 1st choice scores 2, the 2nd 1. Equal Shares (points utilities) funds the
  // microscopes (2 points for $30,000); the voter's remaining $30,000 covers 75% of the bike shed; the
  // greedy fill then funds the chess tables from the $30,000 left.
  await checkPublished(browser, cycle, "mes-add1", [
    {
      district: "All schools",
      budget: 60_000,
      spent: 40_000,
      winners: [
        { title: "Science lab microscopes", votes: 2, cost: 30_000, note: "Funded by its one supporter's equal share: 1 paid $30,000." },
        { title: "Chess tables in the yard", votes: 0, cost: 10_000, note: "Funded from the money left over after Equal Shares, in order of points." },
      ],
      losers: [
        {
          title: "Covered bike shed",
          votes: 1,
          cost: 40_000,
          note: "Not funded: what its one supporter had left covered only 75% of its cost. Then, when the money Equal Shares left went to the next projects by points, only $30,000 remained at its turn.",
        },
      ],
      voteLines: ["2,1"],
    },
  ], "ballot-methods-ranked-results");
});
