import { shownName } from "~/domain/accounts/names";
import type { Actor } from "~/domain/auth/roles";
import { estimateTotals, lineTotal, type CheckOutcome, type LineItem } from "~/domain/costing/estimate";
import { costingPermissions } from "~/domain/costing/permissions";
import { audit } from "./audit.server";
import { changeWithMail, notifyFollowers, titleOf } from "./follows.server";
import { prisma } from "./client.server";
import { assertLatest } from "./changed-meanwhile.server";

/**
 * The costing dashboard: proposals sent for costing (and those found not feasible or being revised
 * after it, which have estimates); staff see their agency's, the PB office all of them.
 */
export async function costingQueue(actor: Actor, agencyOnly: boolean) {
  const proposals = await prisma.proposal.findMany({
    where: {
      OR: [{ status: { not: "draft" } }, { costEstimates: { some: {} } }],
      cycle: { phase: { in: ["proposals", "costing"] } },
      ...(agencyOnly ? { agencyId: actor.agencyId ?? "-" } : {}),
    },
    orderBy: [{ sentForCostingAt: "asc" }, { number: "asc" }],
    include: {
      cycle: true,
      district: true,
      agency: true,
      costEstimates: { orderBy: { version: "desc" }, take: 1, select: { version: true, totalCents: true, recurringCents: true, feasible: true, createdAt: true } },
      _count: { select: { costEstimates: true } },
    },
  });
  // How many questions the delegates asked the costing staff on each (hidden ones not counted).
  const asked = await prisma.comment.groupBy({ by: ["targetId"], where: { targetType: "proposal", channel: "costing", hiddenAt: null, targetId: { in: proposals.map((p) => p.id) } }, _count: { _all: true } });
  const questions = new Map(asked.map((a) => [a.targetId, a._count._all]));
  return proposals.map((p) => ({ ...p, questions: questions.get(p.id) ?? 0 }));
}

export interface SaveEstimateInput {
  lineItems: LineItem[];
  contingencyPercent?: number;
  checks?: { criterionId: string | null; position: number; label: string; kind: string; outcome: CheckOutcome; note: string }[];
  verdict: "feasible" | "not_feasible";
  publicReason: string;
}

/**
 * Saves a new version of the proposal's estimate (earlier versions stay), with its checklist and verdict.
 * `basedOn`: the version the staff member's form was opened from (ChangedMeanwhile when another was saved since).
 */
export async function saveCostEstimate(proposalId: string, input: SaveEstimateInput, actor: Actor, basedOn?: number) {
  const totals = estimateTotals(input.lineItems, input.contingencyPercent ?? 0);
  return changeWithMail(async (tx) => {
    const last = await tx.costEstimate.aggregate({ where: { proposalId }, _max: { version: true } });
    assertLatest(last._max.version ?? 0, basedOn);
    const version = (last._max.version ?? 0) + 1;
    const estimate = await tx.costEstimate.create({
      data: {
        proposalId,
        staffId: actor.id,
        version,
        ...totals,
        feasible: input.verdict === "feasible",
        publicReason: input.publicReason,
        lineItems: {
          create: input.lineItems.map((item, position) => ({ ...item, recurring: item.recurring ?? false, position, totalCents: lineTotal(item) })),
        },
        checks: { create: input.checks ?? [] },
      },
    });
    const proposal = await tx.proposal.update({ where: { id: proposalId }, data: { status: input.verdict }, include: { cycle: { select: { currency: true } } } });
    await audit(tx, actor, "proposal.cost-estimate", { type: "proposal", id: proposalId }, {
      estimateId: estimate.id,
      version,
      ...totals,
      checks: (input.checks ?? []).map((c) => ({ label: c.label, outcome: c.outcome })),
      verdict: input.verdict,
    });
    const values = { number: proposal.number, title: titleOf(proposal.title, "proposal", proposalId), cost: { cents: totals.totalCents, currency: proposal.cycle.currency }, reason: input.publicReason };
    await notifyFollowers(
      tx,
      { type: "proposal", id: proposalId },
      input.verdict === "feasible"
        ? { subject: "follows:mail.proposalFeasible.subject", body: "follows:mail.proposalFeasible.body", values }
        : { subject: "follows:mail.proposalNotFeasible.subject", body: "follows:mail.proposalNotFeasible.body", values },
    );
    return estimate;
  });
}

/** Every version of a proposal's estimate, newest first, with who saved it. */
export async function estimateHistory(proposalId: string) {
  const rows = await prisma.costEstimate.findMany({
    where: { proposalId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, totalCents: true, recurringCents: true, feasible: true, createdAt: true, staffId: true },
  });
  const staffIds = [...new Set(rows.map((r) => r.staffId).filter((id): id is string => !!id))];
  const staff = await prisma.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, closedAt: true } });
  const names = new Map(staff.map((s) => [s.id, shownName(s)]));
  return rows.map((r) => ({ ...r, staffName: r.staffId ? names.get(r.staffId) ?? null : null }));
}

/** The latest version in full: lines, checklist. */
export async function latestEstimate(proposalId: string) {
  return prisma.costEstimate.findFirst({
    where: { proposalId },
    orderBy: { version: "desc" },
    include: { lineItems: { orderBy: { position: "asc" } }, checks: { orderBy: { position: "asc" } } },
  });
}

/**
 * Staff hand a proposal back as not their agency's work: it leaves their queue and waits, with no
 * agency, for the PB office to assign it; the reason goes to the costing thread, where the delegates
 * and the PB office read it. Null when it is no longer with this agency (handed back or moved meanwhile).
 */
export async function handBackProposal(proposalId: string, reason: string, actor: Actor, writtenIn: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.proposal.updateMany({ where: { id: proposalId, agencyId: actor.agencyId, status: "costing" }, data: { agencyId: null } });
    if (count === 0) return null;
    await tx.comment.create({ data: { targetType: "proposal", targetId: proposalId, channel: "costing", body: reason, writtenIn, authorId: actor.id } });
    await audit(tx, actor, "proposal.hand-back", { type: "proposal", id: proposalId }, { agencyId: actor.agencyId, reason });
    return true;
  });
}

/** Moves a proposal waiting for costing to an agency's queue (its days waiting keep counting). */
export async function assignToAgency(proposalId: string, agencyId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { agencyId: true } });
    await tx.proposal.update({ where: { id: proposalId }, data: { agencyId } });
    await audit(tx, actor, "proposal.assign-agency", { type: "proposal", id: proposalId }, { from: before.agencyId, to: agencyId });
  });
}

export async function cycleCriteria(cycleId: string) {
  return prisma.eligibilityCriterion.findMany({ where: { cycleId }, orderBy: { position: "asc" } });
}

/**
 * Replaces the cycle's criteria (estimates already saved keep their own copy of each label), unless
 * costing is over meanwhile (checked in the same transaction): false then.
 */
export async function saveCriteria(cycleId: string, criteria: { label: string; kind: string }[], actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { phase: true } });
    if (!costingPermissions.editCriteria(actor, cycle)) return false;
    await tx.eligibilityCriterion.deleteMany({ where: { cycleId } });
    await tx.eligibilityCriterion.createMany({ data: criteria.map((c, position) => ({ cycleId, position, label: c.label, kind: c.kind })) });
    await audit(tx, actor, "cycle.eligibility-criteria", { type: "cycle", id: cycleId }, { criteria });
    return true;
  });
}
