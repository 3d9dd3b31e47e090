import { message } from "~/i18n/message";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { DEFAULT_CRITERIA } from "~/domain/costing/estimate";
import { blockersToAdvance, isPhase, nextPhase, type Phase } from "~/domain/cycles/phases";
import type { CreateCycleInput, CycleEdit } from "~/domain/cycles/schema";
import { todayIso } from "~/domain/fields";
import type { BallotRulesInput } from "~/domain/cycles/rules-schema";
import { ballotRulesLockedReason } from "~/domain/cycles/permissions";
import type { Actor } from "~/domain/auth/roles";
import { generateVoterCode } from "~/domain/ballots/voter-codes";
import { audit } from "./audit.server";
import { countBallotsIn, mixBallotsIn, paperBoxesWaiting } from "./ballots.server";
import { mixSurveyAnswersIn } from "./participation.server";
import { opens } from "~/ballot-seal.server";
import { prisma, type Tx } from "./client.server";
import { unpublishedRecounts } from "~/domain/results/runs";
import { cyclesInLocale } from "./translations.server";

const cycleInclude = {
  districts: { orderBy: { name: "asc" } },
  categories: { orderBy: { name: "asc" } },
} as const;

export async function listCycles(opts: { includeDrafts: boolean }) {
  return prisma.cycle.findMany({
    where: opts.includeDrafts ? {} : { phase: { not: "draft" } },
    orderBy: { createdAt: "desc" },
    include: cycleInclude,
  });
}

export async function getCycle(where: { id: string } | { slug: string }) {
  return prisma.cycle.findUnique({ where, include: cycleInclude });
}

/**
 * The cycle a public page shows: the one asked for by slug, else the newest
 * public cycle. Drafts only for the PB office.
 */
export async function resolveCycle(
  slug: string | undefined | null,
  opts: { includeDrafts: boolean; prefer?: "ideas" | "proposals" | "results" },
) {
  if (slug) {
    const cycle = await getCycle({ slug });
    if (cycle && (opts.includeDrafts || cycle.phase !== "draft")) return cycle;
    return null;
  }
  const visible = opts.includeDrafts ? {} : { phase: { not: "draft" } };
  // A page about proposals or results opens on the newest cycle that has some; the ideas page on
  // the newest cycle collecting ideas (where a resident can share one), else the newest with ideas.
  const preferred =
    opts.prefer === "results"
      ? { tallyResults: { some: { status: "published" } } }
      : opts.prefer === "proposals"
        ? { proposals: { some: {} } }
        : opts.prefer === "ideas"
          ? { phase: "ideas" }
          : null;
  const pickNewest = (where: object) =>
    prisma.cycle.findFirst({ where: { ...visible, ...where }, orderBy: { createdAt: "desc" }, include: cycleInclude });
  return (preferred && (await pickNewest(preferred))) || pickNewest({});
}

export function cyclePhase(cycle: { phase: string }): Phase {
  return isPhase(cycle.phase) ? cycle.phase : "draft";
}

export async function slugTaken(slug: string) {
  return (await prisma.cycle.count({ where: { slug } })) > 0;
}

/** `writtenIn`: the language of the page its names were typed on (marked where they are shown in another). */
export async function createCycle(input: CreateCycleInput, actor: Actor, writtenIn: string = DEFAULT_LOCALE) {
  return prisma.$transaction(async (tx) => {
    const cycle = await tx.cycle.create({
      data: {
        name: input.name,
        writtenIn,
        slug: input.slug,
        description: input.description,
        currency: input.currency,
        ballotMethod: input.ballotMethod,
        minSpendPercent: input.minSpendPercent,
        minApprovals: input.minApprovals,
        maxApprovals: input.maxApprovals,
        maxRanks: input.maxRanks,
        tallyRule: input.tallyRule,
        votingOpensOn: input.votingOpensOn ?? null,
        criteria: { create: DEFAULT_CRITERIA.map((c, position) => ({ position, label: c.label, kind: c.kind })) },
        votingClosesOn: input.votingClosesOn ?? null,
        districts: {
          create: input.districts.map((d) => ({ name: d.name, writtenIn, budgetCents: d.budget, population: d.population })),
        },
        categories: { create: input.categories.map((name) => ({ name, writtenIn })) },
      },
    });
    await audit(tx, actor, "cycle.create", { type: "cycle", id: cycle.id }, { slug: cycle.slug });
    return cycle;
  });
}

/**
 * The districts and categories of a cycle something already points at (ideas, proposals, voter
 * codes, committees): those cannot be removed. Before voting nothing else can point at them.
 */
