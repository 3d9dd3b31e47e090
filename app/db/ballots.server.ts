import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/domain/auth/roles";
import { encodeChoices } from "~/domain/ballots/choices";
import { voterCodeRefusal, type CodeRefusal } from "~/domain/ballots/permissions";
import type { SpoiledReason } from "~/domain/ballots/spoiled";
import { boxHasRoom, paperBoxBalance, siteAsKnown } from "~/domain/ballots/paper";
import { message } from "~/i18n/message";
import { audit } from "./audit.server";
import { categoryNamesIn, districtNamesIn, translationsInto } from "./translations.server";
import { generateVoterCode } from "~/domain/ballots/voter-codes";
import { newTracker } from "~/domain/ballots/trackers";
import { todayIso } from "~/domain/fields";
import { seal, trackerKey, unseal } from "~/ballot-seal.server";
import { logger } from "~/logger.server";
import { prisma, sharedWriteTransaction, type Tx } from "./client.server";
import { rowsToMix } from "~/domain/ballots/mixing";
import { mixWhenEnough } from "./mixing.server";

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
      /** null once replaced by a translation into the voter's language */
      writtenIn: p.writtenIn as string | null,
      category: p.category.name,
      categoryWrittenIn: p.category.writtenIn as string | null,
      categoryId: p.category.id,
      costCents: p.costEstimates[0].totalCents,
    }));
  // Each proposal in the voter's language when staff have translated it, and its category when the PB office has.
  if (locale) {
    const translated = await translationsInto("proposal", options.map((o) => o.id), locale);
    const categories = await categoryNamesIn([...new Map(proposals.map((p) => [p.category.id, p.category])).values()], locale);
    for (const o of options) {
      const translation = translated.get(o.id);
      const category = categories.get(o.categoryId)!;
      Object.assign(o, translation ? { ...translation, writtenIn: null } : {}, { category: category.name, categoryWrittenIn: category.writtenIn });
    }
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
  opts: { ranked?: boolean; channel?: "online" | "account"; site?: string; locale?: string; tracker?: string } = {},
): Promise<CastResult> {
  const channel = opts.channel ?? "online";
  const day = todayIso(); // ballots and participation carry the day only
  try {
    // Ballots are cast side by side (on PostgreSQL, from several instances); never beside a phase change.
    const tracker = await sharedWriteTransaction(async (tx) => {
      // Checked again inside the transaction: voting may have closed, or the code been
      // voided, since the voter opened the ballot.
      const code = await tx.voterCode.findUniqueOrThrow({ where: { id: voterCode.id }, select: { voidedAt: true, cycle: { select: { phase: true } } } });
      if (code.voidedAt || code.cycle.phase !== "voting") throw new VotingClosed();
      await markCodeUsed(tx, voterCode, { channel, site: opts.site, locale: opts.locale, day });
      return sealInto(tx, voterCode, selection, !!opts.ranked, opts.tracker);
    });
    await mixAfterCasting(voterCode.cycleId);
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
 * Stores a ballot of a district, sealed, in the caller's transaction, and returns its new tracker:
 * the proposals' public numbers, checked against the district. The ballot joins the anonymous
 * Ballot table later, mixed with others (mixBallots), never in this transaction.
 */
async function sealInto(tx: Tx, ballot: { cycleId: string; districtId: string }, selection: readonly string[], ranked: boolean, preferred?: string) {
  const proposals = await tx.proposal.findMany({
    where: { id: { in: [...selection] }, cycleId: ballot.cycleId, districtId: ballot.districtId },
    select: { id: true, number: true },
  });
  const numbers = new Map(proposals.map((p) => [p.id, p.number]));
  if (numbers.size !== selection.length) throw new Error("A ballot named a proposal that is not on its district's ballot.");
  const tracker = preferred && !(await trackerTaken(tx, preferred)) ? preferred : await unusedTracker(tx);
  const choices = encodeChoices(selection.map((id) => numbers.get(id)!), ranked);
  await tx.sealedBallot.create({ data: { cycleId: ballot.cycleId, districtId: ballot.districtId, sealed: seal({ tracker, choices }), trackerKey: trackerKey(tracker) } });
  return tracker;
}

/**
 * A tracker no ballot has, mixed or waiting: 48 random bits rarely repeat, but among hundreds of
 * thousands of ballots one day they will, and two equal trackers would stop every later mix.
 */
async function unusedTracker(tx: Tx): Promise<string> {
  for (;;) {
    const tracker = newTracker();
    if (!(await trackerTaken(tx, tracker))) return tracker;
  }
}

/** Some ballot, mixed or still sealed, has this tracker. */
async function trackerTaken(tx: Tx | typeof prisma, tracker: string): Promise<boolean> {
  const [mixed, waiting] = await Promise.all([tx.ballot.count({ where: { tracker } }), tx.sealedBallot.count({ where: { trackerKey: trackerKey(tracker) } })]);
  return mixed + waiting > 0;
}

/**
 * Whether the tracker this voting session was to give its ballot is now a ballot's: the session's
 * own ballot, sent twice (a double click on a slow line), whose first sending was recorded.
 */
export async function trackerRecorded(tracker: string): Promise<boolean> {
  return trackerTaken(prisma, tracker);
}

/** The ballot is safe (sealed) whatever happens next: a failed mix is retried by the next one. */
async function mixAfterCasting(cycleId: string) {
  await mixBallots(cycleId).catch((error: unknown) => logger.error({ err: error }, "mixing ballots failed; they stay sealed until the next mix"));
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

/** One statement, so one snapshot: a mix moving ballots between the two tables meanwhile cannot be counted twice or not at all. */
export async function countBallotsIn(db: Tx | typeof prisma, cycleId: string, districtId?: string) {
  const where = Prisma.sql`"cycleId" = ${cycleId} ${districtId ? Prisma.sql`AND "districtId" = ${districtId}` : Prisma.empty}`;
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT (SELECT COUNT(*) FROM "Ballot" WHERE ${where}) + (SELECT COUNT(*) FROM "SealedBallot" WHERE ${where}) AS "n"`;
  return Number(row.n);
}

/**
 * Moves sealed ballots of a cycle into Ballot: in one transaction, opens them, deletes them, and
 * writes them in random order, each district's with at least MIX_BATCH others of that district
 * (see rowsToMix). With `all` (voting has closed) every one goes, so every ballot is counted. On
 * PostgreSQL the transaction is exclusive (app/db/client.server.ts): no ballot is cast and no other
 * mix runs meanwhile. Returns how many were mixed.
 */
export async function mixBallots(cycleId: string, { all = false } = {}): Promise<number> {
  const largestDistrict = async () =>
    Math.max(0, ...(await prisma.sealedBallot.groupBy({ by: ["districtId"], where: { cycleId }, _count: { _all: true } })).map((g) => g._count._all));
  return mixWhenEnough(all ? "all" : "open", largestDistrict, (tx) => mixBallotsIn(tx, cycleId, all));
}

export async function mixBallotsIn(tx: Tx, cycleId: string, all: boolean): Promise<number> {
  const waiting = await tx.sealedBallot.findMany({ where: { cycleId }, select: { id: true, districtId: true, sealed: true } });
  const chosen = rowsToMix(waiting, (s) => s.districtId, all ? "all" : "open");
  if (chosen.length === 0) return 0;
  await tx.sealedBallot.deleteMany({ where: { id: { in: chosen.map((s) => s.id) } } });
  await tx.ballot.createMany({ data: chosen.map((s) => ({ cycleId, districtId: s.districtId, ...unseal<{ tracker: string; choices: string }>(s.sealed) })) });
  return chosen.length;
}

/**
 * Trackers of the ballots in districts whose results are published, sorted (they say nothing about order
 * of voting); district names in the reader's language.
 */
export async function publishedTrackers(cycleId: string, locale: string) {
  const published = await prisma.tallyResult.findMany({ where: { cycleId, status: "published" }, select: { districtId: true, district: { select: { id: true, name: true, writtenIn: true } } }, distinct: ["districtId"] });
  const names = await districtNamesIn(published.map((r) => r.district), locale);
  return Promise.all(
    published.map(async (r) => ({
      district: names.get(r.districtId)!,
      trackers: (await prisma.ballot.findMany({ where: { districtId: r.districtId }, select: { tracker: true }, orderBy: { tracker: "asc" } })).map((b) => b.tracker),
    })),
  );
}

/**
 * Where the ballot with this tracker is (trackers are unique across cycles): in a published count (its
 * cycle's slug), recorded and waiting for its district's count to be published (its cycle), or nowhere.
 * Only the holder of the tracker learns this, and nothing of what the ballot chose.
 */
export async function trackerWhereabouts(tracker: string) {
  const cycle = { select: { id: true, slug: true, name: true, writtenIn: true, votingClosesOn: true, phase: true } };
  const ballot =
    (await prisma.ballot.findUnique({ where: { tracker }, select: { districtId: true, cycle } })) ??
    (await prisma.sealedBallot.findFirst({ where: { trackerKey: trackerKey(tracker) }, select: { districtId: true, cycle } }));
  if (!ballot) return null;
  const published = await prisma.tallyResult.count({ where: { districtId: ballot.districtId, status: "published" } });
  return published > 0 ? { counted: true as const, slug: ballot.cycle.slug } : { counted: false as const, cycle: ballot.cycle };
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

/** The cycles still voting in which this account has voted (with itself, not a letter code). */
export async function openCyclesVotedIn(userId: string) {
  return prisma.cycle.findMany({
    where: { phase: "voting", voterCodes: { some: { userId, participation: { isNot: null } } } },
    select: { id: true, name: true, writtenIn: true },
  });
}

/** Cycles (by id) in which this account has already voted, with the district it voted in. */
export async function accountParticipations(userId: string, cycleIds: string[]) {
  const codes = await prisma.voterCode.findMany({
    where: { userId, cycleId: { in: cycleIds }, participation: { isNot: null } },
    select: { cycleId: true, districtId: true },
  });
  return new Map(codes.map((c) => [c.cycleId, c.districtId]));
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

/** Who voted how: participation per district and channel. */
export async function turnoutByChannel(cycleId: string) {
  const byChannel = await prisma.participation.groupBy({ by: ["districtId", "channel"], where: { cycleId }, _count: { _all: true } });
  return { byChannel: byChannel.map((r) => ({ districtId: r.districtId, channel: r.channel, count: r._count._all })) };
}

class PaperRefused extends Error {
  constructor(readonly refusal: CodeRefusal) {
    super(refusal);
  }
}

/**
 * Checks a paper voter in at a polling site: the code is used (channel "paper", the site) exactly as
 * a ballot cast online uses it, with the same refusals, checked again here (voting may have closed
 * or the code been voided since the form was shown). No ballot: that comes from the box later, with
 * no code. The audit line says who checked a voter in and where; the code is in the participation.
 */
export async function checkInPaperVoter(
  actor: Actor,
  voterCode: { id: string; cycleId: string; districtId: string },
  site: string,
): Promise<{ ok: true } | { ok: false; refusal: CodeRefusal }> {
  try {
    await prisma.$transaction(async (tx) => {
      const code = await tx.voterCode.findUniqueOrThrow({ where: { id: voterCode.id }, select: { voidedAt: true, cycle: { select: { phase: true } } } });
      const refusal = voterCodeRefusal({ voidedAt: code.voidedAt, used: false, cyclePhase: code.cycle.phase });
      if (refusal) throw new PaperRefused(refusal);
      const known = await knownSite(tx, voterCode.cycleId, site);
      await markCodeUsed(tx, voterCode, { channel: "paper", site: known, day: todayIso() });
      await audit(tx, actor, "paper-ballot.check-in", { type: "cycle", id: voterCode.cycleId }, { site: known });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof PaperRefused) return { ok: false, refusal: error.refusal };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, refusal: "used" };
    throw error;
  }
}

class BoxFull extends Error {
  constructor(readonly checkedIn: number) {
    super("box-full");
  }
}

class AlreadyEntered extends Error {
  constructor() {
    super("already-entered");
  }
}

/**
 * Why a ballot from the box was not entered: voting closed meanwhile, the box holds no more ballots
 * than voters checked in, or this very form was sent before (its ballot is in already).
 */
export type BoxRefusal = { refusal: "not-voting" } | { refusal: "box-full"; checkedIn: number } | { refusal: "already-entered" };

/** Where a ballot comes from, and the one-time token of the form it was typed in. */
type BoxEntry = { cycleId: string; districtId: string; site: string; entryToken: string };

/** A fresh one-time token for a form that enters a ballot from a box (see PaperEntryUsed). */
export const newPaperEntryToken = () => randomBytes(18).toString("base64url");

/**
 * A site as the cycle already knows it when it differs only in case or spacing ("eastgate  library"
 * is "Eastgate Library"), so one place never becomes two boxes. Read in the caller's transaction.
 */
async function knownSite(tx: Tx, cycleId: string, typed: string) {
  const [checkIns, boxes] = await Promise.all([
    tx.participation.findMany({ where: { cycleId, channel: "paper" }, select: { site: true }, distinct: ["site"] }),
    tx.paperBox.findMany({ where: { cycleId }, select: { site: true }, distinct: ["site"] }),
  ]);
  return siteAsKnown(typed, [...checkIns, ...boxes].map((r) => r.site));
}

/**
 * Takes one ballot out of a site's box, in the transaction that records it: refused unless voting is
 * open and fewer ballots (counted or spoiled) came out of that box than voters were checked in at that
 * site for that district. The count is two numbers, never a link: the site's paper Participation rows
 * (check-ins) against the PaperBox counter, bumped here. Nothing ties the ballot to one of them.
 */
async function takeFromBox(tx: Tx, entry: BoxEntry, kind: "ballots" | "spoiled", content: string) {
  const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: entry.cycleId }, select: { phase: true } });
  if (cycle.phase !== "voting") throw new PaperRefused("not-voting");
  // The same form sent again with the same ballot (a resent request): its ballot is in already. The
  // ballot is part of the key, so another ballot typed into an old copy of the form is still entered.
  const hash = createHash("sha256").update(JSON.stringify([entry.entryToken, kind, entry.districtId, content])).digest("hex");
  if (await tx.paperEntryUsed.findUnique({ where: { hash } })) throw new AlreadyEntered();
  await tx.paperEntryUsed.create({ data: { hash } });
  const site = await knownSite(tx, entry.cycleId, entry.site);
  const where = { cycleId: entry.cycleId, districtId: entry.districtId, site };
  const [checkedIn, box] = await Promise.all([
    tx.participation.count({ where: { ...where, channel: "paper" } }),
    tx.paperBox.findUnique({ where: { cycleId_districtId_site: where } }),
  ]);
  if (!boxHasRoom({ checkedIn, ballots: box?.ballots ?? 0, spoiled: box?.spoiled ?? 0 })) throw new BoxFull(checkedIn);
  await tx.paperBox.upsert({ where: { cycleId_districtId_site: where }, create: { ...where, [kind]: 1 }, update: { [kind]: { increment: 1 } } });
  return site;
}

/**
 * Runs a box entry in one exclusive write transaction (on PostgreSQL too, so two clerks at one box
 * cannot both take its last place), with its audit line: who entered a ballot and where, never which.
 */
async function enterFromBox(
  actor: Actor,
  entry: BoxEntry,
  kind: "ballots" | "spoiled",
  content: string,
  store: (tx: Tx) => Promise<unknown>,
): Promise<{ ok: true } | ({ ok: false } & BoxRefusal)> {
  try {
    // Exclusive (see client.server.ts): two sends of one form run one after the other, and the second finds its key taken.
    await prisma.$transaction(async (tx) => {
      const site = await takeFromBox(tx, entry, kind, content);
      await store(tx);
      await audit(tx, actor, kind === "ballots" ? "paper-ballot.enter" : "paper-ballot.spoil", { type: "cycle", id: entry.cycleId }, { site });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof BoxFull) return { ok: false, refusal: "box-full", checkedIn: error.checkedIn };
    if (error instanceof AlreadyEntered) return { ok: false, refusal: "already-entered" };
    if (error instanceof PaperRefused) return { ok: false, refusal: "not-voting" };
    throw error;
  }
}

/**
 * Enters a paper ballot from a site's box: no code, no participation, stored sealed exactly as an
 * online ballot is (and mixed the same way). Its tracker is never shown: no voter is there to read it.
 */
export async function enterBoxBallot(actor: Actor, entry: BoxEntry, selection: readonly string[], opts: { ranked: boolean }) {
  const done = await enterFromBox(actor, entry, "ballots", JSON.stringify(selection), (tx) => sealInto(tx, entry, selection, opts.ranked));
  if (done.ok) await mixAfterCasting(entry.cycleId);
  return done;
}

/**
 * Records a paper ballot from a site's box that cannot be counted, in one transaction with its audit
 * line (the site only, as for a counted one). It takes a place in the box like a counted ballot. No
 * code: the voter's check-in used it. The spoiled ballot keeps no reference to anything but its district.
 */
export async function recordSpoiledBallot(actor: Actor, entry: BoxEntry & { reason: SpoiledReason; note: string }) {
  return enterFromBox(actor, entry, "spoiled", JSON.stringify([entry.reason, entry.note]), (tx) =>
    tx.spoiledBallot.create({ data: { cycleId: entry.cycleId, districtId: entry.districtId, reason: entry.reason, note: entry.note, recordedOn: todayIso() } }),
  );
}

/** The cycle's voter codes, to check a clerk's note names none of them; none for an empty note. */
export async function voterCodesToCheck(cycleId: string, note: string): Promise<string[]> {
  if (note.replace(/[^0-9A-Za-z]/g, "").length < 8) return [];
  return (await prisma.voterCode.findMany({ where: { cycleId }, select: { code: true } })).map((c) => c.code);
}

/** Spoiled paper ballots of a cycle, counted per district and reason (for the PB office's paper page). */
export async function spoiledCounts(cycleId: string) {
  const groups = await prisma.spoiledBallot.groupBy({ by: ["districtId", "reason"], where: { cycleId }, _count: { _all: true } });
  return groups.map((g) => ({ districtId: g.districtId, reason: g.reason, count: g._count._all }));
}

/** Each box's balance on the paper page: check-ins per site and district (paper participations) beside the box counters. */
export async function paperBoxCounts(cycleId: string, db: Tx = prisma) {
  const [checkedIn, boxes] = await Promise.all([
    db.participation.groupBy({ by: ["site", "districtId"], where: { cycleId, channel: "paper" }, _count: { _all: true } }),
    db.paperBox.findMany({ where: { cycleId }, select: { site: true, districtId: true, ballots: true, spoiled: true } }),
  ]);
  return { checkedIn: checkedIn.map((c) => ({ site: c.site, districtId: c.districtId, count: c._count._all })), boxes };
}

/** Boxes of a cycle with ballots still to enter (voters checked in, their ballots not yet entered or spoiled). */
export async function paperBoxesWaiting(cycleId: string, districts: readonly { id: string; name: string }[], db: Tx = prisma) {
  const counts = await paperBoxCounts(cycleId, db);
  return paperBoxBalance(districts, counts.checkedIn, counts.boxes)
    .filter((b) => b.waiting > 0)
    .map((b) => ({ site: b.site, district: b.district, waiting: b.waiting }));
}
