import "./fresh-db";
import { describe, expect, it } from "vitest";
import { dialect, prisma } from "~/db/client.server";
import { checkInPaperVoter } from "~/db/ballots.server";
import { advancePhase, generateVoterCodes } from "~/db/cycles.server";
import { mixSurveyAnswers, saveCensus, saveSurveyCategories } from "~/db/participation.server";
import { action as codeAction } from "~/routes/vote._index";
import { action as ballotAction } from "~/routes/vote.ballot";
import { loader as receiptLoader } from "~/routes/vote.receipt";
import { action as surveyAction, loader as surveyLoader } from "~/routes/vote.survey";
import * as dashboard from "~/routes/participation";
import * as split from "~/routes/admin.cycles.$slug_.split";
import { decodeMessage } from "~/i18n/message";
import { saveTranslation } from "~/db/translations.server";
import { answerOf, args, browserFor, makeCycle, makeUser, settle, votingCycle } from "./fixtures";

/** A voter who enters a code and casts a ballot, in `lng`; returns their browser (with the session cookie). */
async function voteWith(code: string, proposalId: string, lng = "en") {
  const voter = await browserFor(null);
  voter.remember((await settle(() => codeAction(args(voter.post("/vote", { code }))))) as Response);
  const cast = (await settle(() => ballotAction(args(voter.post(`/vote/ballot?lng=${lng}`, { intent: "confirm", project: proposalId }))))) as Response;
  expect(cast.headers.get("Location")).toBe("/vote/receipt");
  voter.remember(cast);
  return voter;
}

const answers = { ageBand: "25to34", gender: "woman", homeLanguage: "spanish", firstTime: "yes" };

