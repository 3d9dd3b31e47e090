import { hasRole, type Actor } from "../auth/roles";

export const resultPermissions = {
  /** Running and publishing the count is the PB office's job, after voting closes. */
  tally: (actor: Actor | null, cycle: { phase: string }) => hasRole(actor, "admin") && cycle.phase === "results",
  /** A count's anonymised ballots (.pb): anyone's once published; the PB office's before, to recount a draft before publishing it. */
  downloadBallots: (actor: Actor | null, result: { status: string }) => result.status === "published" || hasRole(actor, "admin"),
};
