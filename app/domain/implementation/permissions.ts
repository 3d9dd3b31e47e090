import { hasRole, type Actor } from "../auth/roles";

/** Staff of the responsible agency, or the PB office: never staff of another agency. */
const ownAgencyOrAdmin = (actor: Actor | null, project: { agencyId: string | null }) =>
  hasRole(actor, "admin") || (hasRole(actor, "staff") && !!actor?.agencyId && actor?.agencyId === project.agencyId);

export const projectPermissions = {
  /** Winning proposals become projects once results are published. */
  create: (actor: Actor | null, cycle: { phase: string }) =>
    hasRole(actor, "admin") && (cycle.phase === "results" || cycle.phase === "implementation"),
  /** Progress, milestones, spending and photos are public: everyone reads them. */
  view: (_actor: Actor | null) => true,
  /** Post progress updates (with photos). */
  postUpdate: ownAgencyOrAdmin,
  /** Add, edit, complete and drop milestones. */
  manageMilestones: ownAgencyOrAdmin,
  /** Record spending against the budget. */
  recordSpend: ownAgencyOrAdmin,
  /** Take down an update (a wrong photo, a person in it): the project's agency, and the PB office as moderator. */
  takeDownUpdate: ownAgencyOrAdmin,
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
