import { createHash, randomBytes } from "node:crypto";
import { prisma } from "./client.server";

// Server-side sign-in sessions: the cookie holds a random token, the database only its SHA-256
// (the row's id), so ending a row signs a device out, and a copy of the database (a backup) holds
// no token a cookie could be made from.
const idOf = (token: string) => createHash("sha256").update(token).digest("hex");
/** A session's row id, from the token its cookie holds. */
export const sessionIdOf = idOf;

/** The session a cookie's token names, with its person and roles, or null when there is none. */
export function sessionWithUser(token: string) {
  return prisma.session.findUnique({ where: { id: idOf(token) }, include: { user: { include: { roles: true } } } });
}

export function userByEmail(email: string) {
  return prisma.user.findUnique({ where: { email: email.toLowerCase() } });
}

/** A new session (a new token at every sign-in), ending the one the browser had, if any; returns the token for the cookie. */
export async function startSession(userId: string, expiresAt: Date, replacing?: string) {
  if (replacing) await endSession(replacing);
  const token = randomBytes(32).toString("base64url");
  await prisma.session.create({ data: { id: idOf(token), userId, expiresAt } });
  return token;
}

export async function endSession(token: string) {
  await prisma.session.deleteMany({ where: { id: idOf(token) } });
}