export async function partsInUse(cycleId: string, db: Tx = prisma) {
  const [ideas, proposals, batches, committees] = await Promise.all([
    db.idea.findMany({ where: { cycleId }, select: { districtId: true, categoryId: true }, distinct: ["districtId", "categoryId"] }),
    db.proposal.findMany({ where: { cycleId }, select: { districtId: true, categoryId: true }, distinct: ["districtId", "categoryId"] }),
    db.voterCodeBatch.findMany({ where: { cycleId }, select: { districtId: true }, distinct: ["districtId"] }),
    db.committee.findMany({ where: { cycleId }, select: { districtId: true, categoryId: true } }),
  ]);
  const withIds = [...ideas, ...proposals, ...committees];
  return {
    districtIds: new Set([...withIds.map((x) => x.districtId), ...batches.map((b) => b.districtId)].filter((id): id is string => !!id)),
    categoryIds: new Set(withIds.map((x) => x.categoryId).filter((id): id is string => !!id)),
  };
}

class PartInUse extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(reason);
  }
}

/**
 * Saves corrections to a cycle's details (see cycleEditInput). Only the cycle's own districts and
 * categories are renamed or removed, whatever ids a form sends; one something points at meanwhile is
 * not removed, and nothing is saved. Categories are renamed in two steps so that swapping two names
 * never trips the one-name-per-cycle rule halfway. A text changed or added takes `writtenIn`, the
 * language of the page it was typed on.
 */
export async function updateCycleDetails(
  cycleId: string,
  edit: CycleEdit,
  actor: Actor,
  writtenIn: string = DEFAULT_LOCALE,
): Promise<{ ok: true; staleTranslations: number } | { ok: false; field: string; error: string }> {
  try {
    const staleTranslations = await prisma.$transaction(async (tx) => {
      const inUse = edit.districts.some((d) => d.remove) || edit.categories.some((c) => c.remove) ? await partsInUse(cycleId, tx) : null;
      const before = await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { name: true, description: true, districts: { select: { id: true, name: true } }, categories: { select: { id: true, name: true } } } });
      const stale = await dropStaleTranslations(tx, cycleId, before, edit);
      const retyped = before.name !== edit.name || before.description !== edit.description;
      await tx.cycle.update({ where: { id: cycleId }, data: { name: edit.name, description: edit.description, ...(retyped ? { writtenIn } : {}) } });
      const renamed = (parts: { id: string; name: string }[], part: { id: string; name: string }) => parts.some((p) => p.id === part.id && p.name !== part.name);
      for (const [i, d] of edit.districts.entries()) {
        if (!d.remove) await tx.district.updateMany({ where: { id: d.id, cycleId }, data: { name: d.name, ...(renamed(before.districts, d) ? { writtenIn } : {}) } });
        else if (inUse?.districtIds.has(d.id)) throw new PartInUse(`districts[${i}].name`, message("admin:details.districtInUse"));
        else await tx.district.deleteMany({ where: { id: d.id, cycleId } });
      }
      const kept = edit.categories.filter((c) => !c.remove);
      for (const [i, c] of edit.categories.entries()) {
        if (c.remove && inUse?.categoryIds.has(c.id)) throw new PartInUse(`categories[${i}].name`, message("admin:details.categoryInUse"));
        if (c.remove) await tx.category.deleteMany({ where: { id: c.id, cycleId } });
      }
      for (const c of kept) await tx.category.updateMany({ where: { id: c.id, cycleId }, data: { name: `(renaming ${c.id})` } });
      for (const c of kept) await tx.category.updateMany({ where: { id: c.id, cycleId }, data: { name: c.name, ...(renamed(before.categories, c) ? { writtenIn } : {}) } });
      if (edit.newDistrict) await tx.district.create({ data: { cycleId, name: edit.newDistrict.name, writtenIn, budgetCents: edit.newDistrict.budgetCents } });
      for (const name of edit.newCategories) await tx.category.create({ data: { cycleId, name, writtenIn } });
      await audit(tx, actor, "cycle.edit-details", { type: "cycle", id: cycleId }, {
        name: edit.name,
        removed: [...edit.districts, ...edit.categories].filter((x) => x.remove).map((x) => x.name),
        newDistrict: edit.newDistrict?.name ?? null,
        newCategories: edit.newCategories,
        staleTranslations: stale,
      });
      return stale;
    });
    return { ok: true, staleTranslations };
  } catch (error) {
    if (error instanceof PartInUse) return { ok: false, field: error.field, error: error.reason };
    throw error;
  }
}

