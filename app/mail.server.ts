// Sends the e-mails queued in the outbox table. With SMTP_URL set they go out by SMTP;
// without it (development, the embedded demo) each is written to data/outbox as a JSON
// file (nodemailer's JSON transport), listed at /dev/outbox.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { claimMail, markMailFailed, markMailSent, pendingMail } from "~/db/outbox.server";
import { env } from "~/env.server";
import { logger } from "~/logger.server";

export const OUTBOX_DIR = path.resolve("data/outbox");

const transport = env.SMTP_URL
  ? nodemailer.createTransport(env.SMTP_URL)
  : nodemailer.createTransport({ jsonTransport: true });

const BATCH = 100;
const RETRY_AFTER_MS = 60_000;

let running: Promise<void> | null = null;
let next: Promise<void> | null = null;
let retry: NodeJS.Timeout | null = null;

/** One pass over the waiting mail, each message tried once; true when some could not be sent (tried again later). */
async function deliver() {
  let failed = false;
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const batch = await pendingMail(BATCH, after);
    if (batch.length === 0) return failed;
    for (const mail of batch) {
      after = mail;
      if (!(await claimMail(mail.id, mail.attempts))) continue;
      try {
        const info = await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@civic-budget>` });
        if (!env.SMTP_URL) {
          mkdirSync(OUTBOX_DIR, { recursive: true });
          const stamp = mail.createdAt.toISOString().replace(/[:.]/g, "-");
          // Readable by the app's user only: without SMTP this folder is the mailbox, password links included.
          writeFileSync(path.join(OUTBOX_DIR, `${stamp}-${mail.id}.json`), (info as unknown as { message: string }).message, { mode: 0o600 });
        }
        await markMailSent(mail);
      } catch (error) {
        failed = true;
        await markMailFailed(mail.id, error instanceof Error ? error.message : String(error));
      }
    }
  }
}

/** An SMTP server (or database) that fails now may answer in a minute; the timer does not keep the process alive. */
function tryAgainLater() {
  retry ??= setTimeout(() => {
    retry = null;
    void deliverOutbox();
  }, RETRY_AFTER_MS).unref();
}

/**
 * Sends what is waiting; called after a change that queued mail, and resolves once every
 * message queued before the call has been tried. A pass already running read the table
 * before this call's mail was saved, so the call waits for a fresh pass after it.
 */
export function deliverOutbox(): Promise<void> {
  if (running) {
    next ??= running.then(() => {
      next = null;
      return deliverOutbox();
    });
    return next;
  }
  running = deliver()
    .then((failed) => {
      if (failed) tryAgainLater();
    })
    .catch((error) => {
      logger.error({ err: error }, "outbox delivery failed");
      tryAgainLater();
    })
    .finally(() => {
      running = null;
    });
  return running;
}
