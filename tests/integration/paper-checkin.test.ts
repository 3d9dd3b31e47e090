import "./fresh-db";
import { describe, expect, it } from "vitest";
import { castBallot, checkInPaperVoter, countBallots, enterBoxBallot, mixBallots, newPaperEntryToken, recordSpoiledBallot, voidVoterCode } from "~/db/ballots.server";
import { prisma } from "~/db/client.server";
import { advancePhase, generateVoterCodes } from "~/db/cycles.server";
import { decodeMessage } from "~/i18n/message";
import { allInWords } from "../english";
import { action as paperAction, loader as paperLoader } from "~/routes/admin.cycles.$slug_.paper";
import { answerOf, args, browserFor, makeCycle, makeUser, settle, votingCycle } from "./fixtures";

// Paper voting in two acts that are never joined: a voter is checked in with their code (used, no
// choices), and ballots are entered later from the site's box (no code). A box never gives more
// ballots, counted or spoiled, than voters checked in at that site for that district.

type Reply = { form: string; values?: Record<string, string>; selection?: string[]; errors: Record<string, string[] | undefined>; spoil?: unknown };
const keysOf = (errors: Record<string, string[] | undefined>) =>
  Object.fromEntries(Object.entries(errors).filter(([, list]) => list?.length).map(([field, list]) => [field, list!.map((e) => decodeMessage(e)?.key)]));

