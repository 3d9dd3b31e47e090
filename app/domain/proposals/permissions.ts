import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "../cycles/phases";

const developing = (phase: string) => phase === "proposals" || phase === "costing";

export const proposalPermissions = {
  create: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    hasRole(actor, "delegate") && developing(cycle.phase),
  /** Delegates revise a draft, or a proposal found not feasible (then resubmit). */
  edit: (actor: Actor | null, cycle: { phase: Phase | string }, proposal: { status: string }) =>
    hasRole(actor, "delegate") &&
    developing(cycle.phase) &&
    (proposal.status === "draft" || proposal.status === "not_feasible"),
  sendForCosting: (actor: Actor | null, cycle: { phase: Phase | string }, proposal: { status: string }) =>
    hasRole(actor, "delegate") && developing(cycle.phase) && proposal.status === "draft",
};

export const PROPOSAL_STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  costing: "With agency staff for costing",
  feasible: "Feasible – on the ballot",
  not_feasible: "Not feasible",
};
