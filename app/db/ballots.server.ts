import { createHash } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/domain/auth/roles";
import { encodeChoices } from "~/domain/ballots/choices";
import { voterCodeRefusal, type CodeRefusal } from "~/domain/ballots/permissions";
import type { SpoiledReason } from "~/domain/ballots/spoiled";
import { message } from "~/i18n/message";
import { audit } from "./audit.server";
import { categoryNamesIn, translationsInto } from "./translations.server";
import { generateVoterCode } from "~/domain/ballots/voter-codes";
import { newTracker } from "~/domain/ballots/trackers";
import { todayIso } from "~/domain/fields";
import { seal, unseal } from "~/ballot-seal.server";
import { logger } from "~/logger.server";
import { prisma, sharedWriteTransaction, type Tx } from "./client.server";
import { MIX_BATCH, mixWhenEnough, shuffled } from "./mixing.server";

export async function findVoterCode(code: string) {
  return prisma.voterCode.findUnique({
    where: { code },
    include: { cycle: true, district: true, participation: { select: { id: true } } },
  });
}

export async function findVoterCodeById(id: string) {
  return prisma.voterCode.findUnique({
    where: { id },
    include: { cycle: true, district: true, participation: { select: { id: true } } },
  });
}

/**
 * The ballot of a district: feasible proposals with the cost of their latest
 * estimate. `orderSeed` gives each voter their own stable order, so no
 * project gains from always being listed first.
 */
export async function ballotOptions(cycleId: string, districtId: string, orderSeed?: string, locale?: string) {
  const proposals = await prisma.proposal.findMany({
    where: { cycleId, districtId, status: "feasible" },
    orderBy: { number: "asc" },
    include: { category: true, costEstimates: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const options = proposals
    .filter((p) => p.costEstimates.length > 0)
    .map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      description: p.description,
      category: p.category.name,
      categoryId: p.category.id,
      costCents: p.costEstimates[0].totalCents,
    }));
  // Each proposal in the voter's language when staff have translated it, and its category when the PB office has.
  if (locale) {
    const translated = await translationsInto("proposal", options.map((o) => o.id), locale);
    const categories = await categoryNamesIn([...new Map(proposals.map((p) => [p.category.id, p.category])).values()], locale);
    for (const o of options) Object.assign(o, translated.get(o.id) ?? {}, { category: categories.get(o.categoryId) ?? o.category });
  }
  if (!orderSeed) return options;
  const key = (id: string) => createHash("sha256").update(`${orderSeed}:${id}`).digest("hex");
  return options.sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1));
}


export type CastResult = { ok: true; tracker: string } | { ok: false; reason: "already-voted" | "closed" };

class VotingClosed extends Error {}

/**
 * Records that the code has voted and stores the ballot, sealed, in one transaction. The
 * unique participation per code makes a second or simultaneous submission fail, so one
 * code never yields two ballots. The ballot joins the anonymous Ballot table later, mixed
 * with others (mixBallots), never in this transaction.
 */
export async function castBallot(
  voterCode: { id: string; cycleId: string; districtId: string },
  selection: readonly string[],
  opts: { ranked?: boolean; channel?: "online" | "account" | "paper"; site?: string; locale?: string } = {},
): Promise<CastResult> {
  const channel = opts.channel ?? "online";
  const tracker = newTracker();
  const day = todayIso(); // ballots and participation carry the day only
  try {
    // Ballots are cast side by side (on PostgreSQL, from several instances); never beside a phase change.
    await sharedWriteTransaction(async (tx) => {
      // Checked again inside the transaction: voting may have closed, or the code been
      // voided, since the voter opened the ballot.
      const code = await tx.voterCode.findUniqueOrThrow({ where: { id: voterCode.id }, select: { voidedAt: true, cycle: { select: { phase: true } } } });
      if (code.voidedAt || code.cycle.phase !== "voting") throw new VotingClosed();
      // The proposals' public numbers, checked against the voter's district.
      const proposals = await tx.proposal.findMany({
        where: { id: { in: [...selection] }, cycleId: voterCode.cycleId, districtId: voterCode.districtId },
        select: { id: true, number: true },
      });
      const numbers = new Map(proposals.map((p) => [p.id, p.number]));
      if (numbers.size !== selection.length) throw new Error("A ballot named a proposal that is not on its district's ballot.");
      await markCodeUsed(tx, voterCode, { channel, site: opts.site, locale: opts.locale, day });
      const choices = encodeChoices(selection.map((id) => numbers.get(id)!), !!opts.ranked);
      await tx.sealedBallot.create({ data: { cycleId: voterCode.cycleId, districtId: voterCode.districtId, sealed: seal({ tracker, choices }) } });
    });
    // The ballot is safe (sealed) whatever happens next: a failed mix is retried by the next one.
    await mixBallots(voterCode.cycleId).catch((error: unknown) => logger.error({ err: error }, "mixing ballots failed; they stay sealed until the next mix"));
    return { ok: true, tracker };
  } catch (error) {
    if (error instanceof VotingClosed) return { ok: false, reason: "closed" };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "already-voted" };
    }
    throw error;
  }
}