describe("paper voting: check in a voter, then enter ballots from the box", async () => {
  const { admin, cycle, proposalIds, codes } = await votingCycle({ proposals: 2 });
  const [north, south] = cycle.districts;
  const url = `/admin/cycles/${cycle.slug}/paper`;
  // Each form sent as a fresh page would send it: with a new one-time entry token (check-ins ignore it).
  const post = async (fields: Record<string, string | string[]>, who = admin) =>
    settle(async () => paperAction(args((await browserFor(who)).post(url, { entry: newPaperEntryToken(), ...fields }), { slug: cycle.slug })));
  const checkIn = (site: string, code: string) => post({ intent: "check-in", site, code });
  const fromBox = (site: string, project: string[], intent = "box", districtId = north.id) => post({ intent, site, districtId, project });
  const spoilFromBox = (site: string, districtId = north.id) => post({ intent: "spoil", site, districtId, reason: "blank", note: "" });
  const sealedAndMixed = () => countBallots(cycle.id);

  it("checks a voter in: the code is used at the site, with no ballot, and the audit line says the site only", async () => {
    const [code] = codes;
    const browser = await browserFor(admin);
    const answer = (await settle(async () => paperAction(args(browser.post(url, { intent: "check-in", site: "Site A", code: code.code.toLowerCase() }), { slug: cycle.slug })))) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`${url}?site=Site+A`);
    browser.remember(answer);
    expect(await prisma.participation.findUniqueOrThrow({ where: { voterCodeId: code.id } })).toMatchObject({ channel: "paper", site: "Site A", districtId: north.id, cycleId: cycle.id });
    expect(await sealedAndMixed()).toBe(0);
    // Used: the voter cannot also vote online.
    expect(await castBallot(code, [proposalIds[0]])).toEqual({ ok: false, reason: "already-voted" });
    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "paper-ballot.check-in", targetId: cycle.id } });
    expect(log.actorId).toBe(admin.id);
    expect(JSON.parse(log.detail)).toEqual({ site: "Site A" });
    // "Checked in" is said once: a reload (or the page after a refused code) does not say it again.
    const page = await paperLoader(args(browser.get(`${url}?site=Site+A`), { slug: cycle.slug }));
    expect(page.data.done).toEqual({ checkedIn: "North", entered: false, spoiled: false, repeated: false });
    browser.remember(new Response(null, { headers: page.init!.headers }));
    const reload = await paperLoader(args(browser.get(`${url}?site=Site+A`), { slug: cycle.slug }));
    expect(reload.data.done).toEqual({ checkedIn: null, entered: false, spoiled: false, repeated: false });
  });

  it("refuses a used, void, unknown or other cycle's code, and no site, keeping what was typed", async () => {
    const [used, , , , , voided] = codes;
    await voidVoterCode(cycle.id, voided.code, "Lost letter", admin);
    const other = await makeCycle(admin, "voting");
    await generateVoterCodes(other.id, other.districts[0].id, 1, "Other cycle", admin);
    const foreign = await prisma.voterCode.findFirstOrThrow({ where: { cycleId: other.id } });
    const before = await prisma.participation.count();
    for (const [site, code, errors] of [
      ["Site A", used.code, { code: ["vote:errors.code.used"] }],
      ["Site A", voided.code, { code: ["vote:paperErrors.code.voided"] }],
      ["Site A", "AAAA-BBBB-CCCC", { code: ["vote:paperErrors.code.unknown"] }],
      ["Site A", foreign.code, { code: ["vote:paper.errors.otherCycle"] }],
      ["", codes[1].code, { site: ["vote:paper.errors.site"] }],
      ["Site A", "", { code: ["vote:paperErrors.enterCode"] }],
    ] as const) {
      const { httpStatus, reply } = answerOf<Reply>(await checkIn(site, code));
      expect(httpStatus).toBe(400);
      expect(reply.form).toBe("check-in");
      expect(keysOf(reply.errors)).toEqual(errors);
      expect(reply.values).toEqual({ site, code });
    }
    expect(await prisma.participation.count()).toBe(before);
  });

  it("refuses a ballot from a box no voter was checked in at, by the form, keeping the choices", async () => {
    for (const [site, districtId] of [["Site B", north.id], ["Site A", south.id]]) {
      const { httpStatus, reply } = answerOf<Reply>(await fromBox(site, [], "box", districtId));
      // A blank ballot is refused by the rules first; a ballot the rules accept, by the box.
      expect(httpStatus).toBe(400);
      expect(keysOf(reply.errors)).toEqual({ ballot: ["vote:paperErrors.chooseAtLeastOne"] });
    }
    const refused = answerOf<Reply>(await fromBox("Site B", [proposalIds[1]]));
    expect(refused.httpStatus).toBe(400);
    expect(refused.reply).toMatchObject({ form: "box", selection: [proposalIds[1]], spoil: null });
    expect(keysOf(refused.reply.errors)).toEqual({ box: ["vote:paper.errors.boxFull"] });
    expect(decodeMessage(refused.reply.errors.box![0])?.values).toEqual({ site: "Site B", district: "North", count: 0 });
    expect(await sealedAndMixed()).toBe(0);
    expect(await prisma.paperBox.count({ where: { cycleId: cycle.id } })).toBe(0);
  });

  it("after two check-ins at a site, takes two ballots (or one and a spoiled one) from its box and refuses a third; other sites' check-ins do not count", async () => {
    // Site A has codes[0] checked in already; one more. Site B: one.
    expect(((await checkIn("Site A", codes[1].code)) as Response).status).toBe(302);
    expect(((await checkIn("Site B", codes[2].code)) as Response).status).toBe(302);

    const first = (await fromBox("Site A", [proposalIds[0]])) as Response;
    expect(first.status).toBe(302);
    // No tracker anywhere in the address: the box and "entered" only.
    expect(first.headers.get("Location")).toBe(`${url}?site=Site+A&district=${north.id}#box`);
    expect(((await spoilFromBox("Site A")) as Response).status).toBe(302);
    expect(await prisma.paperBox.findUniqueOrThrow({ where: { cycleId_districtId_site: { cycleId: cycle.id, districtId: north.id, site: "Site A" } } })).toMatchObject({ ballots: 1, spoiled: 1 });

    // The third: refused as a ballot, as a refused ballot recorded spoiled, and as a spoiled one on its own.
    const third = answerOf<Reply>(await fromBox("Site A", proposalIds));
    expect(third.httpStatus).toBe(400);
    expect(third.reply).toMatchObject({ form: "box", selection: proposalIds });
    expect(keysOf(third.reply.errors)).toEqual({ box: ["vote:paper.errors.boxFull"] });
    expect(decodeMessage(third.reply.errors.box![0])?.values).toEqual({ site: "Site A", district: "North", count: 2 });
    const spoilRefused = answerOf<Reply>(await post({ intent: "box-spoil", site: "Site A", districtId: north.id, reason: "blank", note: "", project: [] }));
    expect(keysOf(spoilRefused.reply.errors)).toEqual({ box: ["vote:paper.errors.boxFull"] });
    const spoilAlone = answerOf<Reply>(await spoilFromBox("Site A"));
    expect(spoilAlone.httpStatus).toBe(400);
    expect(keysOf(spoilAlone.reply.errors)).toEqual({ districtId: ["vote:paper.errors.boxFull"] });
    expect(spoilAlone.reply.values).toEqual({ site: "Site A", districtId: north.id, reason: "blank", note: "" });

    // Site B's check-in lets exactly one ballot out of Site B's box.
    expect(((await fromBox("Site B", [proposalIds[1]])) as Response).status).toBe(302);
    expect(keysOf(answerOf<Reply>(await fromBox("Site B", [proposalIds[1]])).reply.errors)).toEqual({ box: ["vote:paper.errors.boxFull"] });

    expect(await prisma.spoiledBallot.count({ where: { cycleId: cycle.id } })).toBe(1);
    // Counted like online ballots: two sealed, then mixed.
    expect(await countBallots(cycle.id, north.id)).toBe(2);
    expect(await prisma.sealedBallot.count({ where: { cycleId: cycle.id } })).toBe(2);
    await mixBallots(cycle.id, { all: true });
    expect(await prisma.ballot.count({ where: { cycleId: cycle.id, districtId: north.id } })).toBe(2);
    expect(await countBallots(cycle.id, north.id)).toBe(2);
    const logs = await prisma.auditLog.findMany({ where: { targetId: cycle.id, action: { startsWith: "paper-ballot." } } });
    expect(logs.map((l) => l.action).sort()).toEqual(["paper-ballot.check-in", "paper-ballot.check-in", "paper-ballot.check-in", "paper-ballot.enter", "paper-ballot.enter", "paper-ballot.spoil"]);
    for (const l of logs) expect(Object.keys(JSON.parse(l.detail))).toEqual(["site"]);
  });

  it("keeps no row that links a code to a ballot: no code, tracker or ballot in participations, counters or the audit log", async () => {
    const participations = await prisma.participation.findMany({ where: { cycleId: cycle.id } });
    for (const p of participations) expect(Object.keys(p).sort()).toEqual(["channel", "cycleId", "districtId", "id", "locale", "site", "votedOn", "voterCodeId"]);
    const boxes = await prisma.paperBox.findMany({ where: { cycleId: cycle.id } });
    for (const b of boxes) expect(Object.keys(b).sort()).toEqual(["ballots", "cycleId", "districtId", "site", "spoiled"]);
    const ballots = await prisma.ballot.findMany({ where: { cycleId: cycle.id } });
    for (const b of ballots) expect(Object.keys(b).sort()).toEqual(["choices", "cycleId", "districtId", "id", "tracker"]);
    const spoiled = await prisma.spoiledBallot.findMany({ where: { cycleId: cycle.id } });
    for (const s of spoiled) expect(Object.keys(s).sort()).toEqual(["cycleId", "districtId", "id", "note", "reason", "recordedOn"]);
    const stored = JSON.stringify([participations, boxes, await prisma.auditLog.findMany()]);
    for (const b of ballots) {
      expect(stored).not.toContain(b.tracker);
      expect(stored).not.toContain(b.id);
    }
    for (const s of spoiled) expect(stored).not.toContain(s.id);
    // The paper lines (a voided code's own line names that code, as it should).
    const logs = JSON.stringify(await prisma.auditLog.findMany({ where: { action: { startsWith: "paper-ballot." } } }));
    expect(logs).toContain("paper-ballot.enter");
    for (const c of codes) {
      expect(logs).not.toContain(c.code);
      expect(logs).not.toContain(c.id);
    }
  });

  it("shows the PB office each box's balance, and the ballot of the box chosen", async () => {
    const browser = await browserFor(admin);
    const page = (await paperLoader(args(browser.get(url), { slug: cycle.slug }))).data;
    expect(page.boxes).toEqual([
      { site: "Site A", districtId: north.id, district: "North", checkedIn: 2, ballots: 1, spoiled: 1, waiting: 0 },
      { site: "Site B", districtId: north.id, district: "North", checkedIn: 1, ballots: 1, spoiled: 0, waiting: 0 },
    ]);
    expect(page.sites).toEqual(["Site A", "Site B"]);
    expect(page.box).toEqual({ values: { site: "", districtId: "" }, errors: {}, ballot: null });
    // An old address saying "entered" says nothing now: only the redirect's one-time notice does.
    const chosen = (await paperLoader(args(browser.get(`${url}?site=Site+A&district=${north.id}&entered=1`), { slug: cycle.slug }))).data;
    expect(chosen.done).toEqual({ checkedIn: null, entered: false, spoiled: false, repeated: false });
    expect(chosen.box.ballot?.district).toBe("North");
    expect(chosen.box.ballot?.options.map((o) => o.id).sort()).toEqual([...proposalIds].sort());
    const wrong = (await paperLoader(args(browser.get(`${url}?site=A&district=another-cycles-district`), { slug: cycle.slug }))).data;
    expect(wrong.box.ballot).toBeNull();
    expect(keysOf(wrong.box.errors)).toEqual({ site: ["vote:paper.errors.site"], districtId: ["vote:spoiled.errors.district"] });
    expect(wrong.box.values).toEqual({ site: "A", districtId: "another-cycles-district" });
  });

  it("is for exactly who may enter paper ballots, while voting is open: not residents, staff, delegates or visitors", async () => {
    const counts = async () => [await prisma.participation.count({ where: { cycleId: cycle.id } }), await countBallots(cycle.id), await prisma.spoiledBallot.count({ where: { cycleId: cycle.id } })];
    const before = await counts();
    // A fresh check-in at Site C gives its box room, so only the refusal under test can stop these.
    expect(((await checkIn("Site C", codes[3].code)) as Response).status).toBe(302);
    const after = await counts();
    const forms: Record<string, string>[] = [
      { intent: "check-in", site: "Site C", code: codes[4].code },
      { intent: "box", site: "Site C", districtId: north.id, project: proposalIds[0] },
      { intent: "spoil", site: "Site C", districtId: north.id, reason: "blank" },
      { intent: "box-spoil", site: "Site C", districtId: north.id, reason: "blank" },
    ];
    for (const who of [await makeUser(["resident"]), await makeUser(["staff"], "Parks"), await makeUser(["delegate"])]) {
      for (const form of forms) expect(((await post(form, who)) as Response).status).toBe(403);
    }
    for (const form of forms) {
      const visitor = (await settle(async () => paperAction(args((await browserFor(null)).post(url, form), { slug: cycle.slug })))) as Response;
      expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    }
    for (const phase of ["costing", "results"]) {
      await prisma.cycle.update({ where: { id: cycle.id }, data: { phase } });
      for (const form of forms) expect(((await post(form)) as Response).status).toBe(403);
      // Checked again in the transaction: voting may close between the form and the entry.
      const box = () => ({ cycleId: cycle.id, districtId: north.id, site: "Site C", entryToken: newPaperEntryToken() });
      expect(await checkInPaperVoter(admin, codes[4], "Site C")).toEqual({ ok: false, refusal: "not-voting" });
      expect(await enterBoxBallot(admin, box(), [proposalIds[0]], { ranked: false })).toEqual({ ok: false, refusal: "not-voting" });
      expect(await recordSpoiledBallot(admin, { ...box(), reason: "blank", note: "" })).toEqual({ ok: false, refusal: "not-voting" });
    }
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    expect(await counts()).toEqual(after);
    expect(after).toEqual([before[0] + 1, before[1], before[2]]);
  });
});

