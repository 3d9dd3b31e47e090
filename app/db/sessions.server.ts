import { prisma } from "./client.server";

// Server-side sign-in sessions: the cookie holds only the id, so ending a row here signs a device out.

/** A session with its person and roles, or null when there is none. */
export function sessionWithUser(id: string) {
  return prisma.session.findUnique({ where: { id }, include: { user: { include: { roles: true } } } });
}

export function userByEmail(email: string) {
  return prisma.user.findUnique({ where: { email: email.toLowerCase() } });
}

/** A new session (a new id at every sign-in), ending the one the browser had, if any. */
export async function startSession(userId: string, expiresAt: Date, replacing?: string) {
  if (replacing) await prisma.session.deleteMany({ where: { id: replacing } });
  return prisma.session.create({ data: { userId, expiresAt } });
}

export async function endSession(id: string) {
  await prisma.session.deleteMany({ where: { id } });
}
