// The voter's place in the voting flow, kept in the signed session cookie: the
// voter code's id (never ballot contents) and, once, the receipt. The code id stays
// after voting, so a second tab or a reload is told "already voted", not "start again".
import { randomBytes } from "node:crypto";
import { getSession, sessionStorage } from "~/auth.server";

export interface Receipt {
  tracker: string;
  cycle: string;
  district: string;
  projects: string[];
  /** The ballot's cost (knapsack ballots show it), written in the reader's language on the receipt page. */
  totalCents: number;
  currency: string;
}

// A code entered on a shared computer must not stay usable for the next person.
const VOTING_MINUTES = 30;

export async function readVoterSession(request: Request) {
  const session = await getSession(request);
  const voterCodeId = session.get("voterCodeId");
  const startedAt = Number(session.get("votingStartedAt") ?? 0);
  const fresh = Date.now() - startedAt < VOTING_MINUTES * 60_000;
  return { voterCodeId: typeof voterCodeId === "string" && fresh ? voterCodeId : null };
}

export async function startVoting(request: Request, voterCodeId: string) {
  const session = await getSession(request);
  session.set("voterCodeId", voterCodeId);
  session.set("votingStartedAt", Date.now());
  return sessionStorage.commitSession(session);
}

/** Voting pages hold a voter's choices: never keep them in a cache or the back-button history. */
export const noStore = () => ({ "Cache-Control": "no-store" });

/**
 * Shows the receipt once and offers the optional survey: a random one-time token, kept
 * only in this cookie with the cycle's id (the survey stores neither with the answer).
 */
export async function keepReceipt(request: Request, receipt: Receipt, surveyCycleId?: string) {
  const session = await getSession(request);
  session.flash("receipt", receipt);
  if (surveyCycleId) session.set("survey", { cycleId: surveyCycleId, token: randomBytes(24).toString("base64url") } satisfies SurveyOffer);
  return sessionStorage.commitSession(session);
}

export interface SurveyOffer {
  cycleId: string;
  token: string;
}

/** The survey this voting session may still answer (once), or null. */
export async function readSurveyOffer(request: Request): Promise<SurveyOffer | null> {
  const session = await getSession(request);
  const offer = session.get("survey") as Partial<SurveyOffer> | undefined;
  return typeof offer?.cycleId === "string" && typeof offer.token === "string" ? { cycleId: offer.cycleId, token: offer.token } : null;
}

/** Answered or skipped: the offer is gone from the session. */
export async function endSurveyOffer(request: Request) {
  const session = await getSession(request);
  session.unset("survey");
  return sessionStorage.commitSession(session);
}

export async function takeReceipt(request: Request) {
  const session = await getSession(request);
  const receipt = session.get("receipt") as Receipt | undefined;
  return { receipt: receipt ?? null, cookie: await sessionStorage.commitSession(session) };
}
