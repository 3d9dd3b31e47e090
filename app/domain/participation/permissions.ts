import { hasRole, type Actor } from "../auth/roles";
import { cyclePermissions } from "../cycles/permissions";

// Who sees how far the programme reaches, and who sets up the survey and the equity split.
export const participationPermissions = {
  /** The participation dashboard: the PB office and programme (agency) staff. */
  viewDashboard: (actor: Actor | null) => hasRole(actor, "admin") || hasRole(actor, "staff"),
  /** Survey categories and census shares: the PB office. */
  setUpSurvey: (actor: Actor | null) => cyclePermissions.manage(actor),
  /** The split tool: preview is the PB office's; applying also needs the cycle to accept new budgets. */
  previewSplit: (actor: Actor | null) => cyclePermissions.manage(actor),
  applySplit: (actor: Actor | null, cycle: { phase: string }) => cyclePermissions.setBudgets(actor, cycle),
};
