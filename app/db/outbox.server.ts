import { prisma, type Tx } from "./client.server";

/** Queues an e-mail inside the caller's transaction: it is sent only if the change it reports is saved. */
export async function queueMail(tx: Tx, mail: { to: string; subject: string; text: string }) {
  await tx.outboxMessage.create({ data: mail });
}

const MAX_ATTEMPTS = 5;
/** How long a message taken for sending is left to the process that took it (it may have died). */
const CLAIM_MS = 5 * 60_000;

/**
 * Mail waiting to be sent, oldest first, after `after` (the last one a pass already looked at),
 * leaving out what another process took for sending a moment ago.
 */
export async function pendingMail(limit: number, after?: { createdAt: Date; id: string }) {
  return prisma.outboxMessage.findMany({
    where: {
      sentAt: null,
      attempts: { lt: MAX_ATTEMPTS },
      AND: [
        { OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(Date.now() - CLAIM_MS) } }] },
        after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** Takes a message for sending; false when another process took it first. */
export async function claimMail(id: string, attempts: number) {
  const { count } = await prisma.outboxMessage.updateMany({ where: { id, sentAt: null, attempts }, data: { attempts: attempts + 1, claimedAt: new Date() } });
  return count === 1;
}

/**
 * A password-reset link opens the account to whoever holds it (and a sign-up confirmation link vouches
 * for the address), so they are for the addressee's eyes only: once sent they are not kept in the
 * database, and the outbox page shows `hidden` in their place.
 */
export function hideAccountLinks(text: string, hidden: string) {
  return text.replace(/\S*\/(reset-password|confirm-email)\?\S*/g, hidden);
}

export async function markMailSent(mail: { id: string; text: string }) {
  await prisma.outboxMessage.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: "", text: hideAccountLinks(mail.text, "[link removed once sent]") } });
}

/** Failed: released, for a later pass to try again. */
export async function markMailFailed(id: string, error: string) {
  await prisma.outboxMessage.update({ where: { id }, data: { lastError: error.slice(0, 500), claimedAt: null } });
}
