import "./fresh-db";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { castBallot, newPaperEntryToken } from "~/db/ballots.server";
import { prisma } from "~/db/client.server";
import { generateVoterCodes } from "~/db/cycles.server";
import { publishResults, runTally } from "~/db/results.server";
import { decodeMessage } from "~/i18n/message";
import { action as paperAction, loader as paperLoader } from "~/routes/admin.cycles.$slug_.paper";
import { loader as resultsLoader } from "~/routes/results._index";
import { loader as jsonLoader } from "~/routes/results.export[.json]";
import { loader as reportLoader } from "~/routes/results.report";
import { loader as pbLoader } from "~/routes/results.ballots.$resultId[.pb]";
import { answerOf, args, browserFor, makeUser, settle, votingCycle } from "./fixtures";

// Paper ballots that cannot be counted are recorded as spoiled: every paper ballot received is
// accounted for, none of them is counted. They come from a site's box, with no code, and take a
// place in it like a counted ballot.

type SpoiledReply = { form: "spoiled"; values: Record<string, string>; errors: Record<string, string[] | undefined> };
type BoxReply = {
  form: "box";
  errors: Record<string, string[] | undefined>;
  selection: string[];
  spoil: null | { reason: string; note: string };
};
const keysOf = (errors: Record<string, string[] | undefined>) =>
  Object.fromEntries(Object.entries(errors).filter(([, list]) => list?.length).map(([field, list]) => [field, list!.map((e) => decodeMessage(e)?.key)]));

