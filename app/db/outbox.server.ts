import { prisma, type Tx } from "./client.server";

/** Queues an e-mail inside the caller's transaction: it is sent only if the change it reports is saved. */
export async function queueMail(tx: Tx, mail: { to: string; subject: string; text: string }) {
  await tx.outboxMessage.create({ data: mail });
}

const MAX_ATTEMPTS = 5;

export async function pendingMail(limit: number) {
  return prisma.outboxMessage.findMany({ where: { sentAt: null, attempts: { lt: MAX_ATTEMPTS } }, orderBy: { createdAt: "asc" }, take: limit });
}

/** Takes a message for sending; false when another process took it first. */
export async function claimMail(id: string, attempts: number) {
  const { count } = await prisma.outboxMessage.updateMany({ where: { id, sentAt: null, attempts }, data: { attempts: attempts + 1 } });
  return count === 1;
}

export async function markMailSent(id: string) {
  await prisma.outboxMessage.update({ where: { id }, data: { sentAt: new Date(), lastError: "" } });
}

export async function markMailFailed(id: string, error: string) {
  await prisma.outboxMessage.update({ where: { id }, data: { lastError: error.slice(0, 500) } });
}
