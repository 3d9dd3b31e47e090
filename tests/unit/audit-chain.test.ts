import { describe, expect, it } from "vitest";
import { actorLabelOf, auditEntryHash, verifyAuditChain } from "~/domain/audit/chain";
import type { Role } from "~/domain/auth/roles";

/** A valid chain of `n` entries, as the data layer writes them. */
function chainOf(n: number) {
  const entries: { id: number; hash: string; actorId: null; actorLabel: string; action: string; targetType: string; targetId: string; detail: string; createdAt: Date; prevHash: string }[] = [];
  for (let id = 1; id <= n; id++) {
    const entry = { actorId: null, actorLabel: "PB office", action: "idea.create", targetType: "idea", targetId: `i${id}`, detail: "{}", createdAt: new Date(Date.UTC(2026, 10, id)), prevHash: entries.at(-1)?.hash ?? "" };
    entries.push({ ...entry, id, hash: auditEntryHash(entry) });
  }
  return entries;
}

describe("the audit chain", () => {
  it("names its newest entry, to be kept off the machine", () => {
    const entries = chainOf(3);
    expect(verifyAuditChain(entries)).toEqual({ ok: true, checked: 3, legacy: 0, head: { id: 3, hash: entries[2].hash } });
  });

  it("cannot tell on its own that the newest entries were removed, but the newest hash kept from an earlier check can", () => {
    const entries = chainOf(4);
    const kept = entries[3].hash; // written down at the last check
    const cut = entries.slice(0, 2); // someone removed the two newest entries
    expect(verifyAuditChain(cut)).toMatchObject({ ok: true, checked: 2 });
    expect(verifyAuditChain(cut, kept)).toEqual({ ok: false, checked: 2, legacy: 0, brokenAt: null, reason: `the entry with hash ${kept} is gone: entries were removed from the end of the log` });
    expect(verifyAuditChain(entries, kept)).toMatchObject({ ok: true, checked: 4 });
  });
});

describe("who the audit log names", () => {
  const person = (roles: Role[]) => ({ id: "u1", name: "Rosa Rivera", email: "rosa@example.org", roles, agencyId: null, agencyLead: false });

  it("names those who act for the public (PB office, staff, delegates) with their address, and no resident", () => {
    expect(actorLabelOf(person(["admin", "resident"]))).toBe("Rosa Rivera <rosa@example.org>");
    expect(actorLabelOf(person(["staff"]))).toBe("Rosa Rivera <rosa@example.org>");
    expect(actorLabelOf(person(["delegate", "resident"]))).toBe("Rosa Rivera <rosa@example.org>");
    // A resident's account can be closed: nothing in the log may keep their name or address.
    expect(actorLabelOf(person(["resident"]))).toBe("a resident");
    expect(actorLabelOf(null)).toBe("system");
  });
});
