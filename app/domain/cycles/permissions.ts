import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "./phases";

// Cycle set-up, phases, voter codes and tallies are the PB office's job.
export const cyclePermissions = {
  manage: (actor: Actor | null) => hasRole(actor, "admin"),
  /** Draft cycles are visible only to the PB office. */
  view: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    cycle.phase !== "draft" || hasRole(actor, "admin"),
};
