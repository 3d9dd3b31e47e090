import { DEFAULT_LOCALE } from "~/i18n/config";
import type { Actor } from "~/domain/auth/roles";
import { withinReach, type DelegateReach } from "~/domain/committees/permissions";
import { PROPOSAL_SOURCE_STATUSES } from "~/domain/ideas/permissions";
import type { IdeaInput } from "~/domain/ideas/schema";
import type { ImportedIdea } from "~/domain/ideas/import";
import { message } from "~/i18n/message";
import { audit } from "./audit.server";
import { changeWithMail, notifyFollowers, titleOf } from "./follows.server";
import { prisma, type Tx } from "./client.server";

export async function listIdeas(
  cycleId: string,
  filter: { district?: string; category?: string; status?: string },
) {
  return prisma.idea.findMany({
    where: {
      cycleId,
      hiddenAt: null, // hidden ideas are listed only on the outcomes page, as hidden
      districtId: filter.district || undefined,
      categoryId: filter.category || undefined,
      status: filter.status || undefined,
    },
    orderBy: { number: "desc" },
    include: { district: true, category: true, _count: { select: { supports: true } } },
  });
}

export async function getIdea(id: string) {
  return prisma.idea.findUnique({
    where: { id },
    include: {
      cycle: true,
      district: true,
      category: true,
      author: { select: { name: true, closedAt: true } },
      _count: { select: { supports: true } },
      // With the latest verdict: an idea's followers read there what became of its proposal.
      proposals: { include: { proposal: { select: { id: true, number: true, title: true, status: true, costEstimates: { orderBy: { version: "desc" }, take: 1, select: { publicReason: true } } } } } },
      mergedInto: { select: { id: true, number: true, title: true, hiddenAt: true } },
      // A hidden idea stays hidden here too (its title may be why it was hidden).
      mergedFrom: { where: { hiddenAt: null }, select: { id: true, number: true, title: true }, orderBy: { number: "asc" } },
    },
  });
}

export async function hasSupported(ideaId: string, userId: string) {
  return (await prisma.ideaSupport.count({ where: { ideaId, userId } })) > 0;
}

/** Checks that the district and category belong to the cycle (a tampered form cannot mix cycles). */
export async function districtAndCategoryInCycle(cycleId: string, districtId: string, categoryId: string) {
  const [d, c] = await Promise.all([
    prisma.district.count({ where: { id: districtId, cycleId } }),
    prisma.category.count({ where: { id: categoryId, cycleId } }),
  ]);
  return { district: d === 1, category: c === 1 };
}

/** `writtenIn`: the language of the page it was written on (marked where it is shown in another). */
export async function createIdea(cycleId: string, input: IdeaInput, actor: Actor, writtenIn: string = DEFAULT_LOCALE) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.idea.aggregate({ where: { cycleId }, _max: { number: true } });
    const idea = await tx.idea.create({
      data: { ...input, writtenIn, cycleId, authorId: actor.id, number: (last._max.number ?? 0) + 1 },
    });
    await audit(tx, actor, "idea.create", { type: "idea", id: idea.id }, { number: idea.number });
    return idea;
  });
}

/** How many people other than its author support an idea. */
export async function othersSupporting(idea: { id: string; authorId: string | null }) {
  return prisma.ideaSupport.count({ where: { ideaId: idea.id, userId: { not: idea.authorId ?? "" } } });
}

/**
 * Its author's change to an idea. Checked again in the transaction: a support that arrived meanwhile
 * means someone backed the idea as it was, so the change is refused. Translations of the old text go.
 */
export async function editIdea(ideaId: string, input: IdeaInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { title: true } });
    // One conditional update, so a support or a decision committed meanwhile is seen on any database.
    const { count } = await tx.idea.updateMany({
      where: { id: ideaId, authorId: actor.id, status: "open", supports: { none: { userId: { not: actor.id } } } },
      data: input,
    });
    if (count === 0) return { ok: false as const };
    await tx.contentTranslation.deleteMany({ where: { targetType: "idea", targetId: ideaId } });
    await audit(tx, actor, "idea.edit", { type: "idea", id: ideaId }, { titleBefore: before.title });
    return { ok: true as const };
  });
}

/** Takes a resident's support back (given by mistake, or changed their mind); nothing when there was none. */
export async function withdrawSupport(ideaId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.ideaSupport.deleteMany({ where: { ideaId, userId: actor.id } });
    if (count) await audit(tx, actor, "idea.unsupport", { type: "idea", id: ideaId });
  });
}

