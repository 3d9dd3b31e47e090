import type { Actor } from "~/domain/auth/roles";
import { committeePermissions, inCommitteeScope, type DelegateReach } from "~/domain/committees/permissions";
import { message } from "~/i18n/message";
import { audit } from "./audit.server";
import { prisma } from "./client.server";

export async function cycleCommittees(cycleId: string) {
  return prisma.committee.findMany({
    where: { cycleId },
    orderBy: { name: "asc" },
    include: { members: { include: { user: { select: { id: true, name: true, email: true } } } } },
  });
}

/** People who may sit on a committee: everyone with the delegate role. */
export async function delegates() {
  return prisma.user.findMany({ where: { roles: { some: { role: "delegate" } } }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}

type CommitteeFields = { name: string; districtId: string | null; categoryId: string | null };

/** What is wrong with a committee's fields in this cycle, if anything (a committee being changed does not clash with itself). */
async function committeeProblem(cycleId: string, input: CommitteeFields, changing?: string) {
  // A tampered form cannot point a committee at another cycle's district or category.
  const [district, category, taken] = await Promise.all([
    input.districtId ? prisma.district.count({ where: { id: input.districtId, cycleId } }) : 1,
    input.categoryId ? prisma.category.count({ where: { id: input.categoryId, cycleId } }) : 1,
    prisma.committee.count({ where: { cycleId, name: input.name, ...(changing ? { id: { not: changing } } : {}) } }),
  ]);
  if (!district) return { ok: false as const, field: "districtId", error: message("committees:errors.district") };
  if (!category) return { ok: false as const, field: "categoryId", error: message("committees:errors.category") };
  if (taken) return { ok: false as const, field: "name", error: message("committees:errors.nameTaken") };
  return null;
}

export async function createCommittee(cycleId: string, input: CommitteeFields, actor: Actor) {
  const problem = await committeeProblem(cycleId, input);
  if (problem) return problem;
  const committee = await prisma.$transaction(async (tx) => {
    const made = await tx.committee.create({ data: { cycleId, ...input } });
    await audit(tx, actor, "committee.create", { type: "committee", id: made.id }, input);
    return made;
  });
  return { ok: true as const, committee };
}

/**
 * Renames a committee or changes the district and category it works on: its delegates then work
 * on the new scope (what they wrote stays). Another cycle's committee is not found here.
 */
export async function updateCommittee(cycleId: string, committeeId: string, input: CommitteeFields, actor: Actor) {
  const before = await prisma.committee.findFirst({ where: { id: committeeId, cycleId }, select: { name: true, districtId: true, categoryId: true } });
  if (!before) return { ok: false as const, field: "name", error: message("committees:errors.notFound") };
  const problem = await committeeProblem(cycleId, input, committeeId);
  if (problem) return problem;
  await prisma.$transaction(async (tx) => {
    await tx.committee.update({ where: { id: committeeId }, data: input });
    await audit(tx, actor, "committee.update", { type: "committee", id: committeeId }, { before, after: input });
  });
  return { ok: true as const };
}

export async function addMember(cycleId: string, committeeId: string, userId: string, actor: Actor) {
  const [committee, user] = await Promise.all([
    prisma.committee.findFirst({ where: { id: committeeId, cycleId } }),
    prisma.user.findUnique({ where: { id: userId }, include: { roles: true } }),
  ]);
  if (!committee) return { ok: false as const, error: message("committees:errors.notFound") };
  if (!user || !committeePermissions.canSit({ roles: user.roles.map((r) => r.role) })) return { ok: false as const, error: message("committees:errors.notDelegate") };
  await prisma.$transaction(async (tx) => {
    await tx.committeeMember.upsert({ where: { committeeId_userId: { committeeId, userId } }, update: {}, create: { committeeId, userId } });
    await audit(tx, actor, "committee.add-member", { type: "committee", id: committeeId }, { userId });
  });
  return { ok: true as const };
}

export async function removeMember(cycleId: string, committeeId: string, userId: string, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.committeeMember.deleteMany({ where: { committeeId, userId, committee: { cycleId } } });
    if (count) await audit(tx, actor, "committee.remove-member", { type: "committee", id: committeeId }, { userId });
  });
}

/**
 * Deletes one of the cycle's committees (its memberships go with it); another cycle's id deletes
 * nothing. Returns how many committees the cycle has left: with none, every delegate works on the
 * whole cycle again (see delegateReach).
 */
export async function deleteCommittee(cycleId: string, committeeId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const committee = await tx.committee.findFirst({ where: { id: committeeId, cycleId }, select: { name: true } });
    if (!committee) return null;
    await tx.committee.delete({ where: { id: committeeId } });
    await audit(tx, actor, "committee.delete", { type: "committee", id: committeeId }, { name: committee.name });
    return { left: await tx.committee.count({ where: { cycleId } }) };
  });
}

/** Where a person works as a delegate in a cycle (nowhere for someone signed out). */
export async function delegateReach(cycleId: string, userId: string | undefined): Promise<DelegateReach> {
  const committees = await prisma.committee.findMany({
    where: { cycleId },
    select: { districtId: true, categoryId: true, members: { where: { userId: userId ?? "" }, select: { userId: true } } },
  });
  if (committees.length === 0) return { wholeCycle: true };
  return { wholeCycle: false, scopes: committees.filter((c) => c.members.length > 0) };
}

/** A delegate's committees, each with the ideas and proposals in its district and category. */
export async function myCommitteeWork(userId: string) {
  const committees = await prisma.committee.findMany({
    where: { members: { some: { userId } }, cycle: { phase: { notIn: ["draft", "closed"] } } },
    orderBy: { name: "asc" },
    include: { cycle: { select: { id: true, name: true, slug: true, phase: true } }, members: { include: { user: { select: { name: true } } } } },
  });
  const cycleIds = [...new Set(committees.map((c) => c.cycleId))];
  const [ideas, proposals] = await Promise.all([
    prisma.idea.findMany({ where: { cycleId: { in: cycleIds }, hiddenAt: null }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, status: true, cycleId: true, districtId: true, categoryId: true, _count: { select: { supports: true } } } }),
    prisma.proposal.findMany({ where: { cycleId: { in: cycleIds } }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, status: true, cycleId: true, districtId: true, categoryId: true } }),
  ]);
  return committees.map((c) => ({
    id: c.id,
    name: c.name,
    cycle: c.cycle,
    scope: { districtId: c.districtId, categoryId: c.categoryId },
    members: c.members.map((m) => m.user.name),
    ideas: ideas.filter((i) => i.cycleId === c.cycleId && inCommitteeScope(c, i)),
    proposals: proposals.filter((p) => p.cycleId === c.cycleId && inCommitteeScope(c, p)),
  }));
}
