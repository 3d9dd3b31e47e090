import "./fresh-db";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { castBallot, mixBallots } from "~/db/ballots.server";
import { prisma } from "~/db/client.server";
import { generateVoterCodes, updateBallotRules } from "~/db/cycles.server";
import { saveCostEstimate } from "~/db/costing.server";
import { createIdea } from "~/db/ideas.server";
import { createProposal, sendForCosting } from "~/db/proposals.server";
import { publishResults, runTally } from "~/db/results.server";
import { DEFAULT_BALLOT_RULES } from "~/domain/cycles/rules-schema";
import { readPabulibElection } from "~/domain/tally/pabulib";
import { countDistrict } from "~/domain/results/count";
import { loader as pbLoader } from "~/routes/results.ballots.$resultId[.pb]";
import { loader as resultsLoader } from "~/routes/results._index";
import { loader as csvLoader } from "~/routes/results.export[.csv]";
import { loader as jsonLoader } from "~/routes/results.export[.json]";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.cycles.$slug";
import { parseNote } from "~/domain/results/explain";
import { action as ballotAction } from "~/routes/vote.ballot";
import { action as codeAction } from "~/routes/vote._index";
import { answerOf, args, ballotStep, browserFor, makeCycle, makeUser, settle } from "./fixtures";
import { inWords } from "../english";

