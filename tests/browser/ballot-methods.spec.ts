import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { query, shot, signIn } from "./helpers";

// One ballot of each method that full-cycle.spec.ts does not follow (knapsack, ranked), cast through the
// UI and followed to the published results page, its downloads and the printable council report.
// The seeded voting cycles stay open for the other specs, so each method gets a new cycle of its own,
// set up by the PB office, a delegate and Schools & Libraries staff (an agency no other spec costs for).

interface Proposal { title: string; cost: number }
interface District { name: string; budget: number; proposals: Proposal[] }
interface CycleSpec {
  name: string;
  slug: string;
  ballot: "knapsack" | "ranked";
  maxRanks?: number;
  rule: "Method of Equal Shares (proportional)" | "Method of Equal Shares, completed (Add1, then greedy)";
  districts: District[];
}

const BALLOT_LABELS = {
  knapsack: "Knapsack: choose projects up to the district budget",
  ranked: "Ranked: rank up to k projects",
} as const;

const money = (units: number) => `$${units.toLocaleString("en-US")}`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const today = () => new Date().toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/**
 * The PB office creates the cycle with its ballot method and counting rule, imports one paper idea per
 * proposal, a delegate turns each into a proposal, staff cost them, and voting opens with one voter code
 * per district. Returns the admin's page (on the cycle) and each district's code.
 */
