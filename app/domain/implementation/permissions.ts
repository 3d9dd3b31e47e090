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
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Each status's name, as a translation key: t(PROJECT_STATUS_KEYS[status]). */
export const PROJECT_STATUS_KEYS = {
  planned: "projects:status.planned",
  in_progress: "projects:status.in_progress",
  delayed: "projects:status.delayed",
  completed: "projects:status.completed",
  cancelled: "projects:status.cancelled",
} as const satisfies Record<ProjectStatus, string>;
