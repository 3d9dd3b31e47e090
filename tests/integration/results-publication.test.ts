import "./fresh-db";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { castBallot } from "~/db/ballots.server";
import { prisma } from "~/db/client.server";
import { PhaseMovedOn, publishResults, runTally } from "~/db/results.server";
import { saveTranslation } from "~/db/translations.server";
import { loader as resultsLoader } from "~/routes/results._index";
import { loader as csvLoader } from "~/routes/results.export[.csv]";
import { loader as jsonLoader } from "~/routes/results.export[.json]";
import { loader as reportLoader } from "~/routes/results.report";
import { loader as trackersLoader } from "~/routes/results.trackers";
import { loader as pbLoader } from "~/routes/results.ballots.$resultId[.pb]";
import { version } from "../../package.json";
import { args, browserFor, makeUser, settle, votingCycle } from "./fixtures";

// Nothing about the count may show anywhere before the PB office publishes it: a
// leaked partial count would let anyone second-guess or pressure the adoption.
describe("counted results stay hidden until published", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle({ tallyRule: "mes-add1" });
  for (const code of codes.slice(0, 3)) await castBallot(code, [proposalId]);
  await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
  const [run] = await runTally(cycle.id, admin);
  const resident = await makeUser(["resident"]);
  const staff = await makeUser(["staff"], "Parks");

  /** Everything the public side offers about this cycle's results, as `who` sees it. */
  async function whatShows(who: Awaited<ReturnType<typeof makeUser>> | null) {
    const browser = await browserFor(who);
    const q = `?cycle=${cycle.slug}`;
    const page = (await resultsLoader(args(browser.get(`/results${q}`)))) as { results: unknown[] };
    const csv = Papa.parse<Record<string, string>>(await (await csvLoader(args(browser.get(`/results/export.csv${q}`)))).text(), { header: true, skipEmptyLines: true });
    const json = JSON.parse(await (await jsonLoader(args(browser.get(`/results/export.json${q}`)))).text()) as { districts: unknown[] };
    const report = (await reportLoader(args(browser.get(`/results/report${q}`)))) as { districts: unknown[] };
    const trackers = (await trackersLoader(args(browser.get(`/results/trackers${q}`)))) as { districts: unknown[] };
    const pb = await settle(() => pbLoader(args(browser.get(`/results/ballots/${run.id}.pb`), { resultId: run.id })));
    return {
      page: page.results.length,
      csvRows: csv.data.length,
      json: json.districts.length,
      report: report.districts.length,
      trackers: trackers.districts.length,
      pb: pb instanceof Response ? pb.status : "file",
      pbText: pb instanceof Response && pb.status === 200 ? await pb.text() : "",
    };
  }

  it("shows no count, export, report, tracker list or ballot file to anyone before publication", async () => {
    expect(run.status).not.toBe("published");
    for (const who of [null, resident, staff]) {
      const shown = await whatShows(who);
      expect(shown).toEqual({ page: 0, csvRows: 0, json: 0, report: 0, trackers: 0, pb: 404, pbText: "" });
    }
  });

  it("gives the PB office the draft's ballots (.pb) to recount before publishing, and the recount agrees", async () => {
    const { readPabulibElection } = await import("~/domain/tally/pabulib");
    const { mesAdd1 } = await import("~/domain/tally/mes");
    const pb = (await pbLoader(args((await browserFor(admin)).get(`/results/ballots/${run.id}.pb`), { resultId: run.id }))) as Response;
    expect(pb.status).toBe(200);
    const { election } = readPabulibElection(await pb.text());
    expect(election.ballots.reduce((n, b) => n + (b.count ?? 1), 0)).toBe(3);
    const drafted = await prisma.tallyProjectResult.findMany({ where: { resultId: run.id, selected: true } });
    const numbers = new Map((await prisma.proposal.findMany({ where: { cycleId: cycle.id } })).map((p) => [p.id, String(p.number)]));
    expect([...mesAdd1(election).winners].sort()).toEqual(drafted.map((p) => numbers.get(p.proposalId)!).sort());
    // Still nobody else's: the public side is unchanged.
    expect((await whatShows(resident)).pb).toBe(404);
  });

  it("answers the CSV export before publication with its header row, not an empty file", async () => {
    const browser = await browserFor(null);
    const response = await csvLoader(args(browser.get(`/results/export.csv?cycle=${cycle.slug}`)));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const csv = Papa.parse<string[]>(await response.text(), { skipEmptyLines: true });
    expect(csv.data).toEqual([[
      "cycle", "district", "rank", "project_id", "project", "votes", "cost", "selected", "district_budget", "rule", "run", "ballots", "ballots_sha256", "proposal_number", "spoiled_paper_ballots", "district_funded",
    ]]);
  });

  it("starts the CSV with a UTF-8 byte-order mark, so Excel shows accented names and dashes as written", async () => {
    const browser = await browserFor(null);
    const response = await csvLoader(args(browser.get(`/results/export.csv?cycle=${cycle.slug}`)));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, "c".charCodeAt(0)]);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="results-${cycle.slug}.csv"`);
  });

  it("shows all of them once the PB office publishes", async () => {
    await publishResults(cycle.id, admin);
    const shown = await whatShows(null);
    // Both districts are counted (the second had no ballot); the one proposal is the CSV's one row.
    const districts = cycle.districts.length;
    expect(shown).toMatchObject({ page: districts, csvRows: 1, json: districts, report: districts, pb: 200 });
    expect(shown.trackers).toBeGreaterThan(0);
    expect(shown.pbText).toMatch(/^META/);
    expect(shown.pbText.match(/^\d+;\d+$/gm)).toHaveLength(3);
  });

  it("names the projects in the reader's language where the proposal was translated; the exports keep the original", async () => {
    await saveTranslation({ type: "proposal", id: proposalId }, { locale: "es", title: "Árboles de sombra", description: "Veinte árboles de sombra alrededor del patio." }, admin);
    const titles = async (lng: string) =>
      ((await resultsLoader(args((await browserFor(null)).get(`/results?cycle=${cycle.slug}&lng=${lng}`)))) as { results: { projects: { title: string }[] }[] }).results[0].projects.map((p) => p.title);
    expect(await titles("es")).toEqual(["Árboles de sombra"]);
    expect(await titles("en")).toEqual(["Shade trees"]);
    const csv = await (await csvLoader(args((await browserFor(null)).get(`/results/export.csv?cycle=${cycle.slug}&lng=es`)))).text();
    expect(csv).toContain("Shade trees");
  });

  it("answers a whole receipt line pasted as the tracker with 'not a tracker', keeping the cycle", async () => {
    const browser = await browserFor(null);
    const pasted = "Your ballot tracker: 0CF1-4FA2-0E0B — write it down or take a screenshot, then check it here";
    type Page = { cycle: { slug: string }; typed: string; tracker: string | null };
    const page = (await trackersLoader(args(browser.get(`/results/trackers?cycle=${cycle.slug}&tracker=${encodeURIComponent(pasted)}`)))) as Page;
    expect(page.cycle.slug).toBe(cycle.slug);
    expect(page.typed).toBe(pasted);
    expect(page.tracker).toBeNull(); // the page then says it is not a tracker, by the field
  });

  it("names each project by its public proposal number in both exports, beside the internal id", async () => {
    const browser = await browserFor(null);
    const q = `?cycle=${cycle.slug}`;
    const { number } = await prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    const csvText = await (await csvLoader(args(browser.get(`/results/export.csv${q}`)))).text();
    const csv = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
    expect(csv.meta.fields).toEqual([
      "cycle", "district", "rank", "project_id", "project", "votes", "cost", "selected", "district_budget", "rule", "run", "ballots", "ballots_sha256", "proposal_number", "spoiled_paper_ballots", "district_funded",
    ]);
    expect(csv.data[0]).toMatchObject({ project_id: proposalId, proposal_number: String(number), project: "Shade trees" });
    const json = JSON.parse(await (await jsonLoader(args(browser.get(`/results/export.json${q}`)))).text());
    const counted = json.districts.find((d: { ballots: number }) => d.ballots === 3);
    expect(counted.projects).toEqual([expect.objectContaining({ id: proposalId, proposalNumber: number, title: "Shade trees", votes: 3 })]);
  });

  it("keeps with the result the rule, its parameters and the release that computed it", async () => {
    const browser = await browserFor(null);
    const json = JSON.parse(await (await jsonLoader(args(browser.get(`/results/export.json?cycle=${cycle.slug}`)))).text());
    const counted = json.districts.find((d: { ballots: number }) => d.ballots === 3);
    expect(counted.rule).toBe("mes-add1");
    expect(counted.software).toBe(`civic-budget ${version}`);
    // $100,000 shared by 3 voters buys the one $10,000 project at once: no Add1 step was needed.
    expect(counted.parameters).toMatchObject({ ballotMethod: "knapsack", utility: "cost", greedyFill: true, add1: { stepPerVoterCents: 100, steps: 0 } });
    expect(counted.parameters.add1.perVoterBudgetCents).toBe("10000000/3");
  });
});

// A journalist downloads a ranked district's ballots and runs `npm run -s tally -- file.pb --rule greedy`, with no
// flag: the file says its ballots were counted with top-k points, so the recount gives the published points and winners.
describe("the published .pb file of a ranked cycle recounts to the published result as downloaded", async () => {
  const { admin, cycle, proposalIds, codes } = await votingCycle({ proposals: 3, tallyRule: "greedy" });
  const district = cycle.districts[0];
  // No ballot is cast yet: ranked up to 3, and a budget for two of the three $10,000 projects.
  await prisma.cycle.update({ where: { id: cycle.id }, data: { ballotMethod: "ranked", maxRanks: 3 } });
  await prisma.district.update({ where: { id: district.id }, data: { budgetCents: 20_000_00 } });
  const [p1, p2, p3] = proposalIds;
  // Top-k (k = 3): #1 3+3 = 6, #2 2+2 = 4, #3 3+3+3 = 9 → #3 and #1. Pabulib's reference Borda
  // would give #1 1+1 = 2, #2 0, #3 0 and fund #1 and #2.
  for (const [i, ranks] of [[p1, p2], [p1, p2], [p3], [p3], [p3]].entries()) {
    expect((await castBallot(codes[i], ranks, { ranked: true })).ok).toBe(true);
  }
  await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
  const run = (await runTally(cycle.id, admin)).find((r) => r.districtId === district.id)!;
  await publishResults(cycle.id, admin);

  it("says in META which points were used, and the recount without a flag gives the published winners and points", async () => {
    const response = await pbLoader(args((await browserFor(null)).get(`/results/ballots/${run.id}.pb`), { resultId: run.id }));
    const text = await (response as Response).text();
    expect(text).toContain("vote_type;ordinal\n");
    expect(text).toContain("max_length;3\nordinal_points;top-k\n");

    const published = await prisma.tallyProjectResult.findMany({ where: { resultId: run.id }, orderBy: { position: "asc" } });
    const numbers = new Map((await prisma.proposal.findMany({ where: { id: { in: proposalIds } } })).map((p) => [p.id, String(p.number)]));
    const publishedPoints = Object.fromEntries(published.map((p) => [numbers.get(p.proposalId)!, p.votes]));
    const publishedWinners = published.filter((p) => p.selected).map((p) => numbers.get(p.proposalId)!).sort();
    expect(publishedPoints).toEqual({ [numbers.get(p1)!]: 6, [numbers.get(p2)!]: 4, [numbers.get(p3)!]: 9 });

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "ranked-pb-")), "ranked.pb");
    writeFileSync(file, text);
    const tally = (...extra: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/tally.ts"), file, "--rule", "greedy", ...extra], { encoding: "utf8", timeout: 60000 });
    const json = tally("--json");
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).winners).toEqual(publishedWinners);
    const table = tally();
    expect(table.stdout).toContain("vote type ordinal (top-k points, k = 3, from the file's META)");
    const scores = Object.fromEntries([...table.stdout.matchAll(/^\s*\d+\s+(\d+)\s+[\d.]+\s+(\d+)\s+(?:yes|-)/gm)].map((m) => [m[1], Number(m[2])]));
    expect(scores).toEqual(publishedPoints);
    // The same points as the file's own score column.
    const scoreColumn = Object.fromEntries([...text.matchAll(/^(\d+);[\d.]+;\d+;(\d+);/gm)].map((m) => [m[1], Number(m[2])]));
    expect(scoreColumn).toEqual(publishedPoints);
  }, 60000);
});

describe("a count asked for just as another admin moves the cycle on", async () => {
  const { admin, cycle, codes, proposalId } = await votingCycle();
  await castBallot(codes[0], [proposalId]);
  await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
  await runTally(cycle.id, admin);
  await publishResults(cycle.id, admin);

  it("is refused inside the write once the cycle has left the results phase, and leaves no draft", async () => {
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "implementation" } });
    await expect(runTally(cycle.id, admin, { onlyIn: "results" })).rejects.toBeInstanceOf(PhaseMovedOn);
    expect(await prisma.tallyResult.count({ where: { cycleId: cycle.id, status: "draft" } })).toBe(0);
  });
});

// A voter who voted in two votes, or follows a link from another vote's results, types a tracker on
// a list that is not their vote's: sent to the vote that counted it, never to one not yet published.
describe("a tracker typed on another vote's tracker list", async () => {
  const votes = [await votingCycle(), await votingCycle(), await votingCycle()];
  const trackers: string[] = [];
  for (const { cycle, codes, proposalId, admin } of votes) {
    const cast = await castBallot(codes[0], [proposalId]);
    if (!cast.ok) throw new Error("not cast");
    trackers.push(cast.tracker);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
    await runTally(cycle.id, admin);
  }
  await publishResults(votes[0].cycle.id, votes[0].admin);
  await publishResults(votes[1].cycle.id, votes[1].admin);
  const check = async (slug: string, tracker: string) => settle(() => trackersLoader(args(new Request(`http://test/results/trackers?${new URLSearchParams({ cycle: slug, tracker })}`))));

  it("goes to the list of the vote whose published count has it, which says it was counted", async () => {
    const sent = (await check(votes[0].cycle.slug, trackers[1])) as Response;
    expect(sent.headers.get("Location")).toBe(`/results/trackers?${new URLSearchParams({ cycle: votes[1].cycle.slug, tracker: trackers[1] })}`);
    const there = (await check(votes[1].cycle.slug, trackers[1])) as { found: { name: string; writtenIn: string | null } | null };
    expect(there.found).toEqual({ name: votes[1].cycle.districts[0].name, writtenIn: "en" });
  });

  it("does not point to a vote whose count is not published; says the ballot is recorded there and waits for it", async () => {
    type Page = { found: unknown; tracker: string; waiting: { name: string; closed: boolean } | null };
    const here = (await check(votes[0].cycle.slug, trackers[2])) as Page;
    // Voting there has closed: said so, with no closing day to come.
    expect(here).toMatchObject({ found: null, tracker: trackers[2], waiting: { name: votes[2].cycle.name, closed: true, closes: null } });
    // Still sealed, during the vote (not yet mixed into the ballot table): recorded too.
    const voting = await votingCycle();
    const cast = await castBallot(voting.codes[0], [voting.proposalId]);
    if (!cast.ok) throw new Error("not cast");
    expect(await prisma.ballot.count({ where: { tracker: cast.tracker } })).toBe(0);
    expect(((await check(votes[0].cycle.slug, cast.tracker)) as Page).waiting).toMatchObject({ name: voting.cycle.name, closed: false });
    // A tracker no ballot has: neither found nor waiting.
    expect((await check(votes[0].cycle.slug, "0000-0000-0000")) as Page).toMatchObject({ found: null, waiting: null });
  });
});