/**
 * Translations of names the edit changes or removes describe something else now: a Spanish reader
 * would see the old district name. They go (the PB office translates the new names); a translated
 * description goes alone when only the description changed, so the cycle's translated name stays.
 * How many translations were removed.
 */
async function dropStaleTranslations(
  tx: Tx,
  cycleId: string,
  before: { name: string; description: string; districts: { id: string; name: string }[]; categories: { id: string; name: string }[] },
  edit: CycleEdit,
): Promise<number> {
  // Only the cycle's own parts (a form may send any id).
  const changed = (parts: { id: string; name: string }[], edited: CycleEdit["districts"]) =>
    edited.filter((e) => parts.some((p) => p.id === e.id && (e.remove || p.name !== e.name))).map((e) => e.id);
  const targets = [
    ...changed(before.districts, edit.districts).map((id) => ({ targetType: "district", targetId: id })),
    ...changed(before.categories, edit.categories).map((id) => ({ targetType: "category", targetId: id })),
    ...(before.name !== edit.name ? [{ targetType: "cycle", targetId: cycleId }] : []),
  ];
  const { count } = targets.length ? await tx.contentTranslation.deleteMany({ where: { OR: targets } }) : { count: 0 };
  if (before.name === edit.name && before.description !== edit.description) {
    await tx.contentTranslation.updateMany({ where: { targetType: "cycle", targetId: cycleId }, data: { description: "" } });
  }
  return count;
}

export async function cycleSnapshot(cycleId: string) {
  const cycle = await prisma.cycle.findUniqueOrThrow({
    where: { id: cycleId },
    include: {
      districts: true,
      categories: { select: { id: true, name: true } },
      committees: { select: { districtId: true, categoryId: true, _count: { select: { members: true } } } },
      _count: { select: { categories: true } },
      proposals: {
        select: {
          id: true,
          number: true,
          title: true,
          districtId: true,
          status: true,
          project: { select: { id: true } },
          costEstimates: { orderBy: { createdAt: "desc" }, take: 1, select: { totalCents: true } },
        },
        orderBy: { number: "asc" },
      },
      tallyResults: { where: { status: "published" }, select: { districtId: true, projects: { where: { selected: true }, select: { proposalId: true } } } },
    },
  });
  const phase = cyclePhase(cycle);
  const codes = phase === "costing" ? await prisma.voterCode.groupBy({ by: ["districtId"], where: { cycleId, voidedAt: null } }) : [];
  const winners = new Set(cycle.tallyResults.flatMap((r) => r.projects.map((p) => p.proposalId)));
  const developing = phase === "ideas" || phase === "proposals";
  // Only open ideas still need a delegate to write their proposal (not withdrawn, merged, closed or developed ones).
  const ideaGroups = developing && cycle.committees.length > 0
    ? await prisma.idea.groupBy({ by: ["districtId", "categoryId"], where: { cycleId, hiddenAt: null, status: "open" }, _count: { _all: true } })
    : [];
  const districtName = new Map(cycle.districts.map((d) => [d.id, d.name]));
  const categoryName = new Map(cycle.categories.map((c) => [c.id, c.name]));
  return {
    phase,
    districts: cycle.districts,
    categoryCount: cycle._count.categories,
    proposals: cycle.proposals.map(({ costEstimates, ...p }) => ({ ...p, costCents: costEstimates[0]?.totalCents ?? null })),
    ballotRules: cycle,
    currency: cycle.currency,
    publishedDistrictIds: cycle.tallyResults.map((r) => r.districtId),
    unpublishedRecounts: phase === "results" ? await recountsNotPublished(cycleId, cycle.districts) : [],
    paperBoxesWaiting: phase === "voting" ? await paperBoxesWaiting(cycleId, cycle.districts) : [],
    sealedUnopenable: phase === "voting" || phase === "results" ? await sealedUnopenable(cycleId) : 0,
    accountVoting: cycle.accountVoting,
    districtIdsWithCodes: codes.map((c) => c.districtId),
    committees: cycle.committees.map((c) => ({ districtId: c.districtId, categoryId: c.categoryId, memberCount: c._count.members })),
    ideaGroups: ideaGroups.map((g) => ({
      districtId: g.districtId,
      categoryId: g.categoryId,
      district: districtName.get(g.districtId) ?? "",
      category: categoryName.get(g.categoryId) ?? "",
      count: g._count._all,
    })),
    winnersWithoutProject: cycle.proposals.filter((p) => winners.has(p.id) && !p.project).map((p) => ({ number: p.number, title: p.title })),
  };
}

