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

let running: Promise<void> | null = null;

async function deliver() {
  for (const mail of await pendingMail(100)) {
    if (!(await claimMail(mail.id, mail.attempts))) continue;
    try {
      const info = await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@civic-budget>` });
      if (!env.SMTP_URL) {
        mkdirSync(OUTBOX_DIR, { recursive: true });
        const stamp = mail.createdAt.toISOString().replace(/[:.]/g, "-");
        writeFileSync(path.join(OUTBOX_DIR, `${stamp}-${mail.id}.json`), (info as unknown as { message: string }).message);
      }
      await markMailSent(mail.id);
    } catch (error) {
      await markMailFailed(mail.id, error instanceof Error ? error.message : String(error));
    }
  }
}

/** Sends what is waiting; called after a change that queued mail, and returns when done. */
export function deliverOutbox(): Promise<void> {
  running ??= deliver()
    .catch((error) => logger.error({ err: error }, "outbox delivery failed"))
    .finally(() => {
      running = null;
    });
  return running;
}