describe("ranked and approval cycles, rule locking, and recounts from the published file", async () => {
  const admin = await makeUser(["admin"]);
  const delegate = await makeUser(["delegate"]);
  const resident = await makeUser(["resident"]);
  const staff = await makeUser(["staff"], "Parks");
  const cycle = await makeCycle(admin, "costing", [100_000_00, 50_000_00]);
  const [north] = cycle.districts;
  const costs: Record<string, number> = { A: 40_000_00, B: 30_000_00, C: 30_000_00, D: 20_000_00 };
  const ids: Record<string, string> = {};
  for (const [name, cost] of Object.entries(costs)) {
    const idea = await createIdea(cycle.id, { title: `Project ${name}`, description: `Idea for project ${name} in the north.`, districtId: north.id, categoryId: cycle.categories[0].id, location: "" }, resident);
    const created = await createProposal(cycle.id, { title: `Project ${name}`, description: `Project ${name}, developed from residents' ideas.`, districtId: north.id, categoryId: cycle.categories[0].id, ideaIds: [idea.id] }, delegate);
    if (!created.ok) throw new Error(created.error);
    await sendForCosting(created.proposal.id, staff.agencyId!, delegate);
    await saveCostEstimate(created.proposal.id, { lineItems: [{ description: "All of it", quantity: 1, unitCostCents: cost }], verdict: "feasible", publicReason: "Public land, within our remit, priced from recent work." }, staff);
    ids[name] = created.proposal.id;
  }
  await generateVoterCodes(cycle.id, north.id, 12, "test", admin);
  const codes = await prisma.voterCode.findMany({ where: { districtId: north.id }, orderBy: { code: "asc" } });

  it("lets the PB office switch to a ranked ballot before voting opens, and not once it has", async () => {
    const result = await updateBallotRules(cycle.id, { ...DEFAULT_BALLOT_RULES, ballotMethod: "ranked", maxRanks: 3, tallyRule: "greedy" }, admin);
    expect(result.ok).toBe(true);
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    // No ballot yet, but voters have been shown the rules: they stay.
    const late = await updateBallotRules(cycle.id, { ...DEFAULT_BALLOT_RULES, ballotMethod: "approval" }, admin);
    expect(late.ok).toBe(false);
    expect(inWords(late.ok ? "" : late.reason)).toContain("locked: voting has opened");
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).ballotMethod).toBe("ranked");
  });

  it("takes a ranked ballot through the voter's pages and stores the ranks", async () => {
    const voter = await browserFor(null);
    voter.remember((await settle(() => codeAction(args(voter.post("/vote", { code: codes[0].code }))))) as Response);
    const gap = (await ballotStep(voter, { intent: "review", [`rank-${ids.A}`]: "1", [`rank-${ids.B}`]: "3" })).page.draft!;
    expect(gap.errors.map((e) => inWords(e))).toEqual(["No project has rank 2: rank your choices in order (1st, 2nd, 3rd…) without leaving one out."]);
    expect(gap.ranks[ids.B]).toBe("3");
    const cast = (await settle(() =>
      ballotAction(args(voter.post("/vote/ballot", { intent: "confirm", [`rank-${ids.C}`]: "1", [`rank-${ids.A}`]: "2" }))),
    )) as Response;
    expect(cast.headers.get("Location")).toBe("/vote/receipt");
    // Proposals are numbered A=1, B=2, C=3, D=4; a ranked ballot keeps its order.
    await mixBallots(cycle.id, { all: true });
    const [ballot] = await prisma.ballot.findMany({ where: { cycleId: cycle.id } });
    expect(ballot.choices).toBe("3,1");
  });

  it("refuses to change the rules once a ballot is cast, and says why", async () => {
    const result = await updateBallotRules(cycle.id, { ...DEFAULT_BALLOT_RULES, ballotMethod: "approval" }, admin);
    expect(result.ok).toBe(false);
    expect(inWords(result.ok ? "" : result.reason)).toContain("locked: 1 ballot has already been cast");
    const browser = await browserFor(admin);
    const { httpStatus, reply } = answerOf<{ rules: { error: Record<string, string[]> } }>(
      await adminAction(
        args(browser.post(`/admin/cycles/${cycle.slug}`, { intent: "update-rules", ballotMethod: "approval", minSpendPercent: "0", minApprovals: "1", maxApprovals: "2", maxRanks: "3", tallyRule: "mes" }), { slug: cycle.slug }),
      ),
    );
    expect(httpStatus).toBe(400);
    expect(inWords(reply.rules.error[""]?.[0] ?? "")).toMatch(/Changing the rules during a vote would be unfair/);
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).ballotMethod).toBe("ranked");
  });

  it("counts ranked ballots with top-k points and publishes a file that recounts to the same winners", async () => {
    // k = 3: 1st choice 3 points, 2nd 2, 3rd 1.
    const rest: string[][] = [[ids.D, ids.B], [ids.D], [ids.B, ids.D, ids.A], [ids.A]];
    for (const [i, selection] of rest.entries()) await castBallot(codes[i + 1], selection, { ranked: true });
    // Points: A 2+1+3 = 6, B 2+3 = 5, C 3, D 3+3+2 = 8.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "results" } });
    const runs = await runTally(cycle.id, admin);
    const run = runs.find((r) => r.districtId === north.id)!;
    const rows = await prisma.tallyProjectResult.findMany({ where: { resultId: run.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.title, r.votes, r.selected])).toEqual([
      ["Project D", 8, true],
      ["Project A", 6, true],
      ["Project B", 5, true],
      ["Project C", 3, false],
    ]);
    await publishResults(cycle.id, admin);

    const response = await pbLoader(args(new Request(`http://test/results/ballots/${run.id}.pb`), { resultId: run.id }));
    const text = await response.text();
    expect(text).toMatch(/vote_type;ordinal/);
    expect(text).not.toContain(codes[0].code);
    const { election, file } = readPabulibElection(text, { ordinalPoints: "top-k" });
    const recount = countDistrict("greedy", election, "ranked");
    // The file names projects by their public numbers: A=1, B=2, D=4.
    expect([...recount.winners].sort()).toEqual(["1", "2", "4"]);
    expect(election.ballots).toHaveLength(5);
    // Anyone can recompute the published SHA-256 from the file's vote lines.
    const lines = file.votes.map((v) => v.ids.join(",")).sort();
    expect(createHash("sha256").update(lines.join("\n")).digest("hex")).toBe(run.ballotsHash);
    // Pabulib's "votes" counts the ballots naming a project; the top-k points are its "score".
    const d = file.projects.find((p) => p.id === "4")!;
    expect([d.extra.votes, d.extra.score]).toEqual(["3", "8"]);
    // The file does not contradict itself (counts in META and PROJECTS match its vote lines).
    expect(file.warnings).toBeUndefined();
    // The voting days, as Pabulib writes dates.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { votingOpensOn: "2027-03-01", votingClosesOn: "2027-03-15" } });
    const dated = await (await pbLoader(args(new Request(`http://test/results/ballots/${run.id}.pb`), { resultId: run.id }))).text();
    expect(dated).toContain("date_begin;01.03.2027\ndate_end;15.03.2027\n");
  });

  it("calls ranked totals points, not votes, on the page and in the exports", async () => {
    const browser = await browserFor(null);
    const q = `?cycle=${cycle.slug}`;
    const page = (await resultsLoader(args(browser.get(`/results${q}`)))) as { cycle: { score: string; firstChoicePoints: number } };
    expect(page.cycle).toMatchObject({ score: "points", firstChoicePoints: 3 });
    const csv = await (await csvLoader(args(browser.get(`/results/export.csv${q}`)))).text();
    expect(csv.split("\n")[0].split(",")).toContain("points");
    expect(csv.split("\n")[0].split(",")).not.toContain("votes");
    expect(csv).toContain(`Project D,8,20000.00,yes,`);
    const json = JSON.parse(await (await jsonLoader(args(browser.get(`/results/export.json${q}`)))).text());
    const counted = json.districts.find((x: { district: string }) => x.district === north.name);
    expect(counted.projects[0]).toMatchObject({ id: ids.D, proposalNumber: 4, title: "Project D", points: 8 });
    expect(counted.projects[0]).not.toHaveProperty("votes");
  });

  it("shows the PB office the whole count in points before it publishes: every project, funded or not, with why", async () => {
    const browser = await browserFor(admin);
    const page = await adminLoader(args(browser.get(`/admin/cycles/${cycle.slug}`), { slug: cycle.slug }));
    expect(page.cycle.score).toBe("points");
    const summary = page.results.find((r) => r.district.name === north.name)!;
    expect(summary.projects.filter((p) => p.selected).map((p) => [p.title, p.votes])).toEqual([["Project D", 8], ["Project A", 6], ["Project B", 5]]);
    // The losers are listed too, each with the note the results page turns into words.
    const losers = summary.projects.filter((p) => !p.selected);
    expect(losers.length).toBeGreaterThan(0);
    for (const p of losers) expect(parseNote(p.note)).not.toBeNull();
  });
});