/**
 * Ballots and survey answers waiting for the mix that this server cannot open: sealed under another
 * SESSION_SECRET (a restore onto a machine with a new one). Closing voting mixes them all, and leaving
 * the results the survey answers still coming in, so each waits.
 */
async function sealedUnopenable(cycleId: string) {
  const [ballots, answers] = await Promise.all([
    prisma.sealedBallot.findMany({ where: { cycleId }, select: { sealed: true } }),
    prisma.sealedSurveyResponse.findMany({ where: { cycleId }, select: { sealed: true } }),
  ]);
  return [...ballots, ...answers].filter((s) => !opens(s.sealed)).length;
}

/** Each district whose newest count is a draft after its published one, named for the blocker. */
async function recountsNotPublished(cycleId: string, districts: readonly { id: string; name: string }[], db: Tx = prisma) {
  const runs = await db.tallyResult.findMany({ where: { cycleId }, select: { districtId: true, run: true, status: true } });
  const names = new Map(districts.map((d) => [d.id, d.name]));
  return unpublishedRecounts(runs).map((r) => ({ district: names.get(r.districtId) ?? "", run: r.run, publishedRun: r.publishedRun }));
}

/**
 * A move refused inside its transaction, on what changed after the blockers were read: a voter
 * checked in on paper (closing voting), or the tally run again (leaving the results).
 */
class BlockedMeanwhile extends Error {
  constructor(readonly blockers: string[]) {
    super("blocked since the blockers were read");
  }
}

/**
 * `from`: the phase the person saw when they asked (a page left open in another tab may be out of date);
 * `intlLocale` writes the amounts in what stops the move.
 */
export async function advancePhase(cycleId: string, actor: Actor, from?: string, intlLocale?: string) {
  const snapshot = await cycleSnapshot(cycleId);
  if (from !== undefined && from !== snapshot.phase) return { ok: false as const, blockers: [message("admin:blockers.movedMeanwhile")] };
  const blockers = blockersToAdvance(snapshot, intlLocale);
  const to = nextPhase(snapshot.phase);
  if (blockers.length || !to) return { ok: false as const, blockers };
  try {
    await prisma.$transaction(async (tx) => {
      // Conditional update: two admins clicking at once advance only one step.
      // Voting's days become the days it really opened and closed, whatever was announced (early, late or
      // not at all): the admin page, the home page and the .pb file then tell what happened.
      const today = todayIso();
      const days = to === "voting" ? { votingOpensOn: today } : snapshot.phase === "voting" ? { votingClosesOn: today } : {};
      const { count } = await tx.cycle.updateMany({ where: { id: cycleId, phase: snapshot.phase }, data: { phase: to, ...days } });
      if (count === 1) await audit(tx, actor, "cycle.phase", { type: "cycle", id: cycleId }, { from: snapshot.phase, to });
      if (count === 1 && snapshot.phase === "voting") {
        // Read again under the write lock: a check-in since the snapshot would leave a ballot in a box for ever.
        const waiting = await paperBoxesWaiting(cycleId, snapshot.districts, tx);
        if (waiting.length) throw new BlockedMeanwhile(blockersToAdvance({ ...snapshot, paperBoxesWaiting: waiting }));
        // Voting has closed: the ballots and survey answers still sealed (fewer than a mix waits for) join the others.
        await mixBallotsIn(tx, cycleId, true);
      }
      if (count === 1 && snapshot.phase === "results") {
        // Read again under the write lock: a count run since the snapshot would stay a draft nobody can publish.
        const recounts = await recountsNotPublished(cycleId, snapshot.districts, tx);
        if (recounts.length) throw new BlockedMeanwhile(blockersToAdvance({ ...snapshot, unpublishedRecounts: recounts }));
      }
      // Survey answers still sealed join the others at the close, and those sent in the minutes after it at the next change.
      if (count === 1 && (snapshot.phase === "voting" || snapshot.phase === "results")) await mixSurveyAnswersIn(tx, cycleId, "all");
    });
  } catch (error) {
    if (error instanceof BlockedMeanwhile) return { ok: false as const, blockers: error.blockers };
    throw error;
  }
  return { ok: true as const, phase: to };
}

/** A batch of voter codes for one of the cycle's districts (refused for a district of another cycle). */
export async function generateVoterCodes(
  cycleId: string,
  districtId: string,
  count: number,
  label: string,
  actor: Actor,
) {
  return prisma.$transaction(async (tx) => {
    const district = await tx.district.findFirst({ where: { id: districtId, cycleId }, select: { id: true } });
    if (!district) return { ok: false as const, reason: message("admin:errors.districtNotInCycle") };
    const batch = await tx.voterCodeBatch.create({ data: { cycleId, districtId, label } });
    const codes = new Set<string>();
    while (codes.size < count) codes.add(generateVoterCode());
    await tx.voterCode.createMany({
      data: [...codes].map((code) => ({ code, cycleId, districtId, batchId: batch.id })),
    });
    await audit(tx, actor, "voter-codes.generate", { type: "voter-code-batch", id: batch.id }, { districtId, count });
    return { ok: true as const, batch };
  });
}

