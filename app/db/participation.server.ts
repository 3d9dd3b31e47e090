// Participation and equity: the anonymous survey after voting, the survey set-up and
// census shares, the dashboard's counts and the equity-weighted budget split.
import { createHash } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/domain/auth/roles";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { PAPER_LOCALE } from "~/domain/participation/representation";
import { equitySplit } from "~/domain/participation/split";
import type { CategoryNames, Census, SurveyAnswer } from "~/domain/participation/survey";
import { audit } from "./audit.server";
import { seal, unseal } from "~/ballot-seal.server";
import { logger } from "~/logger.server";
import { prisma, type Tx } from "./client.server";
import { rowsToMix, type MixMode } from "~/domain/ballots/mixing";
import { mixWhenEnough } from "./mixing.server";

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export async function surveySetup(cycleId: string): Promise<{ ethnicities: string[]; ethnicityNames: CategoryNames; census: Census }> {
  const row = await prisma.surveySetup.findUnique({ where: { cycleId } });
  return {
    ethnicities: parseJson<string[]>(row?.ethnicities ?? "[]", []),
    ethnicityNames: parseJson<CategoryNames>(row?.ethnicityNames ?? "{}", {}),
    census: parseJson<Census>(row?.census ?? "{}", {}),
  };
}

/** The survey's categories, and their names in other languages (by locale, in the same order). */
export async function saveSurveyCategories(cycleId: string, ethnicities: string[], actor: Actor, names: CategoryNames = {}) {
  await prisma.$transaction(async (tx) => {
    const fields = { ethnicities: JSON.stringify(ethnicities), ethnicityNames: JSON.stringify(names) };
    await tx.surveySetup.upsert({ where: { cycleId }, update: fields, create: { cycleId, ...fields } });
    await audit(tx, actor, "survey.categories", { type: "cycle", id: cycleId }, { ethnicities, names });
  });
}

/** Whether any voter answered this cycle's survey (answers still sealed count too). */
export async function surveyAnswered(cycleId: string) {
  const [open, sealed] = await Promise.all([prisma.surveyResponse.count({ where: { cycleId } }), prisma.sealedSurveyResponse.count({ where: { cycleId } })]);
  return open + sealed > 0;
}

export async function saveCensus(cycleId: string, census: Census, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const json = JSON.stringify(census);
    await tx.surveySetup.upsert({ where: { cycleId }, update: { census: json }, create: { cycleId, census: json } });
    await audit(tx, actor, "survey.census", { type: "cycle", id: cycleId }, { census });
  });
}

export const hashSurveyToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Stores one anonymous answer, sealed until it is mixed with others (mixSurveyAnswers). The
 * token (random, from the voter's session) is kept only as a hash in a table of used tokens,
 * so the same offer cannot answer twice; nothing joins the answer to the token, the ballot or
 * the voter. Deliberately not in the audit log: its entries are ordered and timed, which
 * would line answers up with ballots.
 */
export async function recordSurveyAnswer(cycleId: string, token: string, answer: SurveyAnswer): Promise<{ ok: true } | { ok: false; reason: "already-answered" }> {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.surveyTokenUsed.create({ data: { hash: hashSurveyToken(token) } });
      await tx.sealedSurveyResponse.create({ data: { cycleId, sealed: seal(answer) } });
    });
    // After the close (a voter answering just after voting) few answers still come: they wait for a batch, and the next phase change.
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { phase: true } });
    await mixSurveyAnswers(cycleId, { mode: cycle.phase === "voting" ? "open" : "closed" }).catch((error: unknown) => logger.error({ err: error }, "mixing survey answers failed; they stay sealed until the next mix"));
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "already-answered" };
    throw error;
  }
}

/**
 * Moves a cycle's sealed survey answers into SurveyResponse, in random order, as ballots are (see
 * rowsToMix: one group per cycle). `mode`: "open" while voting is open, "closed" after it (answers
 * sent just after voting), "all" at a phase change.
 */
export async function mixSurveyAnswers(cycleId: string, { mode = "open" }: { mode?: MixMode } = {}): Promise<number> {
  return mixWhenEnough(mode, () => prisma.sealedSurveyResponse.count({ where: { cycleId } }), (tx) => mixSurveyAnswersIn(tx, cycleId, mode));
}