/** Adds one support; a second support by the same person changes nothing. */
export async function supportIdea(ideaId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.ideaSupport.findUnique({ where: { ideaId_userId: { ideaId, userId: actor.id } } });
    if (existing) return { added: false };
    await tx.ideaSupport.create({ data: { ideaId, userId: actor.id } });
    await audit(tx, actor, "idea.support", { type: "idea", id: ideaId });
    return { added: true };
  });
}

/**
 * Its author takes an idea back: only an open one that carries no idea merged into it (those would be left
 * merged into nothing); the checks are in the update, so a decision made meanwhile wins. Followers are told.
 */
export async function withdrawIdea(ideaId: string, reason: string, actor: Actor) {
  return changeWithMail(async (tx) => {
    const { count } = await tx.idea.updateMany({
      where: { id: ideaId, authorId: actor.id, status: "open", mergedFrom: { none: {} } },
      data: { status: "withdrawn", outcomeReason: reason },
    });
    if (count === 0) return { ok: false as const };
    const idea = await tx.idea.findUniqueOrThrow({ where: { id: ideaId } });
    await audit(tx, actor, "idea.withdraw", { type: "idea", id: ideaId }, { reason });
    await notifyFollowers(tx, { type: "idea", id: ideaId }, {
      subject: "follows:mail.ideaWithdrawn.subject",
      body: reason ? "follows:mail.ideaWithdrawn.bodyWithReason" : "follows:mail.ideaWithdrawn.body",
      values: { number: idea.number, title: titleOf(idea.title, "idea", idea.id), reason },
    });
    return { ok: true as const };
  });
}

/** Only an idea still open: a withdrawal or another decision made meanwhile is not overwritten. */
export async function markNotTakenForward(ideaId: string, reason: string, actor: Actor) {
  return changeWithMail(async (tx) => {
    const { count } = await tx.idea.updateMany({ where: { id: ideaId, status: "open" }, data: { status: "not_taken_forward", outcomeReason: reason } });
    if (count === 0) return { ok: false as const };
    const idea = await tx.idea.findUniqueOrThrow({ where: { id: ideaId } });
    await audit(tx, actor, "idea.not-taken-forward", { type: "idea", id: ideaId }, { reason });
    await notifyFollowers(tx, { type: "idea", id: ideaId }, {
      subject: "follows:mail.ideaNotTaken.subject",
      body: "follows:mail.ideaNotTaken.body",
      values: { number: idea.number, title: titleOf(idea.title, "idea", idea.id), reason },
    });
    return { ok: true as const };
  });
}

/** Ideas a delegate may write a proposal from: those of their committees' work still to be carried forward. */
export async function ideasForProposal(cycleId: string, reach: DelegateReach) {
  const ideas = await prisma.idea.findMany({
    where: { cycleId, status: { in: [...PROPOSAL_SOURCE_STATUSES] }, hiddenAt: null },
    orderBy: { number: "asc" },
    include: { district: true, _count: { select: { supports: true } } },
  });
  return ideas.filter((idea) => withinReach(reach, idea));
}

/** Titles already in a cycle, so an import can flag ideas it would bring in twice. */
export async function ideaTitles(cycleId: string) {
  return prisma.idea.findMany({ where: { cycleId }, select: { title: true, districtId: true, number: true } });
}

/** Saves all checked rows of an import, or none: one transaction, numbered after the cycle's last idea. */
export async function importIdeas(cycleId: string, ideas: readonly ImportedIdea[], actor: Actor, writtenIn: string = DEFAULT_LOCALE) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.idea.aggregate({ where: { cycleId }, _max: { number: true } });
    const first = (last._max.number ?? 0) + 1;
    await tx.idea.createMany({ data: ideas.map((idea, i) => ({ ...idea, writtenIn, cycleId, authorId: null, number: first + i })) });
    await audit(tx, actor, "ideas.import", { type: "cycle", id: cycleId }, { count: ideas.length, first, last: first + ideas.length - 1 });
    return { first, last: first + ideas.length - 1, count: ideas.length };
  });
}

/** Every idea of a cycle with what became of it, for the public outcomes page. */
export async function ideaOutcomes(cycleId: string) {
  return prisma.idea.findMany({
    where: { cycleId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      writtenIn: true,
      status: true,
      outcomeReason: true,
      hiddenAt: true,
      district: { select: { id: true, name: true, writtenIn: true } },
      mergedInto: { select: { id: true, number: true } },
      // How far each proposal got: its status, and the project when it was funded.
      proposals: { select: { proposal: { select: { id: true, number: true, title: true, writtenIn: true, status: true, project: { select: { id: true } } } } } },
    },
  });
}