describe("recording a spoiled paper ballot from the box", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle();
  const [north, south] = cycle.districts;
  const url = `/admin/cycles/${cycle.slug}/paper`;
  // Each form sent as a fresh page would send it: with a new one-time entry token (check-ins ignore it).
  const post = async (fields: Record<string, string | string[]>, who = admin) =>
    settle(async () => paperAction(args((await browserFor(who)).post(url, { entry: newPaperEntryToken(), ...fields }), { slug: cycle.slug })));
  const spoiledRows = () => prisma.spoiledBallot.findMany({ where: { cycleId: cycle.id } });
  const checkIn = async (site: string, code: string) => {
    if (((await post({ intent: "check-in", site, code })) as Response).status !== 302) throw new Error("a voter was not checked in");
  };
  // Voters checked in, so their boxes have room: two at Eastgate Library (North), one there for South, two at Northside School (North).
  await generateVoterCodes(cycle.id, south.id, 1, "South", admin);
  const southCode = await prisma.voterCode.findFirstOrThrow({ where: { districtId: south.id } });
  await checkIn("Eastgate Library", codes[0].code);
  await checkIn("Eastgate Library", southCode.code);
  await checkIn("Northside School", codes[4].code);
  await checkIn("Northside School", codes[5].code);
  const participations = await prisma.participation.count({ where: { cycleId: cycle.id } });

  it("records one with a district and a reason, no code, and logs who entered it where", async () => {
    const answer = (await post({ intent: "spoil", site: "Eastgate Library", districtId: north.id, reason: "over-budget", note: "" })) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`${url}?site=Eastgate+Library&district=${north.id}#box`);
    expect(await spoiledRows()).toEqual([expect.objectContaining({ districtId: north.id, reason: "over-budget", note: "", recordedOn: new Date().toISOString().slice(0, 10) })]);
    // Not a ballot: nothing to count, no tracker; and no code used by it.
    expect(await prisma.ballot.count({ where: { cycleId: cycle.id } })).toBe(0);
    expect(await prisma.participation.count({ where: { cycleId: cycle.id } })).toBe(participations);
    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "paper-ballot.spoil", targetId: cycle.id } });
    expect(log.actorId).toBe(admin.id);
    // The site, as for a counted paper ballot; never the reason, the district or the spoiled ballot's id.
    expect(JSON.parse(log.detail)).toEqual({ site: "Eastgate Library" });
  });

  it("records one with a note for 'other', and takes no code even if one is sent", async () => {
    // A note naming a voter code of the cycle is refused, the note kept for the clerk to correct.
    const named = answerOf<SpoiledReply>(await post({ intent: "spoil", site: "Eastgate Library", districtId: south.id, reason: "other", note: `Torn, voter ${codes[1].code.toLowerCase()}` }));
    expect(named.httpStatus).toBe(400);
    expect(keysOf(named.reply.errors)).toEqual({ note: ["vote:spoiled.errors.noteCode"] });
    expect(named.reply.values.note).toBe(`Torn, voter ${codes[1].code.toLowerCase()}`);
    const answer = (await post({ intent: "spoil", site: "Eastgate Library", districtId: south.id, reason: "other", note: "  Torn in half  ", code: codes[1].code })) as Response;
    expect(answer.status).toBe(302);
    expect(await prisma.spoiledBallot.findFirstOrThrow({ where: { districtId: south.id } })).toMatchObject({ reason: "other", note: "Torn in half" });
    expect(await prisma.participation.count({ where: { cycleId: cycle.id } })).toBe(participations);
  });

  it("refuses one the box cannot hold: no voter for that district checked in at that site, or all their ballots entered", async () => {
    const before = (await spoiledRows()).length;
    for (const [site, districtId] of [["Eastgate Library", south.id], ["Riverside Arena", north.id]]) {
      const { httpStatus, reply } = answerOf<SpoiledReply>(await post({ intent: "spoil", site, districtId, reason: "blank" }));
      expect(httpStatus).toBe(400);
      expect(keysOf(reply.errors)).toEqual({ districtId: ["vote:paper.errors.boxFull"] });
      expect(reply.values).toMatchObject({ site, districtId, reason: "blank" });
    }
    expect((await spoiledRows()).length).toBe(before);
  });

  it("says what is wrong by each field and keeps what was typed", async () => {
    const before = (await spoiledRows()).length;
    const typed = { intent: "spoil", site: "Eastgate Library", districtId: "", reason: "other", note: "" };
    const none = answerOf<SpoiledReply>(await post(typed));
    expect(none.httpStatus).toBe(400);
    expect(keysOf(none.reply.errors)).toEqual({ districtId: ["vote:spoiled.errors.district"], note: ["vote:spoiled.errors.note"] });
    const unknown = answerOf<SpoiledReply>(await post({ ...typed, districtId: "another-cycles-district", reason: "coffee", note: "x".repeat(201) }));
    expect(keysOf(unknown.reply.errors)).toEqual({ districtId: ["vote:spoiled.errors.district"], reason: ["vote:spoiled.errors.reason"], note: ["vote:spoiled.errors.noteLong"] });
    expect(unknown.reply.values).toEqual({ site: "Eastgate Library", districtId: "another-cycles-district", reason: "coffee", note: "x".repeat(201) });
    expect((await spoiledRows()).length).toBe(before);
  });

  it("offers a ballot from the box the rules refuse as spoiled, keeping the choices, and records it so", async () => {
    const box = { site: "Northside School", districtId: north.id };
    // A blank paper ballot: refused ("choose at least one"), with "blank" offered.
    const refused = answerOf<BoxReply>(await post({ intent: "box", ...box }));
    expect(refused.httpStatus).toBe(400);
    expect(refused.reply).toMatchObject({ form: "box", selection: [], spoil: { reason: "blank", note: "" } });
    expect(keysOf(refused.reply.errors)).toEqual({ ballot: ["vote:paperErrors.chooseAtLeastOne"] });
    // "Other" with no note: the refusal again, the note's error beside it, the choices kept.
    const noNote = answerOf<BoxReply>(await post({ intent: "box-spoil", ...box, reason: "other", note: "", project: proposalId }));
    expect(noNote.httpStatus).toBe(400);
    expect(noNote.reply).toMatchObject({ selection: [proposalId], spoil: { reason: "other", note: "" } });
    expect(keysOf(noNote.reply.errors)).toEqual({ note: ["vote:spoiled.errors.note"] });

    const recorded = (await post({ intent: "box-spoil", ...box, reason: "blank", note: "" })) as Response;
    expect(recorded.headers.get("Location")).toBe(`${url}?site=Northside+School&district=${north.id}#box`);
    expect(await prisma.spoiledBallot.count({ where: { districtId: north.id, reason: "blank" } })).toBe(1);
    expect(await prisma.participation.count({ where: { cycleId: cycle.id } })).toBe(participations);
    expect(await prisma.sealedBallot.count({ where: { cycleId: cycle.id } })).toBe(0);
  });

  it("offers 'over the budget' for a knapsack ballot that costs too much", async () => {
    await prisma.district.update({ where: { id: north.id }, data: { budgetCents: 5_000_00 } });
    try {
      const refused = answerOf<BoxReply>(await post({ intent: "box", site: "Northside School", districtId: north.id, project: proposalId }));
      expect(refused.reply.spoil).toEqual({ reason: "over-budget", note: "" });
      expect(keysOf(refused.reply.errors)).toEqual({ ballot: ["vote:paperErrors.overBudget"] });
    } finally {
      await prisma.district.update({ where: { id: north.id }, data: { budgetCents: north.budgetCents } });
    }
  });

  it("refuses a ballot form for a district of another cycle (a tampered form)", async () => {
    const answer = (await post({ intent: "box", site: "Northside School", districtId: "another-cycles-district", project: proposalId })) as Response;
    expect(answer.status).toBe(400);
  });

  it("shows the PB office the count per district and reason on the paper page", async () => {
    const page = (await paperLoader(args((await browserFor(admin)).get(url), { slug: cycle.slug }))).data;
    expect(page.spoiled).toEqual([
      { district: "North", byReason: { "over-budget": 1, choices: 0, unreadable: 0, blank: 1, other: 0 }, total: 2 },
      { district: "South", byReason: { "over-budget": 0, choices: 0, unreadable: 0, blank: 0, other: 1 }, total: 1 },
    ]);
    expect(page.districts.map((d) => d.name)).toEqual(["North", "South"]);
  });

  it("is for exactly who may enter paper ballots, while they may: not a resident or staff, not after voting", async () => {
    const before = (await spoiledRows()).length;
    const form = { intent: "spoil", site: "Northside School", districtId: north.id, reason: "blank" };
    for (const who of [await makeUser(["resident"]), await makeUser(["staff"], "Parks"), await makeUser(["delegate"])]) {
      expect(((await post(form, who)) as Response).status).toBe(403);
    }
    const visitor = (await settle(async () => paperAction(args((await browserFor(null)).post(url, form), { slug: cycle.slug })))) as Response;
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    for (const phase of ["costing", "results"]) {
      await prisma.cycle.update({ where: { id: cycle.id }, data: { phase } });
      expect(((await post(form)) as Response).status).toBe(403);
      expect(((await post({ ...form, intent: "box-spoil" })) as Response).status).toBe(403);
    }
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    expect((await spoiledRows()).length).toBe(before);
  });
});

