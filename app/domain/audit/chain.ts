import { createHash } from "node:crypto";
import type { Actor } from "../auth/roles";

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
  | { ok: true; checked: number; legacy: number; head: { id: number; hash: string } | null }
  | { ok: false; checked: number; legacy: number; brokenAt: number | null; reason: string };

/**
 * Recomputes the chain over entries in id order. Entries written before the
 * chain existed (empty hash) may only come first. A chain cannot show that its
 * newest entries were removed: `anchor`, the hash of the newest entry seen at an
 * earlier check (kept off the machine), must still be in it.
 */
export function verifyAuditChain(entries: Iterable<AuditEntry & { id: number; hash: string }>, anchor?: string): ChainCheck {
  let previous = "";
  let checked = 0;
  let legacy = 0;
  let head: { id: number; hash: string } | null = null;
  let anchorSeen = !anchor;
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
    head = { id: e.id, hash: e.hash };
    if (e.hash === anchor) anchorSeen = true;
  }
  if (!anchorSeen) return { ok: false, checked, legacy, brokenAt: null, reason: `the entry with hash ${anchor} is gone: entries were removed from the end of the log` };
  return { ok: true, checked, legacy, head };
}

/**
 * Who acted, as the log keeps it for good (it cannot be rewritten): the PB office, agency staff and
 * delegates act for the public and are named with their address; a resident is not, since their account
 * can be closed and their name must then go everywhere (the entry's actor id still links the account).
 */
export function actorLabelOf(actor: Actor | null): string {
  if (!actor) return "system";
  return actor.roles.some((r) => r !== "resident") ? `${actor.name} <${actor.email}>` : "a resident";
}
