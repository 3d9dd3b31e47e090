// After a restore onto a machine with another SESSION_SECRET, ballots sealed under the old one and
// under the new one must all open at the close: the old secret is kept in SESSION_SECRETS_PREVIOUS.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

const current = "the-new-machine-secret-0123456789abcdef";
const previous = "the-old-machine-secret-0123456789abcdef";
process.env.SESSION_SECRET = current;
process.env.SESSION_SECRETS_PREVIOUS = ` ${previous} `;
const { opens, seal, unseal } = await import("~/ballot-seal.server");

/** A value sealed on the old machine (AES-256-GCM under the key HKDF derives from its secret). */
function sealedUnder(secret: string, value: unknown) {
  const key = Buffer.from(hkdfSync("sha256", secret, "civic-budget", "ballot seal v1", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

describe("sealed ballots across a change of SESSION_SECRET", () => {
  it("opens what the previous secret sealed, and what the current one seals", () => {
    const old = sealedUnder(previous, { tracker: "T-OLD", choices: "a,b" });
    expect(unseal(old)).toEqual({ tracker: "T-OLD", choices: "a,b" });
    expect(unseal(seal({ tracker: "T-NEW", choices: "c" }))).toEqual({ tracker: "T-NEW", choices: "c" });
  });

  it("still refuses what no secret it has sealed", () => {
    const foreign = sealedUnder("a-third-secret-nobody-kept-0123456789", { tracker: "T" });
    expect(opens(foreign)).toBe(false);
    expect(() => unseal(foreign)).toThrow();
  });

  it("seals with the current secret only", () => {
    const fresh = seal({ tracker: "T" });
    const byPreviousOnly = () => {
      const bytes = Buffer.from(fresh, "base64url");
      const key = Buffer.from(hkdfSync("sha256", previous, "civic-budget", "ballot seal v1", 32));
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    };
    expect(byPreviousOnly).toThrow();
  });
});
