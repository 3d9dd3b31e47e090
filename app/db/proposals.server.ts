import { DEFAULT_LOCALE } from "~/i18n/config";
import type { Actor } from "~/domain/auth/roles";
import { withinReach, type DelegateReach } from "~/domain/committees/permissions";
import { PROPOSAL_SOURCE_STATUSES } from "~/domain/ideas/permissions";
import type { z } from "zod";
import type { createProposalInput, editProposalInput } from "~/domain/proposals/schema";
import { audit } from "./audit.server";
import { changeWithMail, notifyFollowers, titleOf } from "./follows.server";
import { prisma } from "./client.server";
import { assertLatest } from "./changed-meanwhile.server";

export async function listProposals(cycleId: string, filter: { district?: string; status?: string } = {}) {
  return prisma.proposal.findMany({
    where: { cycleId, districtId: filter.district || undefined, status: filter.status || undefined },
    orderBy: { number: "asc" },
    include: {
      district: true,
      category: true,
      agency: true,
      costEstimates: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
}

export async function getProposal(id: string) {
  return prisma.proposal.findUnique({
    where: { id },
    include: {
      cycle: true,
      district: true,
      category: true,
      agency: true,
      ideas: { where: { idea: { hiddenAt: null } }, include: { idea: { select: { id: true, number: true, title: true } } } },
      revisions: { orderBy: { number: "desc" }, include: { district: true, category: true } },
      costEstimates: {
        orderBy: { version: "desc" },
        include: { lineItems: { orderBy: { position: "asc" } }, checks: { orderBy: { position: "asc" } } },
      },
      project: { select: { id: true } },
    },
  });
}

/** Thrown in createProposal's transaction to undo it: one of its ideas was withdrawn, merged or closed meanwhile. */
class IdeasChanged extends Error {}

const IDEAS_NOT_USABLE = "One of the chosen ideas is not part of this cycle, was merged into another, or was not taken forward.";

/** `reach`: where the delegate works (their committees); a cycle without committees is everyone's. */
export async function createProposal(cycleId: string, input: z.infer<typeof createProposalInput>, actor: Actor, reach: DelegateReach = { wholeCycle: true }, writtenIn: string = DEFAULT_LOCALE) {
  try {
    return await proposalFromIdeas(cycleId, input, actor, reach, writtenIn);
  } catch (error) {
    if (error instanceof IdeasChanged) return { ok: false as const, error: IDEAS_NOT_USABLE };
    throw error;
  }
}

function proposalFromIdeas(cycleId: string, input: z.infer<typeof createProposalInput>, actor: Actor, reach: DelegateReach, writtenIn: string) {
  return changeWithMail(async (tx) => {
    // An idea already closed with a public reason, merged into another, or outside the delegate's committees
    // cannot be used by a tampered form.
    const found = await tx.idea.findMany({ where: { id: { in: input.ideaIds }, cycleId, status: { in: [...PROPOSAL_SOURCE_STATUSES] }, hiddenAt: null } });
    const ideas = found.filter((idea) => withinReach(reach, idea));
    if (ideas.length !== new Set(input.ideaIds).size) {
      return { ok: false as const, error: IDEAS_NOT_USABLE };
    }
    const last = await tx.proposal.aggregate({ where: { cycleId }, _max: { number: true } });
    const proposal = await tx.proposal.create({
      data: {
        cycleId,
        number: (last._max.number ?? 0) + 1,
        districtId: input.districtId,
        categoryId: input.categoryId,
        title: input.title,
        description: input.description,
        writtenIn,
        createdById: actor.id,
        revisions: {
          create: { number: 1, title: input.title, description: input.description, editedById: actor.id, note: "", districtId: input.districtId, categoryId: input.categoryId },
        },
        ideas: { create: ideas.map((i) => ({ ideaId: i.id })) },
      },
    });
    // Conditional, so an idea withdrawn, merged or closed meanwhile is not overwritten: then nothing is saved.
    const { count } = await tx.idea.updateMany({
      where: { id: { in: ideas.map((i) => i.id) }, status: { in: [...PROPOSAL_SOURCE_STATUSES] } },
      data: { status: "developed", outcomeReason: "" },
    });
    if (count !== ideas.length) throw new IdeasChanged();
    await audit(tx, actor, "proposal.create", { type: "proposal", id: proposal.id }, { ideaIds: input.ideaIds });
    for (const idea of ideas) {
      await notifyFollowers(tx, { type: "idea", id: idea.id }, {
        subject: "follows:mail.ideaDeveloped.subject",
        body: "follows:mail.ideaDeveloped.body",
        values: { number: idea.number, title: titleOf(idea.title, "idea", idea.id), proposalNumber: proposal.number, proposalTitle: proposal.title },
      });
    }
    return { ok: true as const, proposal };
  });
}

/**
 * Saves an edit as a new revision; earlier revisions stay readable. `basedOn`: the revision the
 * delegate's form was opened from (ChangedMeanwhile when another was saved since).
 */
export async function reviseProposal(id: string, input: z.infer<typeof editProposalInput>, actor: Actor, basedOn?: number) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.proposalRevision.aggregate({ where: { proposalId: id }, _max: { number: true } });
    assertLatest(last._max.number ?? 0, basedOn);
    const number = (last._max.number ?? 0) + 1;
    await tx.proposalRevision.create({
      data: { proposalId: id, number, title: input.title, description: input.description, editedById: actor.id, note: input.note, districtId: input.districtId, categoryId: input.categoryId },
    });
    const before = await tx.proposal.findUniqueOrThrow({ where: { id }, select: { title: true, description: true, districtId: true, categoryId: true } });
    // A proposal revised after a "not feasible" verdict goes back to draft, ready to resubmit.
    await tx.proposal.update({ where: { id }, data: { title: input.title, description: input.description, districtId: input.districtId, categoryId: input.categoryId, status: "draft" } });
    const moved = before.districtId !== input.districtId || before.categoryId !== input.categoryId;
    // A translation of the old text would have readers of another language judge another proposal.
    const textChanged = before.title !== input.title || before.description !== input.description;
    const staleTranslations = textChanged ? (await tx.contentTranslation.deleteMany({ where: { targetType: "proposal", targetId: id } })).count : 0;
    await audit(tx, actor, "proposal.revise", { type: "proposal", id }, { revision: number, staleTranslations, ...(moved ? { from: { districtId: before.districtId, categoryId: before.categoryId }, to: { districtId: input.districtId, categoryId: input.categoryId } } : {}) });
    return number;
  });
}

export async function sendForCosting(id: string, agencyId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await tx.proposal.update({ where: { id }, data: { status: "costing", agencyId, sentForCostingAt: new Date() } });
    await audit(tx, actor, "proposal.send-for-costing", { type: "proposal", id }, { agencyId });
  });
}

export async function getRevision(proposalId: string, number: number) {
  return prisma.proposalRevision.findUnique({ where: { proposalId_number: { proposalId, number } }, include: { district: true, category: true } });
}