describe("closing the vote with paper ballots still in a box", async () => {
  const { admin, cycle, proposalIds, codes } = await votingCycle({ proposals: 2 });
  const [north] = cycle.districts;
  const box = () => ({ cycleId: cycle.id, districtId: north.id, site: "Eastgate Library", entryToken: newPaperEntryToken() });

  it("needs the PB office to confirm it, since it cannot be undone", async () => {
    const { action: cycleAction } = await import("~/routes/admin.cycles.$slug");
    const office = await browserFor(admin);
    const unconfirmed = answerOf<{ confirmMove?: string }>(await settle(() => cycleAction(args(office.post(`/admin/cycles/${cycle.slug}`, { intent: "advance" }), { slug: cycle.slug }))));
    expect(unconfirmed.httpStatus).toBe(400);
    expect(decodeMessage(unconfirmed.reply.confirmMove!)?.key).toBe("admin:cycle.confirmCloseMissing");
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).phase).toBe("voting");
  });

  it("is refused, naming the box, until every voter checked in has a ballot entered or spoiled; then the ballots are counted", async () => {
    for (const code of codes.slice(0, 3)) expect(await checkInPaperVoter(admin, code, "Eastgate Library")).toEqual({ ok: true });
    expect(await enterBoxBallot(admin, box(), [proposalIds[0]], { ranked: false })).toEqual({ ok: true });
    const refused = await advancePhase(cycle.id, admin);
    expect(refused.ok).toBe(false);
    expect(allInWords(refused.blockers ?? [])).toEqual([
      "The box at Eastgate Library still holds 2 North ballots: voters were checked in there and their ballots are not entered. Enter them, or record them as spoiled (for instance “other: the voter left with it”), on the paper ballots page.",
    ]);
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).phase).toBe("voting");
    // The clerk enters one and records the other as taken away; the vote may then close.
    expect(await enterBoxBallot(admin, box(), [proposalIds[1]], { ranked: false })).toEqual({ ok: true });
    expect(allInWords((await advancePhase(cycle.id, admin)).blockers ?? [])).toEqual([expect.stringContaining("still holds 1 North ballot:")]);
    expect(await recordSpoiledBallot(admin, { ...box(), reason: "other", note: "The voter left with it" })).toEqual({ ok: true });
    expect(await advancePhase(cycle.id, admin)).toEqual({ ok: true, phase: "results" });
    expect(await countBallots(cycle.id)).toBe(2);
    expect(await prisma.ballot.count({ where: { districtId: north.id } })).toBe(2);
  });
});