describe("spoiled ballots in the count and the published results", async () => {
  const { admin, cycle, proposalIds, codes } = await votingCycle({ proposals: 2 });
  const [north, south] = cycle.districts;
  const url = `/admin/cycles/${cycle.slug}/paper`;
  const setPhase = (phase: string) => prisma.cycle.update({ where: { id: cycle.id }, data: { phase } });
  for (const [i, code] of codes.slice(0, 3).entries()) await castBallot(code, i === 0 ? proposalIds : [proposalIds[0]]);
  await setPhase("results");
  const [before] = await runTally(cycle.id, admin);
  const projectsOf = (resultId: string) =>
    prisma.tallyProjectResult.findMany({ where: { resultId }, orderBy: { position: "asc" }, select: { proposalId: true, votes: true, selected: true, position: true } });

  // Voting again (as if the count above had been a trial), three voters are checked in on paper and
  // their three ballots from the box are spoiled: two in North, one in South.
  await setPhase("voting");
  const browser = await browserFor(admin);
  await generateVoterCodes(cycle.id, south.id, 1, "South", admin);
  const southCode = await prisma.voterCode.findFirstOrThrow({ where: { districtId: south.id } });
  for (const code of [codes[3], codes[4], southCode]) {
    const answer = (await paperAction(args(browser.post(url, { intent: "check-in", site: "Eastgate Library", code: code.code }), { slug: cycle.slug }))) as Response;
    if (answer.status !== 302) throw new Error("a voter was not checked in");
  }
  for (const fields of [
    { districtId: north.id, reason: "over-budget" },
    { districtId: north.id, reason: "unreadable" },
    { districtId: south.id, reason: "blank" },
  ]) {
    const answer = (await paperAction(args(browser.post(url, { intent: "spoil", site: "Eastgate Library", entry: newPaperEntryToken(), ...fields }), { slug: cycle.slug }))) as Response;
    if (answer.status !== 302) throw new Error("a spoiled ballot was not recorded");
  }
  await setPhase("results");
  const after = await runTally(cycle.id, admin);
  const northAfter = after.find((r) => r.districtId === north.id)!;

  it("counts exactly the same ballots: same digest, ballot count, votes and winners", async () => {
    expect(before.districtId).toBe(north.id);
    expect(northAfter).toMatchObject({ ballotsHash: before.ballotsHash, ballotCount: 3, spentCents: before.spentCents, summary: before.summary });
    expect(await projectsOf(northAfter.id)).toEqual(await projectsOf(before.id));
    expect(before.spoiledCount).toBe(0);
    expect(northAfter.spoiledCount).toBe(2);
    expect(after.find((r) => r.districtId === south.id)).toMatchObject({ ballotCount: 0, spoiledCount: 1 });
  });

  it("shows no spoiled count on any public page before publication", async () => {
    const visitor = await browserFor(null);
    const q = `?cycle=${cycle.slug}`;
    const page = (await resultsLoader(args(visitor.get(`/results${q}`)))) as { results: unknown[] };
    const report = (await reportLoader(args(visitor.get(`/results/report${q}`)))) as { districts: unknown[] };
    const json = await (await jsonLoader(args(visitor.get(`/results/export.json${q}`)))).text();
    expect(page.results).toEqual([]);
    expect(report.districts).toEqual([]);
    expect(JSON.parse(json).districts).toEqual([]);
    expect(json).not.toMatch(/spoiled/i);
  });

  it("publishes each district's spoiled count beside its result, and keeps them out of the ballots file", async () => {
    await publishResults(cycle.id, admin);
    const visitor = await browserFor(null);
    const q = `?cycle=${cycle.slug}`;
    type Page = { results: { district: { name: string }; ballotCount: number; spoiledCount: number }[] };
    const page = (await resultsLoader(args(visitor.get(`/results${q}`)))) as Page;
    expect(page.results.map((r) => [r.district.name, r.ballotCount, r.spoiledCount])).toEqual([["North", 3, 2], ["South", 0, 1]]);
    const report = (await reportLoader(args(visitor.get(`/results/report${q}`)))) as { districts: { name: string; ballots: number; spoiled: number }[] };
    expect(report.districts.map((d) => [d.name, d.ballots, d.spoiled])).toEqual([["North", 3, 2], ["South", 0, 1]]);
    const json = JSON.parse(await (await jsonLoader(args(visitor.get(`/results/export.json${q}`)))).text()) as { districts: { district: string; ballots: number; spoiledPaperBallots: number; ballotsSha256: string }[] };
    expect(json.districts.map((d) => [d.district, d.ballots, d.spoiledPaperBallots])).toEqual([["North", 3, 2], ["South", 0, 1]]);
    expect(json.districts[0].ballotsSha256).toBe(before.ballotsHash);
    const pb = (await settle(() => pbLoader(args(visitor.get(`/results/ballots/${northAfter.id}.pb`), { resultId: northAfter.id })))) as Response;
    const text = await pb.text();
    expect(text).toMatch(/^num_votes;3$/m);
    expect(text.match(/^\d+;[\d,]+$/gm)).toHaveLength(3);
  });
});

describe("the secrecy of spoiled ballots", async () => {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const model = /model SpoiledBallot \{([\s\S]*?)\n\}/.exec(schema)![1];

  it("keeps no reference to a voter, a code, a participation or a precise time, and no insertion order", async () => {
    for (const forbidden of ["User", "VoterCode", "Participation", "voterCodeId", "userId", "participationId", "DateTime", "site"]) {
      expect(model).not.toContain(forbidden);
    }
    expect(model).toMatch(/recordedOn\s+String\s+\/\/ YYYY-MM-DD only/);
    expect(model).toMatch(/id\s+String\s+@id @default\(uuid\(\)\)/);
    // A rowid would keep the order of entry, lining spoiled ballots up with the codes' participations.
    await expect(prisma.$queryRawUnsafe(`SELECT rowid FROM "SpoiledBallot"`)).rejects.toThrow();
  });
});