/**
 * The participation row that marks a code used (its unique code is what refuses a second use: P2002).
 * It says who took part, where and on which day, never with which ballot.
 */
async function markCodeUsed(
  tx: Tx,
  voterCode: { id: string; cycleId: string; districtId: string },
  how: { channel: "online" | "account" | "paper"; site?: string; locale?: string; day: string },
) {
  await tx.participation.create({
    data: {
      cycleId: voterCode.cycleId,
      districtId: voterCode.districtId,
      voterCodeId: voterCode.id,
      channel: how.channel,
      site: how.site ?? "",
      locale: how.locale ?? "en",
      votedOn: how.day,
    },
  });
}

/** Ballots cast, whether mixed into Ballot yet or still sealed. */
export async function countBallots(cycleId: string, districtId?: string) {
  return countBallotsIn(prisma, cycleId, districtId);
}

export async function countBallotsIn(db: Tx | typeof prisma, cycleId: string, districtId?: string) {
  const [mixed, sealed] = await Promise.all([db.ballot.count({ where: { cycleId, districtId } }), db.sealedBallot.count({ where: { cycleId, districtId } })]);
  return mixed + sealed;
}

/**
 * Moves a cycle's sealed ballots into Ballot: in one transaction, opens them all, deletes
 * them, and writes them in random order. Waits for MIX_BATCH of them unless `all` (voting
 * has closed: whatever is left goes, so every ballot is counted). On PostgreSQL the
 * transaction is exclusive (app/db/client.server.ts): no ballot is cast and no other mix
 * runs meanwhile. Returns how many were mixed.
 */
export async function mixBallots(cycleId: string, { all = false } = {}): Promise<number> {
  return mixWhenEnough(all, () => prisma.sealedBallot.count({ where: { cycleId } }), (tx) => mixBallotsIn(tx, cycleId, all));
}

export async function mixBallotsIn(tx: Tx, cycleId: string, all: boolean): Promise<number> {
  const sealed = await tx.sealedBallot.findMany({ where: { cycleId }, select: { id: true, districtId: true, sealed: true } });
  if (sealed.length === 0 || (!all && sealed.length < MIX_BATCH)) return 0;
  const ballots = shuffled(sealed.map((s) => ({ cycleId, districtId: s.districtId, ...unseal<{ tracker: string; choices: string }>(s.sealed) })));
  await tx.sealedBallot.deleteMany({ where: { id: { in: sealed.map((s) => s.id) } } });
  await tx.ballot.createMany({ data: ballots });
  return ballots.length;
}

/** Trackers of the ballots in districts whose results are published, sorted (they say nothing about order of voting). */
export async function publishedTrackers(cycleId: string) {
  const published = await prisma.tallyResult.findMany({ where: { cycleId, status: "published" }, select: { districtId: true, district: { select: { name: true } } }, distinct: ["districtId"] });
  return Promise.all(
    published.map(async (r) => ({
      district: r.district.name,
      trackers: (await prisma.ballot.findMany({ where: { districtId: r.districtId }, select: { tracker: true }, orderBy: { tracker: "asc" } })).map((b) => b.tracker),
    })),
  );
}

/** Cancels an unused voter code (lost letter, duplicate mailing). A code that has voted stays as it is. */
export async function voidVoterCode(cycleId: string, code: string, reason: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const found = await tx.voterCode.findFirst({ where: { code, cycleId }, include: { participation: { select: { id: true } } } });
    if (!found) return { ok: false as const, error: message("admin:errors.void.noMatch") };
    if (found.participation) return { ok: false as const, error: message("admin:errors.void.alreadyVoted") };
    if (found.voidedAt) return { ok: false as const, error: message("admin:errors.void.alreadyVoid") };
    await tx.voterCode.update({ where: { id: found.id }, data: { voidedAt: new Date() } });
    await audit(tx, actor, "voter-code.void", { type: "voter-code", id: found.id }, { reason });
    return { ok: true as const };
  });
}

/** Cycles (by id) in which this account has already voted, with the district it voted in. */
export async function accountBallots(userId: string, cycleIds: string[]) {
  const codes = await prisma.voterCode.findMany({
    where: { userId, cycleId: { in: cycleIds }, participation: { isNot: null } },
    select: { cycleId: true, district: { select: { name: true } } },
  });
  return new Map(codes.map((c) => [c.cycleId, c.district.name]));
}