async function cycleOpenForVoting(browser: Browser, cycle: CycleSpec) {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/new");
  await admin.locator('input[name="name"]').fill(cycle.name);
  await admin.getByLabel("Web address").fill(cycle.slug);
  for (const [i, d] of cycle.districts.entries()) {
    if (i > 0) await admin.getByRole("button", { name: "Add a district" }).click();
    await admin.locator(`input[name="districts[${i}].name"]`).fill(d.name);
    await admin.locator(`input[name="districts[${i}].budget"]`).fill(String(d.budget));
  }
  await admin.getByLabel("Categories").fill("Parks\nSchools");
  await admin.getByLabel("Ballot", { exact: true }).selectOption({ label: BALLOT_LABELS[cycle.ballot] });
  if (cycle.maxRanks) await admin.getByLabel("Ranked: how many projects a voter may rank (k)").fill(String(cycle.maxRanks));
  await admin.getByLabel("Counting rule", { exact: true }).selectOption({ label: cycle.rule });
  await admin.getByRole("button", { name: "Create cycle" }).click();
  await expect(admin.getByRole("heading", { name: cycle.name })).toBeVisible();
  const cycleUrl = admin.url().split("?")[0];

  // Ideas collected on paper, one per proposal.
  const all = cycle.districts.flatMap((d) => d.proposals.map((p) => ({ ...p, district: d.name })));
  await admin.getByRole("link", { name: /Import ideas/ }).click();
  await admin.getByLabel("Or paste the rows here").fill(
    Papa.unparse(all.map((p) => ({ title: p.title, description: `${p.title}, asked for at the spring assembly.`, district: p.district, category: "Schools" }))),
  );
  await admin.getByRole("button", { name: "Check the file" }).click();
  await admin.getByRole("button", { name: `Import ${all.length} ideas` }).click();
  await expect(admin.getByText(`Imported ${all.length} ideas (#1 to #${all.length}).`)).toBeVisible();
  await admin.goto(cycleUrl);
  for (const phase of ["Collecting ideas", "Developing proposals"]) {
    await admin.getByRole("button", { name: `Move to: ${phase}` }).click();
    await expect(admin.getByText(`Phase: ${phase}`)).toBeVisible();
  }

  // A delegate writes the proposals (numbered #1, #2… in this order) and sends them for costing.
  const delegate = await signIn(browser, "delegate");
  const proposalIds: string[] = [];
  for (const [i, p] of all.entries()) {
    await delegate.goto(`/proposals/new?cycle=${cycle.slug}`);
    await delegate.getByLabel(`#${i + 1} ${p.title}`).check();
    await delegate.getByLabel("Proposal title").fill(p.title);
    await delegate.getByLabel("Description").fill(`${p.title}: bought and installed by the city within a year.`);
    await delegate.getByLabel("District").selectOption({ label: p.district });
    await delegate.getByLabel("Category").selectOption({ label: "Schools" });
    await delegate.getByRole("button", { name: "Create proposal" }).click();
    await expect(delegate.getByRole("heading", { name: `Proposal #${i + 1}: ${p.title}` })).toBeVisible();
    proposalIds.push(new URL(delegate.url()).pathname.split("/").pop()!);
    await delegate.getByLabel("Responsible agency").selectOption({ label: "Schools & Libraries" });
    await delegate.getByRole("button", { name: "Send for costing" }).click();
    await expect(delegate.getByText("Sent for costing.")).toBeVisible();
  }
  await delegate.context().close();
  await admin.getByRole("button", { name: "Move to: Costing and vetting" }).click();
  await expect(admin.getByText("Phase: Costing and vetting")).toBeVisible();

  const staff = await signIn(browser, "libraries");
  for (const [i, p] of all.entries()) {
    await staff.goto(`/costing/${proposalIds[i]}`);
    await staff.getByLabel("Description of item 1").fill("Supply and installation");
    await staff.getByLabel("Quantity of item 1").fill("1");
    await staff.getByLabel("Unit cost of item 1").fill(String(p.cost));
    await staff.getByLabel("Contingency").fill("0");
    for (const criterion of ["On public land", "Within the agency's remit", "Useful life of at least 5 years"]) {
      await staff.getByRole("group", { name: criterion }).getByLabel("Met", { exact: true }).check();
    }
    await staff.getByLabel("Feasible: can go on the ballot").check();
    await staff.getByLabel("Public explanation").fill("School grounds are city land and this is standard equipment we buy and maintain.");
    await expect(staff.getByTestId("estimate-total")).toHaveText(money(p.cost));
    await staff.getByRole("button", { name: "Save estimate and verdict" }).click();
    await expect(staff.getByText("Feasible – on the ballot")).toBeVisible();
  }
  await staff.context().close();

  await admin.reload();
  await admin.getByRole("button", { name: "Move to: Voting" }).click();
  await expect(admin.getByText("Phase: Voting")).toBeVisible();
  const codes = new Map<string, string>();
  for (const d of cycle.districts) {
    await admin.getByLabel("District").selectOption({ label: `${d.name} (${money(d.budget)})` });
    await admin.getByLabel("How many codes").fill("1");
    await admin.getByLabel("Label (optional)").fill(`Letters to ${d.name}`);
    await admin.getByRole("button", { name: "Generate codes" }).click();
    await expect(admin.getByText("Voter codes generated.")).toBeVisible();
    const href = await admin.getByRole("row", { name: new RegExp(`Letters to ${d.name}`) }).getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const csv = Papa.parse<string[]>((await (await admin.request.get(href!)).text()).trim()).data;
    expect(csv).toHaveLength(2);
    codes.set(d.name, csv[1][0]);
  }
  return { admin, codes };
}

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

