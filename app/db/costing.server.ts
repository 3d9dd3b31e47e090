import type { Actor } from "~/domain/auth/roles";
import { estimateTotal, lineTotal, type LineItem } from "~/domain/costing/estimate";
import { formatMoney } from "~/domain/money";
import { deliverOutbox } from "~/mail.server";
import { audit } from "./audit.server";
import { notifyFollowers } from "./follows.server";
import { prisma } from "./client.server";

/** Proposals sent for costing: staff see their agency's, the PB office all of them. */
export async function costingQueue(actor: Actor, agencyOnly: boolean) {
  return prisma.proposal.findMany({
    where: {
      status: { not: "draft" },
      cycle: { phase: { in: ["proposals", "costing"] } },
      ...(agencyOnly ? { agencyId: actor.agencyId ?? "-" } : {}),
    },
    orderBy: [{ status: "asc" }, { updatedAt: "asc" }],
    include: { cycle: true, district: true, agency: true, costEstimates: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
}

export async function saveCostEstimate(
  proposalId: string,
  input: { lineItems: LineItem[]; verdict: "feasible" | "not_feasible"; publicReason: string },
  actor: Actor,
) {
  const totalCents = estimateTotal(input.lineItems);
  return prisma.$transaction(async (tx) => {
    const estimate = await tx.costEstimate.create({
      data: {
        proposalId,
        staffId: actor.id,
        totalCents,
        feasible: input.verdict === "feasible",
        publicReason: input.publicReason,
        lineItems: {
          create: input.lineItems.map((item, position) => ({ ...item, position, totalCents: lineTotal(item) })),
        },
      },
    });
    const proposal = await tx.proposal.update({ where: { id: proposalId }, data: { status: input.verdict }, include: { cycle: { select: { currency: true } } } });
    await audit(tx, actor, "proposal.cost-estimate", { type: "proposal", id: proposalId }, {
      estimateId: estimate.id,
      totalCents,
      verdict: input.verdict,
    });
    const values = { number: proposal.number, title: proposal.title, cost: formatMoney(totalCents, proposal.cycle.currency), reason: input.publicReason };
    await notifyFollowers(
      tx,
      { type: "proposal", id: proposalId },
      input.verdict === "feasible"
        ? { subject: "follows:mail.proposalFeasible.subject", body: "follows:mail.proposalFeasible.body", values }
        : { subject: "follows:mail.proposalNotFeasible.subject", body: "follows:mail.proposalNotFeasible.body", values },
    );
    return estimate;
  }).finally(() => void deliverOutbox()); // mail goes out after the commit, without holding the answer
}
