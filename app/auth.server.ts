import bcrypt from "bcryptjs";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import type { Actor, Role } from "~/domain/auth/roles";
import { ROLES } from "~/domain/auth/roles";
import { endSession, sessionWithUser, startSession, userByEmail } from "~/db/sessions.server";
import { secureCookies, sessionSecrets } from "~/env.server";

const SESSION_DAYS = 14;
const DUMMY_HASH = bcrypt.hashSync("no-such-account", 10);

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: "cb_session",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    secrets: sessionSecrets,
    maxAge: SESSION_DAYS * 24 * 3600,
  },
});

export function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function hashPassword(password: string) {
  return bcrypt.hash(password, 10);
}

/** The signed-in person, or null. A cookie whose server-side session has ended counts for nothing. */
export async function getActor(request: Request): Promise<Actor | null> {
  const session = await getSession(request);
  const sessionId = session.get("sessionId");
  if (typeof sessionId !== "string") return null;
  const row = await sessionWithUser(sessionId);
  if (!row || row.expiresAt < new Date()) return null;
  const { user } = row;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    agencyId: user.agencyId,
    agencyLead: user.agencyLead,
    emailConfirmed: user.emailConfirmedAt !== null,
    roles: user.roles.map((r) => r.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  };
}

/**
 * Refuses unless `allowed`: a visitor is sent to sign in (and back), a signed-in
 * person without the right role gets 403 with the reason.
 */
export function authorize(request: Request, actor: Actor | null, allowed: boolean, message: string, returnTo?: string): void {
  if (allowed) return;
  if (!actor) {
    // Back to this page after sign-in, or to `returnTo` (a page that picks up what the visitor was doing).
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(returnTo ?? url.pathname + url.search)}`);
  }
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function verifyLogin(email: string, password: string) {
  const user = await userByEmail(email);
  // Compare against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = await passwordMatches(password, user?.passwordHash ?? DUMMY_HASH);
  return ok && user ? user : null;
}

export function passwordMatches(password: string, passwordHash: string) {
  return bcrypt.compare(password, passwordHash);
}

/** Starts a fresh server-side session (a new id at every login) and returns the cookie. */
export async function createUserSession(request: Request, userId: string) {
  const session = await getSession(request);
  const old = session.get("sessionId");
  const token = await startSession(userId, new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000), typeof old === "string" ? old : undefined);
  session.set("sessionId", token);
  return sessionStorage.commitSession(session);
}

export async function destroyUserSession(request: Request) {
  const session = await getSession(request);
  const id = session.get("sessionId");
  if (typeof id === "string") await endSession(id);
  return sessionStorage.destroySession(session);
}