/**
 * The code a signed-in resident votes with after their self-declaration: one per person
 * per cycle, so the same uniqueness that stops a code voting twice stops the account too.
 * While unused it follows the district the person declares; once used it stays.
 */
export async function accountVoterCode(cycleId: string, districtId: string, userId: string) {
  // A tampered form cannot vote in another cycle's district.
  if ((await prisma.district.count({ where: { id: districtId, cycleId } })) !== 1) return null;
  const existing = await prisma.voterCode.findUnique({ where: { cycleId_userId: { cycleId, userId } }, include: { participation: { select: { id: true } } } });
  if (existing) {
    if (existing.participation || existing.districtId === districtId) return existing;
    return prisma.voterCode.update({ where: { id: existing.id }, data: { districtId }, include: { participation: { select: { id: true } } } });
  }
  try {
    return await prisma.voterCode.create({ data: { code: generateVoterCode(), cycleId, districtId, userId }, include: { participation: { select: { id: true } } } });
  } catch (error) {
    // Two tabs declaring at once: the other one made the code.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return prisma.voterCode.findUniqueOrThrow({ where: { cycleId_userId: { cycleId, userId } }, include: { participation: { select: { id: true } } } });
    }
    throw error;
  }
}

/** Who voted how: participation per district and channel, and paper ballots per polling site. */
export async function turnoutByChannel(cycleId: string) {
  const [byChannel, bySite] = await Promise.all([
    prisma.participation.groupBy({ by: ["districtId", "channel"], where: { cycleId }, _count: { _all: true } }),
    prisma.participation.groupBy({ by: ["site"], where: { cycleId, channel: "paper" }, _count: { _all: true } }),
  ]);
  return {
    byChannel: byChannel.map((r) => ({ districtId: r.districtId, channel: r.channel, count: r._count._all })),
    bySite: bySite.map((r) => ({ site: r.site, count: r._count._all })).sort((a, b) => b.count - a.count),
  };
}

/** The audit log notes who entered a paper ballot and where; never which ballot (it must stay secret). */
export async function recordPaperEntry(actor: Actor, cycleId: string, site: string) {
  await prisma.$transaction((tx) => audit(tx, actor, "paper-ballot.enter", { type: "cycle", id: cycleId }, { site }));
}

class CodeRefused extends Error {
  constructor(readonly refusal: CodeRefusal) {
    super(refusal);
  }
}

/**
 * Records a paper ballot that cannot be counted, in one transaction with its audit line. A code that
 * came with it is marked used exactly as a counted paper ballot marks it, with the same refusals
 * (checked again here: voting may have closed or the code been voided since the form was shown).
 * The spoiled ballot keeps no reference to the code, and the audit line only the site, as for a
 * counted paper ballot.
 */
export async function recordSpoiledBallot(
  actor: Actor,
  entry: { cycleId: string; districtId: string; reason: SpoiledReason; note: string; site: string },
  voterCode?: { id: string; cycleId: string; districtId: string },
): Promise<{ ok: true } | { ok: false; refusal: CodeRefusal }> {
  if (voterCode && (voterCode.cycleId !== entry.cycleId || voterCode.districtId !== entry.districtId)) {
    throw new Error("A spoiled ballot's code belongs to another cycle or district.");
  }
  const day = todayIso();
  try {
    await prisma.$transaction(async (tx) => {
      const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: entry.cycleId }, select: { phase: true } });
      if (cycle.phase !== "voting") throw new CodeRefused("not-voting");
      if (voterCode) {
        const code = await tx.voterCode.findUniqueOrThrow({ where: { id: voterCode.id }, select: { voidedAt: true } });
        const refusal = voterCodeRefusal({ voidedAt: code.voidedAt, used: false, cyclePhase: cycle.phase });
        if (refusal) throw new CodeRefused(refusal);
        await markCodeUsed(tx, voterCode, { channel: "paper", site: entry.site, day });
      }
      await tx.spoiledBallot.create({
        data: { cycleId: entry.cycleId, districtId: entry.districtId, reason: entry.reason, note: entry.note, recordedOn: day },
      });
      await audit(tx, actor, "paper-ballot.spoil", { type: "cycle", id: entry.cycleId }, { site: entry.site });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof CodeRefused) return { ok: false, refusal: error.refusal };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, refusal: "used" };
    throw error;
  }
}

/** Spoiled paper ballots of a cycle, counted per district and reason (for the PB office's paper page). */
export async function spoiledCounts(cycleId: string) {
  const groups = await prisma.spoiledBallot.groupBy({ by: ["districtId", "reason"], where: { cycleId }, _count: { _all: true } });
  return groups.map((g) => ({ districtId: g.districtId, reason: g.reason, count: g._count._all }));
}