describe("the published .pb file's voting days", async () => {
  const { advancePhase } = await import("~/db/cycles.server");
  const { votingCycle } = await import("./fixtures");

  it("gives the day voting really closed when the PB office closed it before the announced day", async () => {
    const { admin, cycle, codes, proposalId } = await votingCycle();
    await prisma.cycle.update({ where: { id: cycle.id }, data: { votingOpensOn: "2026-01-05", votingClosesOn: "2099-12-31" } });
    expect((await castBallot(codes[0], [proposalId])).ok).toBe(true);
    expect((await advancePhase(cycle.id, admin)).ok).toBe(true); // closed today, long before 31.12.2099
    await runTally(cycle.id, admin);
    await publishResults(cycle.id, admin);
    const published = await prisma.tallyResult.findFirstOrThrow({ where: { cycleId: cycle.id, status: "published" } });
    const text = await (await pbLoader(args(new Request(`http://test/results/ballots/${published.id}.pb`), { resultId: published.id }))).text();
    const today = new Date().toISOString().slice(0, 10).split("-").reverse().join(".");
    // Voting was opened outside the app's own phase change (no audit line): the announced day stands.
    expect(text).toContain(`date_begin;05.01.2026\ndate_end;${today}\n`);
  });

  it("does not let the cycle close while a published winner has no project to track", async () => {
    const { createProjectsFromWinners } = await import("~/db/projects.server");
    const { admin, cycle, codes, proposalId } = await votingCycle();
    expect((await castBallot(codes[0], [proposalId])).ok).toBe(true);
    expect((await advancePhase(cycle.id, admin)).ok).toBe(true);
    await runTally(cycle.id, admin);
    await publishResults(cycle.id, admin);
    expect(await advancePhase(cycle.id, admin)).toEqual({ ok: true, phase: "implementation" });
    const blocked = await advancePhase(cycle.id, admin);
    expect(blocked.ok ? [] : blocked.blockers.map((b) => inWords(b))).toEqual([
      "Winner #1 “Shade trees” has no project yet: create the projects from the winners first, so it is tracked until it is built.",
    ]);
    await createProjectsFromWinners(cycle.id, admin);
    expect(await advancePhase(cycle.id, admin)).toEqual({ ok: true, phase: "closed" });
  });
});