describe("the anonymous survey after voting", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle();
  await saveSurveyCategories(cycle.id, ["Asian", "Black", "Hispanic or Latino", "White"], admin, { es: ["Asiático", "Negro", "Hispano o latino", "Blanco"] });

  it("is offered on the receipt, stores one answer with no link, and refuses a second one", async () => {
    const voter = await voteWith(codes[0].code, proposalId, "es");
    const receipt = await receiptLoader(args(voter.get("/vote/receipt?lng=es")));
    const body = (await receipt.json()) as { receipt: unknown; survey: { ethnicities: { value: string; label: string }[] } | null };
    expect(body.receipt).not.toBeNull();
    // In the voter's language (Spanish here); what is sent is the category as the PB office wrote it.
    expect(body.survey).toEqual({
      ethnicities: [
        { value: "Asian", label: "Asiático" },
        { value: "Black", label: "Negro" },
        { value: "Hispanic or Latino", label: "Hispano o latino" },
        { value: "White", label: "Blanco" },
      ],
    });
    voter.remember(receipt);

    const before = voter.post("/vote/survey", { intent: "answer", ...answers, ethnicities: ["Hispanic or Latino", "White"] });
    // The same cookie kept aside, as someone replaying it later would.
    const replay = voter.post("/vote/survey", { intent: "answer", ...answers });
    const first = (await settle(() => surveyAction(args(before)))) as Response;
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/vote/survey?outcome=done");
    voter.remember(first);
    // Sealed until it is mixed with others: nothing in it can be read in the database; the dashboard says one waits.
    expect(await prisma.surveyResponse.count({ where: { cycleId: cycle.id } })).toBe(0);
    const sealed = JSON.stringify(await prisma.sealedSurveyResponse.findMany({ where: { cycleId: cycle.id } }));
    expect(sealed).not.toMatch(/25to34|woman|spanish|Hispanic/);
    const office = await browserFor(admin);
    const figures = (await dashboard.loader(args(office.get(`/participation?cycle=${cycle.slug}`)))).data;
    expect(figures).toMatchObject({ answered: 0, waitingAnswers: 1 });
    expect(await mixSurveyAnswers(cycle.id)).toBe(0); // one answer: a mix waits for more
    expect(await mixSurveyAnswers(cycle.id, { mode: "all" })).toBe(1);
    const stored = await prisma.surveyResponse.findMany({ where: { cycleId: cycle.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ ...answers, ethnicities: JSON.stringify(["Hispanic or Latino", "White"]) });

    // A second answer from the same session is refused, and so is the replayed cookie.
    for (const again of [voter.post("/vote/survey", { intent: "answer", ...answers }), replay]) {
      const { httpStatus, reply } = answerOf<{ refused: boolean }>(await settle(() => surveyAction(args(again))));
      expect(httpStatus).toBe(409);
      expect(reply.refused).toBe(true);
    }
    expect(await prisma.surveyResponse.count({ where: { cycleId: cycle.id } })).toBe(1);
    // The survey page no longer offers the form.
    expect((await surveyLoader(args(voter.get("/vote/survey")))).ethnicities).toBeNull();
    // The ballot was cast in Spanish: the participation (not the ballot) records it.
    expect((await prisma.participation.findFirstOrThrow({ where: { voterCodeId: codes[0].id } })).locale).toBe("es");
  });

  it("refuses a survey from someone who has not voted, and answers that are not on the form", async () => {
    const visitor = await browserFor(null);
    const { httpStatus } = answerOf(await settle(() => surveyAction(args(visitor.post("/vote/survey", { intent: "answer", ...answers })))));
    expect(httpStatus).toBe(409);
    const voter = await voteWith(codes[1].code, proposalId);
    const bad = answerOf<{ errors: Record<string, string> }>(await settle(() => surveyAction(args(voter.post("/vote/survey", { intent: "answer", gender: "robot", ethnicities: "Martian" })))));
    expect(bad.httpStatus).toBe(400);
    expect(Object.keys(bad.reply.errors).sort()).toEqual(["ethnicities", "gender"]);
    expect(await prisma.surveyResponse.count({ where: { cycleId: cycle.id } })).toBe(1);
  });

  it("keeps the ballot tracker, not the choices, after a reload, a language switch and the survey", async () => {
    const voter = await voteWith(codes[3].code, proposalId);
    type Page = { receipt: { tracker: string; projects: string[]; totalCents: number | null } | null; tracker: { tracker: string; district: string } | null };
    const first = await receiptLoader(args(voter.get("/vote/receipt")));
    const shown = (await first.json()) as Page;
    expect(shown.receipt!.projects).toEqual(["Shade trees"]);
    const tracker = shown.receipt!.tracker;
    voter.remember(first);
    // Reloaded in Spanish: the choices are gone (shown once), the tracker is still there.
    const again = (await (await receiptLoader(args(voter.get("/vote/receipt?lng=es")))).json()) as Page;
    expect(again.receipt).toBeNull();
    expect(again.tracker).toMatchObject({ tracker, district: { name: "North", writtenIn: "en" } });
    expect(JSON.stringify(again)).not.toContain("Shade trees");
    // The survey is still offered after the reload (it was not answered), in the new language.
    expect((again as Page & { survey: { ethnicities: { label: string }[] } | null }).survey?.ethnicities.map((e) => e.label)).toEqual(["Asiático", "Negro", "Hispano o latino", "Blanco"]);
    // Leaving through the survey does not lose it either.
    const skipped = (await settle(() => surveyAction(args(voter.post("/vote/survey", { intent: "skip" }))))) as Response;
    voter.remember(skipped);
    expect((await surveyLoader(args(voter.get("/vote/survey?outcome=skipped")))).tracker).toMatchObject({ tracker });
    // Someone else on another device sees no tracker.
    const other = (await (await receiptLoader(args((await browserFor(null)).get("/vote/receipt")))).json()) as Page;
    expect(other).toMatchObject({ receipt: null, tracker: null });
  });

  it("names the cycle and district in the language the voter switches to, not the one they voted in", async () => {
    const district = await prisma.district.findFirstOrThrow({ where: { cycleId: cycle.id } });
    await saveTranslation({ type: "district", id: district.id }, { locale: "es", title: "Norte", description: "" }, admin);
    await saveTranslation({ type: "cycle", id: cycle.id }, { locale: "es", title: "Presupuesto de prueba", description: "" }, admin);
    const voter = await voteWith(codes[4].code, proposalId, "es");
    type Page = { receipt: { cycle: unknown; district: unknown } | null; tracker: { cycle: unknown; district: unknown } | null };
    const first = await receiptLoader(args(voter.get("/vote/receipt?lng=es")));
    expect(((await first.json()) as Page).receipt).toMatchObject({ cycle: { name: "Presupuesto de prueba", writtenIn: null }, district: { name: "Norte", writtenIn: null } });
    voter.remember(first);
    const english = (await (await receiptLoader(args(voter.get("/vote/receipt?lng=en")))).json()) as Page;
    expect(english.tracker).toMatchObject({ cycle: { name: cycle.name, writtenIn: "en" }, district: { name: district.name, writtenIn: "en" } });
    await prisma.contentTranslation.deleteMany({ where: { targetId: { in: [district.id, cycle.id] } } });
  });

  it("sent with nothing answered, counts as skipped: stores no empty answer", async () => {
    const before = await prisma.surveyResponse.count({ where: { cycleId: cycle.id } });
    const voter = await voteWith(codes[5].code, proposalId);
    const sent = (await settle(() => surveyAction(args(voter.post("/vote/survey", { intent: "answer" }))))) as Response;
    expect(sent.headers.get("Location")).toBe("/vote/survey?outcome=skipped");
    expect(await prisma.surveyResponse.count({ where: { cycleId: cycle.id } })).toBe(before);
    expect(await prisma.sealedSurveyResponse.count({ where: { cycleId: cycle.id } })).toBe(0);
  });

  it("can be skipped, which stores nothing and uses up the offer", async () => {
    const voter = await voteWith(codes[2].code, proposalId);
    const skipped = (await settle(() => surveyAction(args(voter.post("/vote/survey", { intent: "skip" }))))) as Response;
    expect(skipped.headers.get("Location")).toBe("/vote/survey?outcome=skipped");
    voter.remember(skipped);
    expect(answerOf(await settle(() => surveyAction(args(voter.post("/vote/survey", { intent: "answer", ...answers }))))).httpStatus).toBe(409);
    expect(await prisma.surveyResponse.count({ where: { cycleId: cycle.id } })).toBe(1);
  });

  it("keeps no column, order or log entry that joins an answer to a ballot, a voter or a participation", async () => {
    // (SQLite's PRAGMAs, or PostgreSQL's information_schema: the same facts.)
    const columns = async (table: string) =>
      (dialect === "postgresql"
        ? ((await prisma.$queryRawUnsafe(`SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}'`)) as { name: string }[])
        : ((await prisma.$queryRawUnsafe(`PRAGMA table_info("${table}")`)) as { name: string }[])
      ).map((c) => c.name).sort();
    const survey = await columns("SurveyResponse");
    expect(survey).toEqual(["ageBand", "cycleId", "ethnicities", "firstTime", "gender", "homeLanguage", "id"]);
    // The only column shared with ballots, participations and voter codes is the cycle (many to many, no join).
    for (const table of ["Ballot", "Participation", "VoterCode", "User", "Session"]) {
      const shared = (await columns(table)).filter((c) => survey.includes(c) && c !== "id");
      expect(shared, table).toEqual(table === "User" || table === "Session" ? [] : ["cycleId"]);
    }
    // No foreign key from the survey to anything but the cycle, and no time column anywhere in it.
    const keys = (await prisma.$queryRawUnsafe(
      dialect === "postgresql"
        ? `SELECT replace(confrelid::regclass::text, '"', '') AS "table" FROM pg_constraint WHERE contype = 'f' AND conrelid = '"SurveyResponse"'::regclass`
        : `PRAGMA foreign_key_list("SurveyResponse")`,
    )) as { table: string }[];
    expect(keys.map((k) => k.table)).toEqual(["Cycle"]);
    expect((await columns("SurveyTokenUsed"))).toEqual(["hash"]);
    // No insertion order to line answers up with ballots: neither table has a rowid.
    await expect(prisma.$queryRawUnsafe(`SELECT rowid FROM "SurveyResponse"`)).rejects.toThrow();
    await expect(prisma.$queryRawUnsafe(`SELECT rowid FROM "SurveyTokenUsed"`)).rejects.toThrow();
    // The id is random (a v4 UUID: no time in it) and appears nowhere else; answers are not in the audit log.
    const [row] = await prisma.surveyResponse.findMany({ where: { cycleId: cycle.id } });
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ballots = JSON.stringify(await prisma.ballot.findMany({ where: { cycleId: cycle.id } }));
    const participations = JSON.stringify(await prisma.participation.findMany({ where: { cycleId: cycle.id } }));
    const log = JSON.stringify(await prisma.auditLog.findMany());
    for (const text of [ballots, participations, log]) expect(text).not.toContain(row.id);
    expect(log).not.toMatch(/survey\.answer|25to34/);
  });
});