export async function listCodeBatches(cycleId: string) {
  return prisma.voterCodeBatch.findMany({
    where: { cycleId },
    orderBy: { createdAt: "desc" },
    include: { district: true, _count: { select: { codes: true } } },
  });
}

export async function batchCodes(batchId: string) {
  return prisma.voterCodeBatch.findUnique({
    where: { id: batchId },
    include: {
      district: true,
      cycle: true,
      codes: { orderBy: { code: "asc" }, include: { participation: { select: { id: true } } } },
    },
  });
}

export async function listAgencies() {
  return prisma.agency.findMany({ orderBy: { name: "asc" } });
}

/** The cycle named by slug, else the newest cycle currently in `phase`. */
export async function cycleBySlugOrPhase(slug: string | null, phase: string) {
  if (slug) return getCycle({ slug });
  const newest = await prisma.cycle.findFirst({ where: { phase }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return newest ? getCycle({ id: newest.id }) : null;
}

/**
 * Changes the ballot method, limits and counting rule, unless a ballot has been
 * cast: the check and the change happen in one transaction, so no ballot can
 * slip in between.
 */
export async function updateBallotRules(cycleId: string, input: BallotRulesInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { phase: true } });
    const ballotsCast = await countBallotsIn(tx, cycleId);
    const locked = ballotRulesLockedReason({ phase: cycle.phase, ballotsCast });
    if (locked) return { ok: false as const, reason: locked };
    await tx.cycle.update({ where: { id: cycleId }, data: input });
    await audit(tx, actor, "cycle.ballot-rules", { type: "cycle", id: cycleId }, { ...input });
    return { ok: true as const };
  });
}

/**
 * The cycles voting now, for the voter's first page (kept light: it is the busiest page at the deadline),
 * named in the voter's language when the PB office has translated them.
 */
export async function cyclesInVoting(locale: string) {
  const cycles = await prisma.cycle.findMany({ where: { phase: "voting" }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, writtenIn: true, votingClosesOn: true } });
  return (await cyclesInLocale(cycles, locale)).map((c) => ({ name: c.name, writtenIn: c.writtenIn, closes: c.votingClosesOn }));
}

/** Cycles in voting that let signed-in residents vote, with what they must declare. */
export async function accountVotingCycles() {
  return prisma.cycle.findMany({
    where: { phase: "voting", accountVoting: true },
    orderBy: { createdAt: "desc" },
    select: { id: true, slug: true, name: true, writtenIn: true, minAge: true, residencyRule: true, phase: true, accountVoting: true, districts: { select: { id: true, name: true, writtenIn: true }, orderBy: { name: "asc" } } },
  });
}

/** The announced voting days (residents read them on the home page and the ballot). */
export async function updateVotingDates(cycleId: string, input: { votingOpensOn?: string; votingClosesOn?: string }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { votingOpensOn: true, votingClosesOn: true } });
    const after = { votingOpensOn: input.votingOpensOn ?? null, votingClosesOn: input.votingClosesOn ?? null };
    await tx.cycle.update({ where: { id: cycleId }, data: after });
    await audit(tx, actor, "cycle.voting-dates", { type: "cycle", id: cycleId }, { before, after });
  });
}

/**
 * Who may vote with an account: settled before the first ballot, like the ballot rules, and checked
 * in the same transaction as the change so that no ballot slips in between.
 */
export async function updateEligibility(cycleId: string, input: { accountVoting: boolean; minAge: number; residencyRule: string }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { residencyRule: true, phase: true } });
    if (ballotRulesLockedReason({ phase: before.phase, ballotsCast: await countBallotsIn(tx, cycleId) })) return { ok: false as const };
    await tx.cycle.update({ where: { id: cycleId }, data: input });
    // A translation of the old rule would have voters declare something else than the rule: it goes.
    const staleTranslations =
      before.residencyRule === input.residencyRule ? 0 : (await tx.contentTranslation.deleteMany({ where: { targetType: "residency", targetId: cycleId } })).count;
    await audit(tx, actor, "cycle.eligibility", { type: "cycle", id: cycleId }, { ...input, staleTranslations });
    return { ok: true as const };
  });
}
