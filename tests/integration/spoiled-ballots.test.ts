import "./fresh-db";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { castBallot, voidVoterCode } from "~/db/ballots.server";
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
// accounted for, none of them is counted, and a code that came with one is used.

type SpoiledReply = { form: "spoiled"; values: Record<string, string>; errors: Record<string, string[] | undefined> };
type EntryReply = {
  form: "ballot";
  step: string;
  code: string;
  errors: Record<string, string[] | undefined>;
  ballot: null | { district: string; selection: string[]; spoil: null | { reason: string; note: string } };
};
const keysOf = (errors: Record<string, string[] | undefined>) =>
  Object.fromEntries(Object.entries(errors).filter(([, list]) => list?.length).map(([field, list]) => [field, list!.map((e) => decodeMessage(e)?.key)]));

describe("recording a spoiled paper ballot", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle();
  const [north, south] = cycle.districts;
  const url = `/admin/cycles/${cycle.slug}/paper`;
  const post = async (fields: Record<string, string | string[]>, who = admin) =>
    settle(async () => paperAction(args((await browserFor(who)).post(url, fields), { slug: cycle.slug })));
  const spoiledRows = () => prisma.spoiledBallot.findMany({ where: { cycleId: cycle.id } });

  it("marks the code that came with it used, exactly as a counted paper ballot does, and logs who entered it where", async () => {
    const [code] = codes;
    const answer = (await post({ intent: "spoil", site: "Eastgate Library", districtId: north.id, reason: "over-budget", note: "", code: code.code.toLowerCase() })) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`${url}?spoiled=1&site=Eastgate+Library`);
    expect(await prisma.participation.findUniqueOrThrow({ where: { voterCodeId: code.id } })).toMatchObject({ channel: "paper", site: "Eastgate Library", districtId: north.id });
    expect(await spoiledRows()).toEqual([expect.objectContaining({ districtId: north.id, reason: "over-budget", note: "", recordedOn: new Date().toISOString().slice(0, 10) })]);
    // Not a ballot: nothing to count, no tracker.
    expect(await prisma.ballot.count({ where: { cycleId: cycle.id } })).toBe(0);
    // Used: the voter cannot also vote online.
    expect(await castBallot(code, [proposalId])).toEqual({ ok: false, reason: "already-voted" });
    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "paper-ballot.spoil", targetId: cycle.id } });
    expect(log.actorId).toBe(admin.id);
    // The site, as for a counted paper ballot; never the reason, the district or the spoiled ballot's id.
    expect(JSON.parse(log.detail)).toEqual({ site: "Eastgate Library" });
  });

  it("records one without a code, with a note for 'other'", async () => {
    const answer = (await post({ intent: "spoil", site: "Eastgate Library", districtId: south.id, reason: "other", note: "  Torn in half  ", code: "" })) as Response;
    expect(answer.status).toBe(302);
    expect(await prisma.spoiledBallot.findFirstOrThrow({ where: { districtId: south.id } })).toMatchObject({ reason: "other", note: "Torn in half" });
    expect(await prisma.participation.count({ where: { cycleId: cycle.id } })).toBe(1); // only the first one's code
  });

  it("refuses a used, void, unknown or other district's code, recording nothing", async () => {
    const before = (await spoiledRows()).length;
    const [used, , voided, northCode] = codes;
    await voidVoterCode(cycle.id, voided.code, "Lost letter", admin);
    await generateVoterCodes(cycle.id, south.id, 1, "South", admin);
    const southCode = await prisma.voterCode.findFirstOrThrow({ where: { districtId: south.id } });
    const cases: [string, string, string][] = [
      [used.code, north.id, "vote:errors.code.used"],
      [voided.code, north.id, "vote:errors.code.voided"],
      ["AAAA-BBBB-CCCC", north.id, "vote:errors.code.unknown"],
      [southCode.code, north.id, "vote:spoiled.errors.codeDistrict"],
    ];
    for (const [code, districtId, key] of cases) {
      const { httpStatus, reply } = answerOf<SpoiledReply>(await post({ intent: "spoil", site: "Eastgate Library", districtId, reason: "blank", code }));
      expect(httpStatus).toBe(400);
      expect(keysOf(reply.errors)).toEqual({ code: [key] });
      expect(reply.values).toMatchObject({ code, districtId, reason: "blank", site: "Eastgate Library" });
    }
    expect((await spoiledRows()).length).toBe(before);
    expect(await prisma.participation.count({ where: { voterCodeId: { in: [voided.id, northCode.id, southCode.id] } } })).toBe(0);
  });

  it("says what is wrong by each field and keeps what was typed", async () => {
    const before = (await spoiledRows()).length;
    const typed = { intent: "spoil", site: "Eastgate Library", districtId: "", reason: "other", note: "", code: "" };
    const none = answerOf<SpoiledReply>(await post(typed));
    expect(none.httpStatus).toBe(400);
    expect(keysOf(none.reply.errors)).toEqual({ districtId: ["vote:spoiled.errors.district"], note: ["vote:spoiled.errors.note"] });
    const unknown = answerOf<SpoiledReply>(await post({ ...typed, districtId: "another-cycles-district", reason: "coffee", note: "x".repeat(201), code: codes[4].code }));
    expect(keysOf(unknown.reply.errors)).toEqual({ districtId: ["vote:spoiled.errors.district"], reason: ["vote:spoiled.errors.reason"], note: ["vote:spoiled.errors.noteLong"] });
    expect(unknown.reply.values).toEqual({ site: "Eastgate Library", districtId: "another-cycles-district", reason: "coffee", note: "x".repeat(201), code: codes[4].code });
    expect((await spoiledRows()).length).toBe(before);
    expect(await prisma.participation.count({ where: { voterCodeId: codes[4].id } })).toBe(0);
  });

  it("offers a typed-in paper ballot the rules refuse as spoiled, keeping the code, and records it so", async () => {
    const code = codes[4];
    // A blank paper ballot: refused ("choose at least one"), with "blank" offered.
    const refused = answerOf<EntryReply>(await post({ intent: "confirm", site: "Northside School", code: code.code }));
    expect(refused.httpStatus).toBe(400);
    expect(refused.reply).toMatchObject({ form: "ballot", step: "ballot", code: code.code, ballot: { district: "North", spoil: { reason: "blank", note: "" } } });
    expect(keysOf(refused.reply.errors)).toEqual({ ballot: ["vote:errors.chooseAtLeastOne"] });
    // "Other" with no note: the refusal again, the note's error beside it, the choices and the code kept.
    const noNote = answerOf<EntryReply>(await post({ intent: "spoil-refused", site: "Northside School", code: code.code, reason: "other", note: "", project: proposalId }));
    expect(noNote.httpStatus).toBe(400);
    expect(noNote.reply).toMatchObject({ code: code.code, ballot: { selection: [proposalId], spoil: { reason: "other", note: "" } } });
    expect(keysOf(noNote.reply.errors)).toEqual({ note: ["vote:spoiled.errors.note"] });
    expect(await prisma.participation.count({ where: { voterCodeId: code.id } })).toBe(0);

    const recorded = (await post({ intent: "spoil-refused", site: "Northside School", code: code.code, reason: "blank", note: "" })) as Response;
    expect(recorded.headers.get("Location")).toBe(`${url}?spoiled=1&site=Northside+School`);
    expect(await prisma.participation.findUniqueOrThrow({ where: { voterCodeId: code.id } })).toMatchObject({ channel: "paper", site: "Northside School" });
    expect(await prisma.spoiledBallot.count({ where: { districtId: north.id, reason: "blank" } })).toBe(1);
    // The same form sent again (a double click): the code is used now.
    const again = answerOf<EntryReply>(await post({ intent: "spoil-refused", site: "Northside School", code: code.code, reason: "blank" }));
    expect(keysOf(again.reply.errors)).toEqual({ code: ["vote:errors.code.used"] });
    expect(await prisma.spoiledBallot.count({ where: { districtId: north.id, reason: "blank" } })).toBe(1);
  });

  it("offers 'over the budget' for a knapsack ballot that costs too much", async () => {
    await prisma.district.update({ where: { id: north.id }, data: { budgetCents: 5_000_00 } });
    try {
      const refused = answerOf<EntryReply>(await post({ intent: "confirm", site: "Northside School", code: codes[5].code, project: proposalId }));
      expect(refused.reply.ballot?.spoil).toEqual({ reason: "over-budget", note: "" });
      expect(keysOf(refused.reply.errors)).toEqual({ ballot: ["vote:errors.overBudget"] });
    } finally {
      await prisma.district.update({ where: { id: north.id }, data: { budgetCents: north.budgetCents } });
    }
  });

  it("shows the PB office the count per district and reason on the paper page", async () => {
    const page = await paperLoader(args((await browserFor(admin)).get(url), { slug: cycle.slug }));
    expect(page.spoiled).toEqual([
      { district: "North", byReason: { "over-budget": 1, choices: 0, unreadable: 0, blank: 1, other: 0 }, total: 2 },
      { district: "South", byReason: { "over-budget": 0, choices: 0, unreadable: 0, blank: 0, other: 1 }, total: 1 },
    ]);
    expect(page.districts.map((d) => d.name)).toEqual(["North", "South"]);
  });

  it("is for exactly who may enter paper ballots, while they may: not a resident or staff, not after voting", async () => {
    const before = (await spoiledRows()).length;
    const form = { intent: "spoil", site: "Eastgate Library", districtId: north.id, reason: "blank" };
    for (const who of [await makeUser(["resident"]), await makeUser(["staff"], "Parks"), await makeUser(["delegate"])]) {
      expect(((await post(form, who)) as Response).status).toBe(403);
    }
    const visitor = (await settle(async () => paperAction(args((await browserFor(null)).post(url, form), { slug: cycle.slug })))) as Response;
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    for (const phase of ["costing", "results"]) {
      await prisma.cycle.update({ where: { id: cycle.id }, data: { phase } });
      expect(((await post(form)) as Response).status).toBe(403);
      expect(((await post({ ...form, intent: "spoil-refused", code: codes[5].code })) as Response).status).toBe(403);
    }
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    expect((await spoiledRows()).length).toBe(before);
    expect(await prisma.participation.count({ where: { voterCodeId: codes[5].id } })).toBe(0);
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

  // Voting again (as if the count above had been a trial), three paper ballots are spoiled: two in North, one with a code.
  await setPhase("voting");
  const browser = await browserFor(admin);
  for (const fields of [
    { districtId: north.id, reason: "over-budget", code: codes[3].code },
    { districtId: north.id, reason: "unreadable", code: "" },
    { districtId: south.id, reason: "blank", code: "" },
  ]) {
    const answer = (await paperAction(args(browser.post(url, { intent: "spoil", site: "Eastgate Library", ...fields }), { slug: cycle.slug }))) as Response;
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
    type Page = { results: { district: string; ballotCount: number; spoiledCount: number }[] };
    const page = (await resultsLoader(args(visitor.get(`/results${q}`)))) as Page;
    expect(page.results.map((r) => [r.district, r.ballotCount, r.spoiledCount])).toEqual([["North", 3, 2], ["South", 0, 1]]);
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