export async function mixSurveyAnswersIn(tx: Tx, cycleId: string, mode: MixMode): Promise<number> {
  const waiting = await tx.sealedSurveyResponse.findMany({ where: { cycleId }, select: { id: true, sealed: true } });
  const chosen = rowsToMix(waiting, () => cycleId, mode);
  if (chosen.length === 0) return 0;
  await tx.sealedSurveyResponse.deleteMany({ where: { id: { in: chosen.map((s) => s.id) } } });
  await tx.surveyResponse.createMany({
    data: chosen
      .map((s) => unseal<SurveyAnswer>(s.sealed))
      .map((a) => ({ cycleId, ageBand: a.ageBand, gender: a.gender, homeLanguage: a.homeLanguage, ethnicities: JSON.stringify(a.ethnicities), firstTime: a.firstTime })),
  });
  return chosen.length;
}

/** A declined offer is used up too. */
export async function declineSurvey(token: string) {
  await prisma.surveyTokenUsed.createMany({ data: [{ hash: hashSurveyToken(token) }] }).catch((error: unknown) => {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  });
}

export async function surveyTokenUsed(token: string) {
  return (await prisma.surveyTokenUsed.count({ where: { hash: hashSurveyToken(token) } })) > 0;
}

/** Everything the participation dashboard counts, for one cycle. */
export async function participationFigures(cycleId: string) {
  const [districts, byDistrict, byChannel, byLocale, responses, waiting, setup] = await Promise.all([
    prisma.district.findMany({ where: { cycleId }, orderBy: { name: "asc" }, select: { id: true, name: true, writtenIn: true, population: true, budgetCents: true, needWeight: true } }),
    prisma.participation.groupBy({ by: ["districtId"], where: { cycleId }, _count: { _all: true } }),
    prisma.participation.groupBy({ by: ["channel"], where: { cycleId }, _count: { _all: true }, orderBy: { channel: "asc" } }),
    // A paper ballot's language is not recorded (the check-in says nothing about it): counted apart, not as English.
    prisma.participation.groupBy({ by: ["locale"], where: { cycleId, channel: { not: "paper" } }, _count: { _all: true }, orderBy: { locale: "asc" } }),
    prisma.surveyResponse.findMany({ where: { cycleId }, select: { ageBand: true, gender: true, homeLanguage: true, ethnicities: true, firstTime: true } }),
    prisma.sealedSurveyResponse.count({ where: { cycleId } }),
    surveySetup(cycleId),
  ]);
  const voters = new Map(byDistrict.map((r) => [r.districtId, r._count._all]));
  return {
    districts: districts.map((d) => ({ ...d, voters: voters.get(d.id) ?? 0 })),
    channels: byChannel.map((r) => ({ channel: r.channel, voters: r._count._all })),
    locales: [
      ...byLocale.map((r) => ({ locale: r.locale, voters: r._count._all })),
      ...byChannel.filter((r) => r.channel === "paper").map((r) => ({ locale: PAPER_LOCALE, voters: r._count._all })),
    ],
    // Only mixed answers: one still sealed, shown the moment it came, would say what the voter who just voted answered.
    answers: responses.map((r): SurveyAnswer => ({ ...r, ethnicities: parseJson<string[]>(r.ethnicities, []) })),
    waitingAnswers: waiting,
    setup,
  };
}

export type SplitApplied = { ok: true; shares: number[] } | { ok: false; reason: "phase" | "districts" | "split"; error?: string };

/**
 * Sets every district's population, need weight and budget from the equity split, in one
 * transaction with the phase check (voting may not have opened meanwhile), audited.
 */
export async function applyBudgetSplit(
  cycleId: string,
  totalCents: number,
  districts: readonly { id: string; population: number; needWeight: number }[],
  actor: Actor,
): Promise<SplitApplied> {
  return prisma.$transaction(async (tx) => {
    const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { phase: true, districts: { select: { id: true, name: true, budgetCents: true } } } });
    if (!cyclePermissions.setBudgets(actor, cycle)) return { ok: false as const, reason: "phase" as const };
    const known = new Map(cycle.districts.map((d) => [d.id, d]));
    if (districts.length !== known.size || districts.some((d) => !known.has(d.id))) return { ok: false as const, reason: "districts" as const };
    const split = equitySplit(totalCents, districts);
    if (!split.ok) return { ok: false as const, reason: "split" as const, error: split.error };
    for (const [i, d] of districts.entries()) {
      await tx.district.update({ where: { id: d.id }, data: { population: d.population, needWeight: d.needWeight, budgetCents: split.shares[i] } });
    }
    await audit(tx, actor, "cycle.budget-split", { type: "cycle", id: cycleId }, {
      totalCents,
      districts: districts.map((d, i) => ({ name: known.get(d.id)!.name, population: d.population, needWeight: d.needWeight, from: known.get(d.id)!.budgetCents, to: split.shares[i] })),
    });
    return { ok: true as const, shares: split.shares };
  });
}
