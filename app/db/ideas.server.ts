import type { Actor } from "~/domain/auth/roles";
import type { IdeaInput } from "~/domain/ideas/schema";
import type { ImportedIdea } from "~/domain/ideas/import";
import { audit } from "./audit.server";
import { prisma } from "./client.server";

export async function listIdeas(
  cycleId: string,
  filter: { district?: string; category?: string; status?: string },
) {
  return prisma.idea.findMany({
    where: {
      cycleId,
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
      author: { select: { name: true } },
      _count: { select: { supports: true } },
      proposals: { include: { proposal: { select: { id: true, number: true, title: true, status: true } } } },
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

export async function createIdea(cycleId: string, input: IdeaInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.idea.aggregate({ where: { cycleId }, _max: { number: true } });
    const idea = await tx.idea.create({
      data: { ...input, cycleId, authorId: actor.id, number: (last._max.number ?? 0) + 1 },
    });
    await audit(tx, actor, "idea.create", { type: "idea", id: idea.id }, { number: idea.number });
    return idea;
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

export async function markNotTakenForward(ideaId: string, reason: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await tx.idea.update({ where: { id: ideaId }, data: { status: "not_taken_forward", outcomeReason: reason } });
    await audit(tx, actor, "idea.not-taken-forward", { type: "idea", id: ideaId }, { reason });
  });
}

/** Ideas a delegate can build a proposal from. */
export async function ideasForProposal(cycleId: string) {
  return prisma.idea.findMany({
    where: { cycleId, status: { not: "not_taken_forward" } },
    orderBy: { number: "asc" },
    include: { district: true, _count: { select: { supports: true } } },
  });
}

/** Titles already in a cycle, so an import can flag ideas it would bring in twice. */
export async function ideaTitles(cycleId: string) {
  return prisma.idea.findMany({ where: { cycleId }, select: { title: true, districtId: true, number: true } });
}

/** Saves all checked rows of an import, or none: one transaction, numbered after the cycle's last idea. */
export async function importIdeas(cycleId: string, ideas: readonly ImportedIdea[], actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.idea.aggregate({ where: { cycleId }, _max: { number: true } });
    const first = (last._max.number ?? 0) + 1;
    await tx.idea.createMany({ data: ideas.map((idea, i) => ({ ...idea, cycleId, authorId: null, number: first + i })) });
    await audit(tx, actor, "ideas.import", { type: "cycle", id: cycleId }, { count: ideas.length, first, last: first + ideas.length - 1 });
    return { first, last: first + ideas.length - 1, count: ideas.length };
  });
}
