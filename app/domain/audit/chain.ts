import { createHash } from "node:crypto";

// The audit log is a hash chain: each entry's hash covers its content and the
// previous entry's hash, so changing or removing any entry breaks every later link.

export interface AuditEntry {
  id?: number;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  detail: string;
  createdAt: Date;
  prevHash: string;
  hash?: string;
}

export function auditEntryHash(entry: Omit<AuditEntry, "id" | "hash">): string {
  const canonical = JSON.stringify([
    entry.prevHash,
    entry.actorId,
    entry.actorLabel,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.detail,
    entry.createdAt.toISOString(),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export type ChainCheck =
  | { ok: true; checked: number; legacy: number }
  | { ok: false; checked: number; legacy: number; brokenAt: number; reason: string };

/**
 * Recomputes the chain over entries in id order. Entries written before the
 * chain existed (empty hash) may only come first.
 */
export function verifyAuditChain(entries: Iterable<AuditEntry & { id: number; hash: string }>): ChainCheck {
  let previous = "";
  let checked = 0;
  let legacy = 0;
  for (const e of entries) {
    if (e.hash === "" && checked === 0) {
      legacy++;
      continue;
    }
    if (e.prevHash !== previous) {
      return { ok: false, checked, legacy, brokenAt: e.id, reason: "it does not point to the entry before it (an entry was removed or reordered)" };
    }
    if (auditEntryHash(e) !== e.hash) {
      return { ok: false, checked, legacy, brokenAt: e.id, reason: "its content does not match its hash (the entry was changed)" };
    }
    previous = e.hash;
    checked++;
  }
  return { ok: true, checked, legacy };
}
