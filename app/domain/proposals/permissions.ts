import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "../cycles/phases";
import { hasReach, withinReach, type DelegateReach } from "../committees/permissions";

const developing = (phase: string) => phase === "proposals" || phase === "costing";
type Scoped = { status: string; districtId: string; categoryId: string };

// Delegates work within their committees' districts and categories (see DelegateReach).
export const proposalPermissions = {
  create: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach) =>
    hasRole(actor, "delegate") && developing(cycle.phase) && hasReach(reach),
  /** Delegates revise a draft, or a proposal found not feasible (then resubmit). */
  edit: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach, proposal: Scoped) =>
    hasRole(actor, "delegate") &&
    developing(cycle.phase) &&
    withinReach(reach, proposal) &&
    (proposal.status === "draft" || proposal.status === "not_feasible"),
  sendForCosting: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach, proposal: Scoped) =>
    hasRole(actor, "delegate") && developing(cycle.phase) && withinReach(reach, proposal) && proposal.status === "draft",
};

/** Each proposal status's name, as a translation key: t(PROPOSAL_STATUS_KEYS[status]). */
export const PROPOSAL_STATUS_KEYS: Record<string, string> = {
  draft: "proposals:status.draft",
  costing: "proposals:status.costing",
  feasible: "proposals:status.feasible",
  not_feasible: "proposals:status.not_feasible",
};
