import Papa from "papaparse";
import { expect, type Browser, type Page } from "@playwright/test";
import { movePhase, query, signIn } from "./helpers";

// A new cycle taken through the phases by the PB office, a delegate and Schools & Libraries staff
// (an agency no other spec costs for), so a spec can vote and publish without touching the seeded
// voting cycles the other specs use.

interface Proposal { title: string; cost: number }
interface District { name: string; budget: number; proposals: Proposal[] }
export interface CycleSpec {
  name: string;
  slug: string;
  ballot: "knapsack" | "ranked";
  maxRanks?: number;
  rule: "Method of Equal Shares (proportional)" | "Method of Equal Shares, completed (Add1, then greedy)";
  districts: District[];
}

const BALLOT_LABELS = {
  knapsack: "Knapsack: choose projects up to the district budget",
  ranked: "Ranked: rank projects in order of preference",
} as const;

export const money = (units: number) => `$${units.toLocaleString("en-US")}`;

/**
 * The PB office creates the cycle with its ballot method and counting rule, imports one paper idea per
 * proposal, a delegate turns each into a proposal, staff cost them, and voting opens with one voter code
 * per district (or `codesPerDistrict`); `beforeVoting` is the PB office's last look before opening it. Returns the admin's page (on the cycle), each district's first
 * code, and all its codes.
 */
export async function cycleOpenForVoting(browser: Browser, cycle: CycleSpec, codesPerDistrict = 1, beforeVoting?: (admin: Page) => Promise<void>) {
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
  for (const phase of ["Collecting ideas", "Developing proposals"]) await movePhase(admin, phase);

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
  await movePhase(admin, "Costing and vetting");

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
  await beforeVoting?.(admin);
  await movePhase(admin, "Voting");
  // The day it really opened (no day was announced): the .pb file's date_begin and the admin page agree.
  const today = new Date().toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  await expect(admin.getByText(`Voting opened on ${today}: that day stays as it is.`)).toBeVisible();
  const codes = new Map<string, string>();
  const allCodes = new Map<string, string[]>();
  for (const d of cycle.districts) {
    await admin.getByLabel("District").selectOption({ label: `${d.name} (${money(d.budget)})` });
    await admin.getByLabel("How many codes").fill(String(codesPerDistrict));
    await admin.getByLabel("Label (optional)").fill(`Letters to ${d.name}`);
    await admin.getByRole("button", { name: "Generate codes" }).click();
    await expect(admin.getByText("Voter codes generated.")).toBeVisible();
    const href = await admin.getByRole("row", { name: new RegExp(`Letters to ${d.name}`) }).getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const csv = Papa.parse<string[]>((await (await admin.request.get(href!)).text()).trim()).data;
    expect(csv).toHaveLength(codesPerDistrict + 1);
    codes.set(d.name, csv[1][0]);
    allCodes.set(d.name, csv.slice(1).map((row) => row[0]));
  }
  return { admin, codes, allCodes };
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
export async function countAndPublish(browser: Browser, admin: Page, cycle: CycleSpec, ballots: number) {
  await admin.reload();
  await expect(admin.getByText(`${ballots} ${ballots === 1 ? "ballot" : "ballots"} cast`)).toBeVisible();
  await nothingPublished(browser, cycle, "Voting");
  await admin.getByLabel(/^Close voting now: no more ballots can be cast/).check();
  await admin.getByRole("button", { name: "Close voting" }).click();
  await expect(admin.getByText(/^Phase: Results/)).toBeVisible();
  await admin.getByRole("button", { name: "Run the tally" }).click();
  await expect(admin.getByText("Tally computed.")).toBeVisible();
  expect(await nothingPublished(browser, cycle, "Results")).toBe(cycle.districts.length);
  await admin.getByLabel(/^Publish now: everyone can then read/).check();
  await admin.getByRole("button", { name: "Publish results" }).click();
  await expect(admin.getByText("Results published.")).toBeVisible();
  await admin.context().close();
}