describe("the participation dashboard", async () => {
  const { admin, staff, cycle, proposalId, codes } = await votingCycle();
  const resident = await makeUser(["resident"]);
  await saveSurveyCategories(cycle.id, ["A", "B"], admin);
  await saveCensus(cycle.id, { homeLanguage: { english: 50_00, spanish: 40_00 } }, admin);
  // Twelve voters (the breakdown is shown from ten answers): nine answer English, three Spanish, on Spanish ballots.
  await generateVoterCodes(cycle.id, cycle.districts[0].id, 6, "more", admin);
  const voters = await prisma.voterCode.findMany({ where: { cycleId: cycle.id }, orderBy: { code: "asc" } });
  for (let i = 0; i < 12; i++) {
    const spanish = i >= 9;
    const voter = await voteWith(voters[i].code, proposalId, spanish ? "es" : "en");
    await surveyAction(args(voter.post("/vote/survey", { intent: "answer", homeLanguage: spanish ? "spanish" : "english" })));
  }
  const url = `/participation?cycle=${cycle.slug}`;

  it("counts only answers already mixed, says how many wait, and has every one once voting closes", async () => {
    const open = (await dashboard.loader(args((await browserFor(admin)).get(url)))).data;
    // Shown the moment it came, an answer would say what the voter who just voted answered.
    expect(open).toMatchObject({ answered: 0, waitingAnswers: 12 });
    expect((await advancePhase(cycle.id, admin)).ok).toBe(true);
    expect((await dashboard.loader(args((await browserFor(admin)).get(url)))).data).toMatchObject({ answered: 12, waitingAnswers: 0 });
  });

  it("shows turnout, channel, language and under-represented groups to the PB office and programme staff", async () => {
    for (const who of [admin, staff]) {
      const d = (await dashboard.loader(args((await browserFor(who)).get(url)))).data;
      expect(d.total).toBe(12);
      expect(d.turnout).toEqual([
        { district: "North", writtenIn: "en", population: 1000, voters: 12, turnout: 0.012 },
        { district: "South", writtenIn: "en", population: 800, voters: 0, turnout: 0 },
      ]);
      expect(d.channels).toEqual([{ channel: "online", voters: 12 }]);
      expect(d.locales).toEqual([{ locale: "en", voters: 9 }, { locale: "es", voters: 3 }]);
      const language = d.representation.find((q) => q.question === "homeLanguage")!;
      // Spanish: 25% of answers against 40% of the census (62.5%, below 80%).
      expect(language.rows.find((r) => r.answer === "spanish")).toMatchObject({ surveyShare: 0.25, underRepresented: true });
      expect(language.rows.find((r) => r.answer === "english")).toMatchObject({ surveyShare: 0.75, underRepresented: false });
    }
  });

  it("names the cycle and the districts in the reader's language where the PB office translated them", async () => {
    await prisma.contentTranslation.createMany({
      data: [
        { targetType: "cycle", targetId: cycle.id, locale: "es", title: "Presupuesto de prueba", description: "" },
        { targetType: "district", targetId: cycle.districts[0].id, locale: "es", title: "Norte", description: "" },
      ],
    });
    const d = (await dashboard.loader(args((await browserFor(admin)).get(`${url}&lng=es`)))).data;
    expect(d.cycle.name).toBe("Presupuesto de prueba");
    expect(d.cycles.find((c) => c.slug === cycle.slug)?.name).toBe("Presupuesto de prueba");
    expect(d.turnout.map((r) => r.district)).toEqual(["Norte", "South"]);
    await prisma.contentTranslation.deleteMany({ where: { targetId: { in: [cycle.id, cycle.districts[0].id] }, locale: "es" } });
  });

  it("keeps the survey's categories once voters answered with them: renaming one is refused, adding one is fine", async () => {
    const office = await browserFor(admin);
    const post = (ethnicities: string) => settle(() => dashboard.action(args(office.post(url, { intent: "categories", ethnicities, ethnicitiesEs: "" }))));
    const renamed = answerOf<{ categoriesError: string; typed: { ethnicities: string } }>(await post("A\nB renamed"));
    expect(renamed.httpStatus).toBe(400);
    expect(decodeMessage(renamed.reply.categoriesError)).toEqual({ key: "participation:setup.errors.categoryAnswered", values: { categories: "“B”" } });
    expect(renamed.reply.typed.ethnicities).toBe("A\nB renamed"); // what was typed stays in the box
    expect((await prisma.surveySetup.findUniqueOrThrow({ where: { cycleId: cycle.id } })).ethnicities).toBe(JSON.stringify(["A", "B"]));
    expect(((await post("A\nB\nC")) as Response).status).toBe(302);
    expect((await prisma.surveySetup.findUniqueOrThrow({ where: { cycleId: cycle.id } })).ethnicities).toBe(JSON.stringify(["A", "B", "C"]));
  });

  it("is refused to residents and sends visitors to sign in", async () => {
    const asResident = (await settle(async () => dashboard.loader(args((await browserFor(resident)).get(url))))) as Response;
    expect(asResident.status).toBe(403);
    const asVisitor = (await settle(async () => dashboard.loader(args((await browserFor(null)).get(url))))) as Response;
    expect(asVisitor.status).toBe(302);
    expect(asVisitor.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("lets only the PB office set census shares, and refuses shares over 100%", async () => {
    const asStaff = (await settle(async () => dashboard.action(args((await browserFor(staff)).post(url, { intent: "census", "census.gender.0": "10" }))))) as Response;
    expect(asStaff.status).toBe(403);
    const over = answerOf<{ censusErrors: Record<string, string> }>(
      await dashboard.action(args((await browserFor(admin)).post(url, { intent: "census", "census.gender.0": "60", "census.gender.1": "60" }))),
    );
    expect(over.httpStatus).toBe(400);
    expect(over.reply.censusErrors).toEqual({ "census.gender": "participation:setup.errors.over100" });
    const office = await browserFor(admin);
    const saved = (await settle(async () => dashboard.action(args(office.post(url, { intent: "census", "census.gender.0": "51", "census.ethnicity.1": "12.5" }))))) as Response;
    expect(saved.status).toBe(302);
    // "Census shares saved." once, after the redirect; a reload does not say it again.
    office.remember(saved);
    const shown = async () => {
      const page = await dashboard.loader(args(office.get(url)));
      office.remember(new Response(null, { headers: page.init!.headers }));
      return page.data.notice;
    };
    expect([await shown(), await shown()]).toEqual(["census", null]);
    const setup = await prisma.surveySetup.findUniqueOrThrow({ where: { cycleId: cycle.id } });
    expect(JSON.parse(setup.census)).toEqual({ gender: { woman: 51_00 }, ethnicity: { B: 12_50 } });
    expect(await prisma.auditLog.count({ where: { action: "survey.census", targetId: cycle.id } })).toBe(2);
  });
});

describe("the equity-weighted budget split", async () => {
  const admin = await makeUser(["admin"]);
  const resident = await makeUser(["resident"]);
  const staff = await makeUser(["staff"], "Parks");
  const cycle = await makeCycle(admin, "costing");
  const [north, south] = cycle.districts;
  const url = `/admin/cycles/${cycle.slug}/split`;
  const form = (intent: string) => ({
    intent,
    total: "100000.01",
    [`population-${north.id}`]: "30,000",
    [`weight-${north.id}`]: "1",
    [`population-${south.id}`]: "10000",
    [`weight-${south.id}`]: "1.5",
  });

  it("previews each district's share before changing anything", async () => {
    const preview = (await split.action(args((await browserFor(admin)).post(url, form("preview")), { slug: cycle.slug }))) as { shares: number[] };
    // 30,000 × 1 : 10,000 × 1.5 = 2 : 1 of $100,000.01 → 6,666,667.33… and 3,333,333.66… cents.
    expect(preview.shares).toEqual([66_666_67, 33_333_34]);
    expect(preview.shares[0] + preview.shares[1]).toBe(100_000_01);
    const unchanged = await prisma.district.findUniqueOrThrow({ where: { id: north.id } });
    expect(unchanged.budgetCents).toBe(100_000_00);
  });

  it("applies the split before voting, audited", async () => {
    const applied = (await settle(async () => split.action(args((await browserFor(admin)).post(url, form("apply")), { slug: cycle.slug })))) as Response;
    expect(applied.status).toBe(302);
    const after = await prisma.district.findMany({ where: { cycleId: cycle.id }, orderBy: { name: "asc" } });
    expect(after.map((d) => [d.budgetCents, d.population, d.needWeight])).toEqual([[66_666_67, 30_000, 100], [33_333_34, 10_000, 150]]);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "cycle.budget-split", targetId: cycle.id } });
    expect(JSON.parse(entry.detail)).toMatchObject({ totalCents: 100_000_01, districts: [{ name: "North", from: 100_000_00, to: 66_666_67 }, { name: "South", from: 50_000_00, to: 33_333_34 }] });
  });

  it("refuses residents and staff, and refuses to apply once voting has opened", async () => {
    for (const who of [resident, staff]) {
      const r = (await settle(async () => split.action(args((await browserFor(who)).post(url, form("preview")), { slug: cycle.slug })))) as Response;
      expect(r.status).toBe(403);
      expect(((await settle(async () => split.loader(args((await browserFor(who)).get(url), { slug: cycle.slug })))) as Response).status).toBe(403);
    }
    await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
    const page = await split.loader(args((await browserFor(admin)).get(url), { slug: cycle.slug }));
    expect(page.canApply).toBe(false);
    const refused = (await settle(async () => split.action(args((await browserFor(admin)).post(url, { ...form("apply"), total: "1" }), { slug: cycle.slug })))) as Response;
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("participation:split.errors.phase");
    const after = await prisma.district.findUniqueOrThrow({ where: { id: north.id } });
    expect(after.budgetCents).toBe(66_666_67);
  });
});

