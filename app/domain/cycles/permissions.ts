import { message } from "../../i18n/message";
import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "./phases";

// Cycle set-up, phases, voter codes and tallies are the PB office's job.
export const cyclePermissions = {
  manage: (actor: Actor | null) => hasRole(actor, "admin"),
  /** Draft cycles are visible only to the PB office. */
  view: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    cycle.phase !== "draft" || hasRole(actor, "admin"),
  /** The same rule for lists and pickers: whether they include cycles still in draft. */
  seeDrafts: (actor: Actor | null) => hasRole(actor, "admin"),
  /** Names and the description may be corrected in any phase: a typo should not stay on the results. */
  editDetails: (actor: Actor | null) => hasRole(actor, "admin"),
  /**
   * New districts and categories until costing starts: a district added later would have no proposals
   * on its ballot, and a category added later no ideas or proposals in it.
   */
  addDistricts: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    hasRole(actor, "admin") && ["draft", "ideas", "proposals"].includes(cycle.phase),
  /** A district or category goes in the same phases, while nothing (idea, proposal, voter code, committee) points at it. */
  removeDistrictOrCategory: (actor: Actor | null, cycle: { phase: Phase | string }, part: { inUse: boolean }) =>
    cyclePermissions.addDistricts(actor, cycle) && !part.inUse,
  /** District budgets (the equity split) may change only before voting opens: voters see them on the ballot. */
  setBudgets: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    hasRole(actor, "admin") && BUDGETS_OPEN.includes(cycle.phase),
  /** The announced voting days may be corrected (or voting extended) until voting closes. */
  setVotingDates: (actor: Actor | null, cycle: { phase: Phase | string }) => officeUntilVotingCloses(actor, cycle),
  /** Voter codes are made until voting closes: after that a code could never be used, only mailed. */
  generateCodes: (actor: Actor | null, cycle: { phase: Phase | string }) => officeUntilVotingCloses(actor, cycle),
  /** Slips are printed while their codes can still vote: a slip after voting closes would send someone to a closed ballot. */
  printSlips: (actor: Actor | null, cycle: { phase: Phase | string }) => officeUntilVotingCloses(actor, cycle),
};

const BUDGETS_OPEN: readonly string[] = ["draft", "ideas", "proposals", "costing"];

function officeUntilVotingCloses(actor: Actor | null, cycle: { phase: Phase | string }) {
  return hasRole(actor, "admin") && [...BUDGETS_OPEN, "voting"].includes(cycle.phase);
}

/**
 * The ballot method, its limits and the counting rule are published before
 * voting and fixed once voting opens: changing them mid-vote is unfair, and a
 * change racing the first ballot would count it under rules it was not checked
 * against. When ballots exist the reason says how many. The reason is a
 * translatable message (see ~/i18n/message).
 */
export function ballotRulesLockedReason(cycle: { phase: string; ballotsCast: number }): string | null {
  // Once voting has closed, the ballots were cast and are counted under these rules: nothing is unfair "during" anything.
  if (cycle.ballotsCast > 0 && cycle.phase !== "voting" && !BUDGETS_OPEN.includes(cycle.phase)) {
    return message("admin:rulesLocked.countedUnder", { count: cycle.ballotsCast });
  }
  if (cycle.ballotsCast > 0) {
    return cycle.ballotsCast === 1
      ? message("admin:rulesLocked.oneBallot")
      : message("admin:rulesLocked.ballots", { ballots: cycle.ballotsCast });
  }
  if (cycle.phase === "voting") return message("admin:rulesLocked.votingOpen");
  if (!BUDGETS_OPEN.includes(cycle.phase)) return message("admin:rulesLocked.votingClosed");
  return null;
}