/** Until the PB office publishes, no page or download says anything about the counts. */
async function nothingPublished(browser: Browser, cycle: CycleSpec, phase: string) {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/results?cycle=${cycle.slug}`);
  await expect(visitor.getByText(`No results are published for this cycle yet. Current phase: ${phase}.`)).toBeVisible();
  await expect(visitor.getByText("SHA-256")).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: /results \(CSV\)|\.pb/ })).toHaveCount(0);
  const titles = cycle.districts.flatMap((d) => d.proposals.map((p) => p.title));
  const csv = await visitor.request.get(`/results/export.csv?cycle=${cycle.slug}`);
  const csvText = await csv.text();
  for (const title of titles) expect(csvText).not.toContain(title);
  const json = await visitor.request.get(`/results/export.json?cycle=${cycle.slug}`);
  expect((await json.json()).districts).toEqual([]);
  await visitor.goto(`/results/report?cycle=${cycle.slug}`);
  await expect(visitor.getByText(`No results are published for ${cycle.name} yet.`)).toBeVisible();
  // The draft runs' ballots files (their ids are not on any public page) are not served either.
  const drafts = query<{ id: string }>(
    `select r.id from TallyResult r join Cycle c on c.id = r.cycleId where c.slug = ? and r.status = 'draft'`,
    cycle.slug,
  );
  for (const d of drafts) expect((await visitor.request.get(`/results/ballots/${d.id}.pb`)).status()).toBe(404);
  await visitor.context().close();
  return drafts.length;
}

/** The PB office closes voting, runs the count, checks nothing leaks before publication, and publishes. */
async function countAndPublish(browser: Browser, admin: Page, cycle: CycleSpec, ballots: number) {
  await admin.reload();
  await expect(admin.getByText(`${ballots} ${ballots === 1 ? "ballot" : "ballots"} cast`)).toBeVisible();
  await nothingPublished(browser, cycle, "Voting");
  await admin.getByRole("button", { name: "Close voting" }).click();
  await expect(admin.getByText("Phase: Results")).toBeVisible();
  await admin.getByRole("button", { name: "Run the tally" }).click();
  await expect(admin.getByText("Tally computed.")).toBeVisible();
  expect(await nothingPublished(browser, cycle, "Results")).toBe(cycle.districts.length);
  await admin.getByRole("button", { name: "Publish results" }).click();
  await expect(admin.getByText("Results published.")).toBeVisible();
  await admin.context().close();
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
  /** Each ballot's vote line in the .pb file: proposal numbers, ascending or in rank order. */
  voteLines: string[];
}

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
    const percent = `${Math.round((100 * e.spent) / e.budget)}%`;
    await expect(section).toContainText(`1 ballot · budget ${money(e.budget)} · funded ${money(e.spent)} (${percent}) · published ${today()}`);
    await expect(section.getByRole("listitem")).toHaveText(e.winners.map((w) => `${w.title} — ${unit(w.votes)}, ${money(w.cost)}`));
    await expect(section.getByRole("columnheader", { name: score === "points" ? "Points" : "Votes" })).toBeVisible();
    // The chart: a recharts SVG with one bar label per project.
    // (The wide chart on a desktop; a phone shows the narrow one instead.)
    const chart = section.locator(".chart-wide svg.recharts-surface");
    await expect(chart).toBeVisible();
    for (const p of [...e.winners, ...e.losers]) await expect(chart.getByText(p.title, { exact: true })).toBeVisible();
    // Equal Shares explains every outcome: who paid for each winner, why each loser lost.
    for (const w of e.winners) await expect(section.getByRole("row", { name: new RegExp(`^${w.title}`) })).toContainText(`Funded ${w.note}`);
    for (const l of e.losers) {
      const row = section.getByRole("row", { name: new RegExp(`^${l.title}`) });
      await expect(row).toContainText(l.note);
      await expect(row).not.toContainText("Funded");
    }
    // The share of voters with a winner under this rule and under plain greedy, side by side.
    const shares = section.getByRole("table", { name: "Voters who voted for at least one winning project" });
    await expect(shares.getByRole("row", { name: /\(this count\)/ })).toContainText("100%");
    await expect(shares.getByRole("row", { name: /Plain greedy/ })).toContainText(/\d+%/);
    const hash = (await section.locator("p.muted code").textContent())!;
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
        ballots: "1",
        ballots_sha256: hashes.get(e.district),
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
    expect(d).toMatchObject({ rule: ruleId, run: 1, ballots: 1, ballotsSha256: hashes.get(e.district), budgetCents: e.budget * 100, spentCents: e.spent * 100 });
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
    expect(meta.get("num_votes")).toBe("1");
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
    await expect(report).toContainText(`1 ballot counted with the rule “${cycle.rule}” (run 1).`);
    await expect(report.getByRole("row", { name: /^Total funded/ })).toContainText(money(e.spent));
    await expect(report.getByRole("row", { name: /^District budget/ })).toContainText(money(e.budget));
    for (const w of e.winners) await expect(report.getByRole("row", { name: new RegExp(`^${w.title}`) })).toContainText(money(w.cost));
    await expect(report.locator("tbody tr")).toHaveCount(e.winners.length);
    await expect(report.getByText("SHA-256 of the ballots counted:")).toContainText(hashes.get(e.district)!);
  }
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
    ],
  };
  const { admin, codes } = await cycleOpenForVoting(browser, cycle);

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