/** The idea #intoNumber an idea may be merged into, or why not (the same checks before asking and when merging). */
async function mergeTarget(db: Tx, idea: { id: string; cycleId: string }, intoNumber: number, reach: DelegateReach) {
  const into = await db.idea.findUnique({
    where: { cycleId_number: { cycleId: idea.cycleId, number: intoNumber } },
    include: { district: { select: { id: true, name: true, writtenIn: true } }, category: { select: { id: true, name: true, writtenIn: true } } },
  });
  if (!into || into.hiddenAt) return { ok: false as const, error: message("ideas:merge.noSuchIdea", { number: intoNumber }) };
  if (!withinReach(reach, into)) return { ok: false as const, error: message("ideas:merge.outsideReach", { number: intoNumber }) };
  if (into.id === idea.id) return { ok: false as const, error: message("ideas:merge.notItself") };
  if (into.status === "merged" || into.status === "not_taken_forward" || into.status === "withdrawn") {
    return { ok: false as const, error: message("ideas:merge.targetClosed", { number: intoNumber }) };
  }
  return { ok: true as const, into };
}

/**
 * What a delegate is asked to confirm before merging: the idea it would go into and what to look at twice
 * (filed under another district or category, already developed into a proposal), or why it cannot.
 */
export async function checkMerge(idea: { id: string; cycleId: string; districtId: string; categoryId: string }, intoNumber: number, reach: DelegateReach) {
  const target = await mergeTarget(prisma, idea, intoNumber, reach);
  if (!target.ok) return target;
  const { into } = target;
  return {
    ok: true as const,
    into: { number: into.number, title: into.title, district: into.district, category: into.category },
    otherPlace: into.districtId !== idea.districtId || into.categoryId !== idea.categoryId,
    developed: into.status === "developed",
  };
}

/** Closes an idea as merged into another of the same cycle; the other carries it forward. */
export async function mergeIdea(ideaId: string, intoNumber: number, reach: DelegateReach, actor: Actor) {
  return changeWithMail(async (tx) => {
    const idea = await tx.idea.findUniqueOrThrow({ where: { id: ideaId } });
    const target = await mergeTarget(tx, idea, intoNumber, reach);
    if (!target.ok) return target;
    const { into } = target;
    // Only while it is still open: a withdrawal or a decision made meanwhile wins.
    const { count } = await tx.idea.updateMany({ where: { id: idea.id, status: "open" }, data: { status: "merged", mergedIntoId: into.id, outcomeReason: "" } });
    if (count === 0) return { ok: false as const, error: message("ideas:errors.alreadyDecided") };
    // Ideas merged earlier into this one now point at the idea that carries them all.
    await tx.idea.updateMany({ where: { mergedIntoId: idea.id }, data: { mergedIntoId: into.id } });
    await audit(tx, actor, "idea.merge", { type: "idea", id: idea.id }, { into: into.id, intoNumber });
    await notifyFollowers(tx, { type: "idea", id: idea.id }, {
      subject: "follows:mail.ideaMerged.subject",
      body: "follows:mail.ideaMerged.body",
      values: { number: idea.number, title: titleOf(idea.title, "idea", idea.id), intoNumber: into.number, intoTitle: titleOf(into.title, "idea", into.id) },
    });
    return { ok: true as const, into };
  });
}

/** Moderation: the idea leaves public lists; its author and the PB office still see it, with the reason. */
export async function hideIdea(ideaId: string, reason: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await tx.idea.update({ where: { id: ideaId }, data: { hiddenAt: new Date(), hiddenReason: reason } });
    await audit(tx, actor, "idea.hide", { type: "idea", id: ideaId }, { reason });
  });
}

/** Ideas residents could support instead of writing a new one: shown, still open, with their support. */
export async function openIdeaTitles(cycleId: string) {
  const ideas = await prisma.idea.findMany({
    where: { cycleId, hiddenAt: null, status: { in: ["open", "developed"] } },
    select: { id: true, number: true, title: true, _count: { select: { supports: true } } },
  });
  return ideas.map((i) => ({ id: i.id, number: i.number, title: i.title, supports: i._count.supports }));
}
