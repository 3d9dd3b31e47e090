// The voter's place in the voting flow, kept in the signed session cookie: the
// voter code's id (never ballot contents) and, once, the receipt. The code id stays
// after voting, so a second tab or a reload is told "already voted", not "start again".
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

export async function keepReceipt(request: Request, receipt: Receipt) {
  const session = await getSession(request);
  session.flash("receipt", receipt);
  return sessionStorage.commitSession(session);
}

export async function takeReceipt(request: Request) {
  const session = await getSession(request);
  const receipt = session.get("receipt") as Receipt | undefined;
  return { receipt: receipt ?? null, cookie: await sessionStorage.commitSession(session) };
}
