// The voter's place in the voting flow, kept in the signed session cookie.
// Holds only the voter code's id until the ballot is cast, then a one-time receipt.
import { getSession, sessionStorage } from "~/auth.server";

export interface Receipt {
  tracker: string;
  cycle: string;
  district: string;
  projects: string[];
  total: string;
}

export async function readVoterSession(request: Request) {
  const session = await getSession(request);
  const voterCodeId = session.get("voterCodeId");
  return { session, voterCodeId: typeof voterCodeId === "string" ? voterCodeId : null };
}

export async function startVoting(request: Request, voterCodeId: string) {
  const session = await getSession(request);
  session.set("voterCodeId", voterCodeId);
  return sessionStorage.commitSession(session);
}

export async function finishVoting(request: Request, receipt: Receipt | null) {
  const session = await getSession(request);
  session.unset("voterCodeId");
  if (receipt) session.flash("receipt", receipt);
  return sessionStorage.commitSession(session);
}

export async function takeReceipt(request: Request) {
  const session = await getSession(request);
  const receipt = session.get("receipt") as Receipt | undefined;
  return { receipt: receipt ?? null, cookie: await sessionStorage.commitSession(session) };
}
