import type { Actor } from "~/domain/auth/roles";
import { actorLabelOf, auditEntryHash } from "~/domain/audit/chain";
import type { Tx } from "./client.server";

/**
 * Appends one entry to the audit log, inside the caller's transaction, chained to
 * the entry before it. (One write transaction at a time: SQLite's single writer, and on
 * PostgreSQL the write lock every transaction takes (client.server.ts), so the last
 * hash cannot change between reading it and writing the new entry.)
 */
export async function audit(
  tx: Tx,
  actor: Actor | null,
  action: string,
  target: { type: string; id: string },
  detail: Record<string, unknown> = {},
) {
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const entry = {
    actorId: actor?.id ?? null,
    actorLabel: actorLabelOf(actor),
    action,
    targetType: target.type,
    targetId: target.id,
    detail: JSON.stringify(detail),
    createdAt: new Date(),
    prevHash: last?.hash ?? "",
  };
  await tx.auditLog.create({ data: { ...entry, hash: auditEntryHash(entry) } });
}

/** Every entry in order, a page at a time, for `npm run audit:verify`. */
export async function* auditEntries(tx: Pick<Tx, "auditLog">, pageSize = 5000) {
  let after = 0;
  for (;;) {
    const page = await tx.auditLog.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: pageSize });
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].id;
  }
}
