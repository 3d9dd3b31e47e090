import { hasRole, type Actor } from "../auth/roles";

export const resultPermissions = {
  /** Running and publishing the count is the PB office's job, after voting closes. */
  tally: (actor: Actor | null, cycle: { phase: string }) => hasRole(actor, "admin") && cycle.phase === "results",
};
