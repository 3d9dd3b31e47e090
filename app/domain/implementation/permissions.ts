import { hasRole, type Actor } from "../auth/roles";

export const projectPermissions = {
  /** Winning proposals become projects once results are published. */
  create: (actor: Actor | null, cycle: { phase: string }) =>
    hasRole(actor, "admin") && (cycle.phase === "results" || cycle.phase === "implementation"),
  /** Staff of the responsible agency, or the PB office, post progress updates. */
  postUpdate: (actor: Actor | null, project: { agencyId: string | null }) =>
    hasRole(actor, "admin") ||
    (hasRole(actor, "staff") && !!actor?.agencyId && actor?.agencyId === project.agencyId),
};

export const PROJECT_STATUSES = ["planned", "in_progress", "delayed", "completed", "cancelled"] as const;
export const PROJECT_STATUS_LABELS: Record<(typeof PROJECT_STATUSES)[number], string> = {
  planned: "Planned",
  in_progress: "In progress",
  delayed: "Delayed",
  completed: "Completed",
  cancelled: "Cancelled",
};
