import { hasRole, type Actor } from "../auth/roles";
import { message } from "../../i18n/message";
import { PHASES, type Phase } from "../cycles/phases";

export type CodeRefusal = "unknown" | "voided" | "used" | "not-voting";

/** Whether a voter code may cast a ballot now; the reason if not (CODE_REFUSAL_MESSAGES says it in words). */
export function voterCodeRefusal(
  code: { voidedAt: Date | null; used: boolean; cyclePhase: Phase | string } | null,
): CodeRefusal | null {
  if (!code) return "unknown";
  if (code.voidedAt) return "voided";
  if (code.used) return "used";
  if (code.cyclePhase !== "voting") return "not-voting";
  return null;
}

/** Each refusal as a translatable message (see ~/i18n/message); a voter is told more: notVotingMessage. */
export const CODE_REFUSAL_MESSAGES: Record<CodeRefusal, string> = {
  unknown: message("vote:errors.code.unknown"),
  voided: message("vote:errors.code.voided"),
  used: message("vote:errors.code.used"),
  "not-voting": message("vote:errors.code.notVoting"),
};

/**
 * Why the code of a cycle not voting now cannot vote: voting there is over, or has not opened yet,
 * naming the cycle and the day when it is known (`day`: the close or the opening, written for the reader).
 */
export function notVotingMessage(cycle: { name: string; phase: string }, days: { closed: string | null; opens: string | null }): string {
  const over = PHASES.indexOf(cycle.phase as Phase) > PHASES.indexOf("voting");
  if (over) return days.closed ? message("vote:errors.code.closedOn", { cycle: cycle.name, date: days.closed }) : message("vote:errors.code.closed", { cycle: cycle.name });
  return days.opens ? message("vote:errors.code.opensOn", { cycle: cycle.name, date: days.opens }) : message("vote:errors.code.notOpenYet", { cycle: cycle.name });
}

// The other ways to vote: with a verified account, and on paper at a polling site.
/**
 * One person, one ballot in a cycle, across the ways of voting, as far as this browser can tell: a
 * signed-in account that voted in the cycle may not also use a letter code there, and a browser
 * whose voting session cast a ballot there with a code may not also vote with an account. (A
 * household sharing a device is not stopped: whoever else votes signs out first, which ends both.)
 */
export function secondBallotRefusal(
  cycleId: string,
  seen: { accountVotedIn: ReadonlySet<string>; sessionVotedIn: string | null },
): "account-voted" | "session-voted" | null {
  if (seen.accountVotedIn.has(cycleId)) return "account-voted";
  if (seen.sessionVotedIn === cycleId) return "session-voted";
  return null;
}

type AccountVotingCycle = { phase: Phase | string; accountVoting: boolean };

export const votingChannelPermissions = {
  /** Voting with an account is offered to a signed-in resident, in a cycle that allows it, while voting is open. */
  offerAccountVoting: (actor: Actor | null, cycle: AccountVotingCycle) => hasRole(actor, "resident") && cycle.accountVoting && cycle.phase === "voting",
  /**
   * And taken up once their e-mail address is confirmed: anyone can sign up with any address, so an
   * unconfirmed account would be one more ballot per sign-up.
   */
  voteWithAccount: (actor: Actor | null, cycle: AccountVotingCycle) => votingChannelPermissions.offerAccountVoting(actor, cycle) && actor!.emailConfirmed === true,
  /** Offered, but not yet taken up: the address still to confirm (the page says so, with a new link). */
  confirmAddressFirst: (actor: Actor | null, cycle: AccountVotingCycle) =>
    votingChannelPermissions.offerAccountVoting(actor, cycle) && !votingChannelPermissions.voteWithAccount(actor, cycle),
  /** Paper ballots from polling sites are entered by the PB office while voting is open. */
  enterPaperBallots: (actor: Actor | null, cycle: { phase: Phase | string }) => hasRole(actor, "admin") && cycle.phase === "voting",
};
