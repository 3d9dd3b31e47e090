import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The mails delivered to `email`, oldest first. With no SMTP server set the app writes each sent
 * mail to data/outbox: that folder stands in for the addressee's mailbox (the database keeps no
 * password-reset link once it is sent).
 */
// Files are named by the time the mail was queued: older ones (earlier runs on this machine) are not read.
const since = new Date(Date.now() - 10 * 60_000).toISOString().replace(/[:.]/g, "-");

export function mailbox(email: string): { subject: string; text: string }[] {
  const dir = path.resolve("data/outbox");
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json") && f >= since).sort();
  } catch {
    return [];
  }
  return files
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { to?: { address: string }[]; subject?: string; text?: string })
    .filter((m) => m.to?.some((a) => a.address === email))
    .map((m) => ({ subject: m.subject ?? "", text: m.text ?? "" }));
}
