// The voter's place in the voting flow, kept in the signed session cookie: the
// voter code's id (never ballot contents) and, once, the receipt. The code id stays
// after voting, so a second tab or a reload is told "already voted", not "start again".
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
