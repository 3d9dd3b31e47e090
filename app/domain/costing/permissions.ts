import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "../cycles/phases";

const costingPhase = (phase: string) => phase === "proposals" || phase === "costing";

export const costingPermissions = {
  /** The costing queue: staff see their agency's proposals; the PB office sees all. */
  viewQueue: (actor: Actor | null) => hasRole(actor, "staff") || hasRole(actor, "admin"),
  /** Whether the queue shows every agency's proposals (the PB office) or only the reader's own agency's. */
  seeEveryAgency: (actor: Actor | null) => hasRole(actor, "admin"),
  /** Only staff of the agency the proposal was sent to may cost it. */
  estimate: (
    actor: Actor | null,
    cycle: { phase: Phase | string },
    proposal: { status: string; agencyId: string | null },
  ) =>
    hasRole(actor, "staff") &&
    !!actor?.agencyId &&
    actor?.agencyId === proposal.agencyId &&
    costingPhase(cycle.phase) &&
    proposal.status !== "draft",
  /**
   * Assign or reassign a proposal waiting for costing to an agency: the PB office, or the lead of the
   * agency whose queue it is in (a lead of agency A cannot move work in agency B's queue).
   */
  assign: (
    actor: Actor | null,
    cycle: { phase: Phase | string },
    proposal: { status: string; agencyId: string | null },
  ) =>
    costingPhase(cycle.phase) &&
    proposal.status === "costing" &&
    (hasRole(actor, "admin") ||
      (hasRole(actor, "staff") && !!actor?.agencyLead && !!actor.agencyId && actor.agencyId === proposal.agencyId)),
  /**
   * Hand a proposal back to the PB office as not the agency's work: any staff of the agency it waits
   * with (its lead may also move it straight to another agency: `assign`).
   */
  handBack: (actor: Actor | null, cycle: { phase: Phase | string }, proposal: { status: string; agencyId: string | null }) =>
    costingPhase(cycle.phase) && proposal.status === "costing" && hasRole(actor, "staff") && !!actor?.agencyId && actor.agencyId === proposal.agencyId,
  /** The cycle's feasibility checklist: the PB office reads it in any phase… */
  viewCriteria: (actor: Actor | null) => hasRole(actor, "admin"),
  /** …and changes it until costing ends (proposals were checked against it by then). */
  editCriteria: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    hasRole(actor, "admin") && ["draft", "ideas", "proposals", "costing"].includes(cycle.phase),
};
