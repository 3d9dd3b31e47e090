// Plain rules about a project's money, milestones and health. Dates are YYYY-MM-DD strings.

/**
 * Spent against the budget: what is left, the share used (0–1, may pass 1) and whether it is
 * over. Withdrawn entries (recorded by mistake) stay listed but do not count.
 */
export function spendSummary(budgetCents: number, entries: readonly { amountCents: number; withdrawnAt?: unknown }[]) {
  const spentCents = entries.reduce((sum, e) => (e.withdrawnAt ? sum : sum + e.amountCents), 0);
  const remainingCents = budgetCents - spentCents;
  return {
    spentCents,
    remainingCents,
    share: budgetCents > 0 ? spentCents / budgetCents : spentCents > 0 ? Infinity : 0,
    overBudget: spentCents > budgetCents,
    overByCents: Math.max(0, spentCents - budgetCents),
  };
}

export type MilestoneState = "done" | "late" | "upcoming" | "dropped" | "unreached";
export type MilestoneDates = { plannedOn: string; actualOn: string | null };
/** A milestone as planned: `droppedAt` is set once dropped from the plan (required, so no query forgets it and counts a dropped milestone late). */
export type PlannedMilestone = MilestoneDates & { droppedAt: Date | null };

/** A project that is over, completed or cancelled: nothing of it is still to come. */
export function projectEnded(project: { status: string }): boolean {
  return project.status === "completed" || project.status === "cancelled";
}

/**
 * Done once it has an actual date; late when its planned date has passed without one; dropped
 * (never late, whatever its date) once its staff took it out of the plan; unreached when the
 * project ended without it (a cancelled project's later milestones are not "late" for ever).
 */
export function milestoneState(m: PlannedMilestone, today: string, project: { status: string }): MilestoneState {
  if (m.droppedAt) return "dropped";
  if (m.actualOn) return "done";
  if (projectEnded(project)) return "unreached";
  return m.plannedOn < today ? "late" : "upcoming";
}

/** Days a milestone is (or was) behind its plan; 0 when on time. */
export function daysLate(m: PlannedMilestone, today: string, project: { status: string }): number {
  if (m.droppedAt || (!m.actualOn && projectEnded(project))) return 0;
  const end = m.actualOn ?? today;
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${m.plannedOn}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/**
 * What a project's followers hear of a milestone added or changed (`before` null when added):
 * that it was done, when it gets a date done; that it was delayed, when its planned date moves
 * later while it is not done. Nothing for a new title, an earlier date or a corrected date done.
 */
export function milestoneNews(before: MilestoneDates | null, after: MilestoneDates) {
  if (after.actualOn && !before?.actualOn) return { news: "done", on: after.actualOn } as const;
  if (before && !after.actualOn && after.plannedOn > before.plannedOn) return { news: "delayed", from: before.plannedOn, to: after.plannedOn } as const;
  return null;
}

/** An update as it counts for the project's status: the newest shown one (by date, then by when it was posted) sets it. */
export type StatusUpdate = { id: string; status: string; percentComplete: number; postedOn: string; createdAt: Date; hiddenAt: Date | null };

/**
 * The project's status and completion once the update `id` is taken down: that of the newest update
 * still shown, or where a project starts (planned, 0%) when none is left. Asked before (the form
 * says what the project will show) and when taking it down, so both say the same.
 */
export function statusWithout(updates: readonly StatusUpdate[], id: string): { status: string; percentComplete: number } {
  let newest: StatusUpdate | null = null;
  for (const u of updates) {
    if (u.id === id || u.hiddenAt) continue;
    if (!newest || u.postedOn > newest.postedOn || (u.postedOn === newest.postedOn && u.createdAt > newest.createdAt)) newest = u;
  }
  return newest ? { status: newest.status, percentComplete: newest.percentComplete } : { status: "planned", percentComplete: 0 };
}

/** What taking update `id` down would change the project's status and completion to; null when it would show the same. */
export function statusChangeWithout(project: { status: string; percentComplete: number }, updates: readonly StatusUpdate[], id: string) {
  const after = statusWithout(updates, id);
  return after.status === project.status && after.percentComplete === project.percentComplete ? null : after;
}

export const PROJECT_HEALTHS = ["done", "on_track", "delayed", "cancelled"] as const;
export type ProjectHealth = (typeof PROJECT_HEALTHS)[number];

/** Each health's name on the project list, as a translation key: t(HEALTH_KEYS[health]). */
export const HEALTH_KEYS: Record<ProjectHealth, string> = {
  done: "projects:list.health.done",
  on_track: "projects:list.health.on_track",
  delayed: "projects:list.health.delayed",
  cancelled: "projects:list.health.cancelled",
};

/**
 * How a project is doing, for the report-back: done when completed, cancelled when
 * cancelled, delayed when its staff say so or a milestone is late, else on track.
 */
export function projectHealth(
  project: { status: string },
  milestones: readonly PlannedMilestone[],
  today: string,
): ProjectHealth {
  if (project.status === "completed") return "done";
  if (project.status === "cancelled") return "cancelled";
  if (project.status === "delayed" || milestones.some((m) => milestoneState(m, today, project) === "late")) return "delayed";
  return "on_track";
}

/** The report-back: how many projects are done, on track, delayed, cancelled, and why each cancelled one was. */
export function reportBack(
  projects: readonly { id: string; title: string; status: string; milestones: readonly PlannedMilestone[]; cancelReason: string | null }[],
  today: string,
) {
  const counts: Record<ProjectHealth, number> = { done: 0, on_track: 0, delayed: 0, cancelled: 0 };
  const cancelled: { id: string; title: string; reason: string | null }[] = [];
  const delayed: { id: string; title: string }[] = [];
  for (const p of projects) {
    const health = projectHealth(p, p.milestones, today);
    counts[health] += 1;
    if (health === "cancelled") cancelled.push({ id: p.id, title: p.title, reason: p.cancelReason });
    if (health === "delayed") delayed.push({ id: p.id, title: p.title });
  }
  return { total: projects.length, counts, cancelled, delayed };
}

/** Phases in which a cycle is open to residents before its results: the time to report back on the last one. */
export const OPEN_PHASES = ["ideas", "proposals", "costing", "voting"] as const;
