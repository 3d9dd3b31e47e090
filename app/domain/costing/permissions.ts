import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "../cycles/phases";

export const costingPermissions = {
  /** The costing queue: staff see their agency's proposals; the PB office sees all. */
  viewQueue: (actor: Actor | null) => hasRole(actor, "staff") || hasRole(actor, "admin"),
  /** Only staff of the agency the proposal was sent to may cost it. */
  estimate: (
    actor: Actor | null,
    cycle: { phase: Phase | string },
    proposal: { status: string; agencyId: string | null },
  ) =>
    hasRole(actor, "staff") &&
    !!actor?.agencyId &&
    actor?.agencyId === proposal.agencyId &&
    (cycle.phase === "proposals" || cycle.phase === "costing") &&
    proposal.status !== "draft",
};
