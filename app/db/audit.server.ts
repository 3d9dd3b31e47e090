import type { Actor } from "~/domain/auth/roles";
import type { Tx } from "./client.server";

/** Appends one line to the audit log, inside the caller's transaction. */
export async function audit(
  tx: Tx,
  actor: Actor | null,
  action: string,
  target: { type: string; id: string },
  detail: Record<string, unknown> = {},
) {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorLabel: actor ? `${actor.name} <${actor.email}>` : "system",
      action,
      targetType: target.type,
      targetId: target.id,
      detail: JSON.stringify(detail),
    },
  });
}
