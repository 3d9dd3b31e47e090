// The voter's place in the voting flow, kept in a signed cookie of its own: the voter
// code's id, the choices between the ballot's steps (sealed; until cast or the ballot is left) and,
// once, the receipt. The code id stays after voting, so a second tab or a reload is told
// "already voted", not "start again".
import { randomBytes } from "node:crypto";
import { createCookieSessionStorage } from "@remix-run/node";
import { z } from "zod";
import { KEPT_CHOICES_HOURS, VOTING_MINUTES } from "~/domain/ballots/session";
import { newTracker } from "~/domain/ballots/trackers";
import { choicesSealer } from "~/ballot-seal.server";
import { secureCookies, sessionSecrets } from "~/env.server";

// Not the sign-in cookie (kept 14 days): a browser-session cookie, gone when the browser closes, so a
// shared computer at a library or polling site keeps no voter code, tracker or receipt for the next person.
const voterStorage = createCookieSessionStorage({
  cookie: { name: "cb_vote", httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", secrets: sessionSecrets },
});
const getSession = (request: Request) => voterStorage.getSession(request.headers.get("Cookie"));

export interface Receipt {
  tracker: string;
  cycle: string;
  district: string;
  projects: string[];
  /** Each project title's language where it was shown untranslated (see useWrittenIn). */
  projectsWrittenIn?: (string | null)[];
  /** The ballot's cost, on knapsack ballots only (written in the reader's language on the receipt page). */
  totalCents: number | null;
  currency: string;
}


/**
 * The voter code of this voting session, with a cookie renewing its window (send it with the answer);
 * `expiredCodeId` instead when the session sat idle too long: the code may not be used to vote any more,
 * only to tell whether it already voted.
 */
export async function readVoterSession(request: Request) {
  const session = await getSession(request);
  const voterCodeId = session.get("voterCodeId");
  if (typeof voterCodeId !== "string") return { voterCodeId: null, expiredCodeId: null, renew: null };
  if (!withinVotingWindow(Number(session.get("votingStartedAt") ?? 0))) return { voterCodeId: null, expiredCodeId: voterCodeId, renew: null };
  session.set("votingStartedAt", Date.now());
  return { voterCodeId, expiredCodeId: null, renew: await voterStorage.commitSession(session) };
}

/** Active (or voted) less than VOTING_MINUTES ago. */
function withinVotingWindow(at: number) {
  return Date.now() - at < VOTING_MINUTES * 60_000;
}

export async function startVoting(request: Request, voterCodeId: string) {
  const session = await getSession(request);
  // Choices kept for this code when its session ran out (keepBallotDraft, renew: false) come back;
  // anyone else's go, so the next person at a shared computer starts from an empty ballot.
  if (openDraft(session.get("ballotDraft"))?.codeId !== voterCodeId) session.unset("ballotDraft");
  session.set("voterCodeId", voterCodeId);
  session.set("votingStartedAt", Date.now());
  // The tracker this session's ballot will get (if no ballot has it by then): a ballot sent twice
  // (a double click on a slow line) can then tell that the first sending was its own.
  session.set("pendingTracker", newTracker());
  return voterStorage.commitSession(session);
}

/** The tracker this voting session's ballot is to get (see startVoting), if any. */
export async function readPendingTracker(request: Request): Promise<string | null> {
  const tracker = (await getSession(request)).get("pendingTracker");
  return typeof tracker === "string" ? tracker : null;
}

/**
 * The ballot as the voter last sent it: to review, or to fix. Each step of the ballot is then a page
 * of its own (sent, redirected, shown), so the back button or a reload never offers to send a form
 * again ("Confirm Form Resubmission" reads like voting twice). Belongs to one voter code; the choices
 * are packed small (see ~/domain/ballots/draft) and gone once the ballot is cast.
 */
const ballotDraftSchema = z.object({
  codeId: z.string(),
  picks: z.array(z.number().int().nonnegative()).max(500),
  ranks: z.array(z.tuple([z.number().int().nonnegative(), z.string().max(4)])).max(500),
  /** Sent to be reviewed and refused: show why. */
  refused: z.boolean(),
  /** Checked and ready to confirm. */
  reviewed: z.boolean(),
});
export type BallotDraft = z.infer<typeof ballotDraftSchema>;

/**
 * The draft as the cookie holds it: sealed (AES-GCM, a server key), so the next person at a shared
 * computer cannot read the choices, and dated, so they wait at most KEPT_CHOICES_HOURS.
 */
function sealDraft(draft: BallotDraft): string {
  return choicesSealer.seal({ ...draft, keptAt: Date.now() });
}

/** The draft in the cookie, if this server sealed it and it is not older than KEPT_CHOICES_HOURS. */
function openDraft(value: unknown): BallotDraft | null {
  if (typeof value !== "string") return null;
  let opened: unknown;
  try {
    opened = choicesSealer.unseal(value);
  } catch {
    return null; // sealed under a secret this server no longer has: the voter chooses again
  }
  const parsed = ballotDraftSchema.extend({ keptAt: z.number() }).safeParse(opened);
  if (!parsed.success || Date.now() - parsed.data.keptAt > KEPT_CHOICES_HOURS * 3_600_000) return null;
  const { keptAt: _, ...draft } = parsed.data;
  return draft;
}

/**
 * Keeps the draft; sending it is a step, so it renews the voting window too. Returns the cookie.
 * `renew: false` for choices sent after the window closed: they wait, for this code only, until the
 * voter enters it again (startVoting), and the session stays closed.
 */
export async function keepBallotDraft(request: Request, draft: BallotDraft, { renew = true } = {}) {
  const session = await getSession(request);
  session.set("ballotDraft", sealDraft(draft));
  if (renew) session.set("votingStartedAt", Date.now());
  return voterStorage.commitSession(session);
}

/**
 * The ballot left without casting it (the session ended, voting closed, the code was used
 * elsewhere): its choices go, so they do not stay in a shared computer's browser. Returns the cookie.
 */
export async function forgetBallotDraft(request: Request) {
  const session = await getSession(request);
  session.unset("ballotDraft");
  return voterStorage.commitSession(session);
}

/** This voter code's draft, if the session holds one. */
export async function readBallotDraft(request: Request, codeId: string): Promise<BallotDraft | null> {
  const draft = openDraft((await getSession(request)).get("ballotDraft"));
  return draft?.codeId === codeId ? draft : null;
}

/** Signing out ends the voting session too: the next person at a shared computer cannot vote with it. */
export async function endVoterSession(request: Request) {
  return voterStorage.destroySession(await getSession(request));
}

/** Voting pages hold a voter's choices: never keep them in a cache or the back-button history. */
export const noStore = () => ({ "Cache-Control": "no-store" });

/**
 * Shows the receipt once and offers the optional survey: a random one-time token, kept
 * only in this cookie with the cycle's id (the survey stores neither with the answer).
 */
export async function keepReceipt(request: Request, receipt: Receipt, surveyCycleId?: string, districtId?: string) {
  const session = await getSession(request);
  session.flash("receipt", receipt);
  session.unset("ballotDraft"); // cast: from now on only the receipt (shown once) lists the choices
  // The tracker alone (not the choices) stays for the voting window, so a reload, a
  // language switch or the survey does not lose it.
  session.set("tracker", { tracker: receipt.tracker, cycle: receipt.cycle, cycleId: surveyCycleId, district: receipt.district, districtId, at: Date.now() } satisfies KeptTracker);
  if (surveyCycleId) session.set("survey", { cycleId: surveyCycleId, token: randomBytes(24).toString("base64url") } satisfies SurveyOffer);
  return voterStorage.commitSession(session);
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
  return voterStorage.commitSession(session);
}

export async function takeReceipt(request: Request) {
  const session = await getSession(request);
  const receipt = session.get("receipt") as Receipt | undefined;
  return { receipt: receipt ?? null, tracker: keptTracker(session.get("tracker")), cookie: await voterStorage.commitSession(session) };
}

/** The ballot tracker of this voting session's ballot, for VOTING_MINUTES after voting. */
export interface KeptTracker {
  tracker: string;
  cycle: string;
  /** So the cycle's and district's names are shown in the language the reader switches to (`cycle`, `district`: as voted). */
  cycleId?: string;
  district: string;
  districtId?: string;
  at: number;
}

function keptTracker(value: unknown): KeptTracker | null {
  const kept = value as Partial<KeptTracker> | undefined;
  if (typeof kept?.tracker !== "string" || typeof kept.cycle !== "string" || typeof kept.district !== "string" || typeof kept.at !== "number") return null;
  return withinVotingWindow(kept.at) ? (kept as KeptTracker) : null;
}

export async function readKeptTracker(request: Request) {
  return keptTracker((await getSession(request)).get("tracker"));
}