describe("a ballot form from the box sent twice, and one site typed two ways", async () => {
  const { admin, cycle, proposalIds, codes } = await votingCycle({ proposals: 2 });
  const [north] = cycle.districts;
  const url = `/admin/cycles/${cycle.slug}/paper`;
  const browser = await browserFor(admin);
  const send = (fields: Record<string, string | string[]>) => settle(async () => paperAction(args(browser.post(url, fields), { slug: cycle.slug })));
  const boxAt = (site: string) => prisma.paperBox.findUnique({ where: { cycleId_districtId_site: { cycleId: cycle.id, districtId: north.id, site } } });
  const doneOf = async (answer: unknown) => {
    browser.remember(answer as Response);
    const page = await paperLoader(args(browser.get(url), { slug: cycle.slug }));
    browser.remember(new Response(null, { headers: page.init!.headers }));
    return page.data.done;
  };

  it("counts the site typed in another case or with extra spaces as the same box", async () => {
    for (const [site, code] of [["Eastgate Library", codes[0]], ["eastgate   LIBRARY ", codes[1]], ["EASTGATE library", codes[2]], ["Eastgate  library", codes[3]]] as const) {
      expect(((await send({ intent: "check-in", site, code: code.code })) as Response).status).toBe(302);
    }
    expect(await prisma.participation.groupBy({ by: ["site"], where: { cycleId: cycle.id }, _count: { _all: true } })).toEqual([{ site: "Eastgate Library", _count: { _all: 4 } }]);
    const page = (await paperLoader(args(browser.get(url), { slug: cycle.slug }))).data;
    expect(page.boxes.map((b) => [b.site, b.checkedIn])).toEqual([["Eastgate Library", 4]]);
  });

  it("records the ballot once and says so, whether the same form comes again later or twice at once", async () => {
    const form = { intent: "box", site: "eastgate library", districtId: north.id, project: [proposalIds[0]], entry: newPaperEntryToken() };
    expect(await doneOf(await send(form))).toMatchObject({ entered: true, repeated: false });
    expect(await doneOf(await send(form))).toMatchObject({ entered: false, repeated: true });
    expect(await boxAt("Eastgate Library")).toMatchObject({ ballots: 1, spoiled: 0 });
    // An old copy of the form (same token) with another ballot typed in: that ballot is entered, not dropped as a repeat.
    expect(await doneOf(await send({ ...form, project: [proposalIds[1]] }))).toMatchObject({ entered: true, repeated: false });
    expect(await boxAt("Eastgate Library")).toMatchObject({ ballots: 2, spoiled: 0 });
    const twice = { ...form, project: [proposalIds[1]], entry: newPaperEntryToken() };
    await Promise.all([send(twice), send(twice)]);
    expect(await boxAt("Eastgate Library")).toMatchObject({ ballots: 3, spoiled: 0 });
    // A spoiled ballot's form too.
    const spoiled = { intent: "spoil", site: "Eastgate Library", districtId: north.id, reason: "blank", note: "", entry: newPaperEntryToken() };
    expect(await doneOf(await send(spoiled))).toMatchObject({ spoiled: true });
    expect(await doneOf(await send(spoiled))).toMatchObject({ spoiled: false, repeated: true });
    expect(await boxAt("Eastgate Library")).toMatchObject({ ballots: 3, spoiled: 1 });
    expect(await countBallots(cycle.id)).toBe(3);
    // A form with no token was not made by this page: refused, nothing taken from the box.
    const tokenless = (await send({ intent: "box", site: "Eastgate Library", districtId: north.id, project: [proposalIds[0]] })) as Response;
    expect(tokenless.status).toBe(400);
  });
});