describe("a survey answered just after voting closes", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle();

  it("is kept sealed, not shown alone on the dashboard, until a batch waits or the next phase change", async () => {
    const voter = await voteWith(codes[0].code, proposalId);
    voter.remember(await receiptLoader(args(voter.get("/vote/receipt"))));
    expect((await advancePhase(cycle.id, admin)).ok).toBe(true);
    const sent = (await settle(() => surveyAction(args(voter.post("/vote/survey", { intent: "answer", ...answers }))))) as Response;
    expect(sent.status).toBe(302);
    expect(await prisma.sealedSurveyResponse.count({ where: { cycleId: cycle.id } })).toBe(1);
    expect(await prisma.surveyResponse.count({ where: { cycleId: cycle.id } })).toBe(0);
    const figures = (await dashboard.loader(args((await browserFor(admin)).get(`/participation?cycle=${cycle.slug}`)))).data;
    expect(figures).toMatchObject({ answered: 0, waitingAnswers: 1 });
  });
});

describe("a survey with few answers", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle();

  it("gives the count but no breakdown under ten answers, so no one's answers can be picked out", async () => {
    for (const code of codes.slice(0, 3)) {
      const voter = await voteWith(code.code, proposalId);
      await surveyAction(args(voter.post("/vote/survey", { intent: "answer", ...answers })));
    }
    expect((await advancePhase(cycle.id, admin)).ok).toBe(true);
    const d = (await dashboard.loader(args((await browserFor(admin)).get(`/participation?cycle=${cycle.slug}`)))).data;
    expect(d).toMatchObject({ answered: 3, tooFewAnswers: true, representation: [] });
  });
});

describe("paper voters on the dashboard", async () => {
  const { admin, cycle, proposalId, codes } = await votingCycle();

  it("are counted by channel, and under their own row by language (not as English): their ballot's language is not recorded", async () => {
    await voteWith(codes[0].code, proposalId, "es");
    expect(await checkInPaperVoter(admin, codes[1], "Eastgate Library")).toEqual({ ok: true });
    const d = (await dashboard.loader(args((await browserFor(admin)).get(`/participation?cycle=${cycle.slug}`)))).data;
    expect(d.channels).toEqual([{ channel: "online", voters: 1 }, { channel: "paper", voters: 1 }]);
    expect(d.locales).toEqual([{ locale: "es", voters: 1 }, { locale: "paper", voters: 1 }]);
  });
});
