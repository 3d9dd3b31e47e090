import { hasRole, type Actor } from "../auth/roles";
import { message } from "../../i18n/message";
import type { Phase } from "../cycles/phases";
import { hasReach, withinReach, type DelegateReach } from "../committees/permissions";
import { proposalNotFunded } from "../ideas/permissions";

// Proposals are written while they are developed; during costing one found not feasible can still be
// revised and sent again, but nothing new joins (the agencies' queue, and then the ballot, are closing).
const developing = (phase: string) => phase === "proposals" || phase === "costing";
type Scoped = { status: string; districtId: string; categoryId: string; sentForCostingAt?: Date | null };

// Delegates work within their committees' districts and categories (see DelegateReach).
export const proposalPermissions = {
  create: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach) =>
    hasRole(actor, "delegate") && cycle.phase === "proposals" && hasReach(reach),
  /** Delegates revise a draft, or a proposal found not feasible (then resubmit). */
  edit: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach, proposal: Scoped) =>
    hasRole(actor, "delegate") &&
    developing(cycle.phase) &&
    withinReach(reach, proposal) &&
    (proposal.status === "draft" || proposal.status === "not_feasible"),
  /**
   * Why `edit` refuses, in words: a delegate who may edit it but finds it sent for costing meanwhile
   * (by another delegate) is told that, not that only delegates may edit.
   */
  editRefusal: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach, proposal: Scoped): string => {
    const mayOtherwise = hasRole(actor, "delegate") && developing(cycle.phase) && withinReach(reach, proposal);
    return mayOtherwise ? message("proposals:errors.notEditableNow") : message("proposals:errors.onlyDelegatesEdit");
  },
  /** While costing, only a proposal sent before (revised after "not feasible") goes again. */
  sendForCosting: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach, proposal: Scoped) =>
    hasRole(actor, "delegate") &&
    withinReach(reach, proposal) &&
    proposal.status === "draft" &&
    (cycle.phase === "proposals" || (cycle.phase === "costing" && !!proposal.sentForCostingAt)),
};

/** Each proposal status's name, as a translation key: t(PROPOSAL_STATUS_KEYS[status]). */
export const PROPOSAL_STATUS_KEYS: Record<string, string> = {
  draft: "proposals:status.draft",
  costing: "proposals:status.costing",
  feasible: "proposals:status.feasible",
  not_feasible: "proposals:status.not_feasible",
  funded: "proposals:status.funded",
  not_funded: "proposals:status.not_funded",
};

/**
 * The status a reader is shown: a feasible proposal that won is "funded" (not still "on the ballot"),
 * and one that did not, once the winners are projects, "not funded".
 */
export function shownProposalStatus(status: string, phase: string, hasProject: boolean): string {
  if (status === "feasible" && hasProject) return "funded";
  return proposalNotFunded(phase, { status, hasProject }) ? "not_funded" : status;
}
