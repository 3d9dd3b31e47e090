// Sealing what a voter gave (a ballot, survey answers) between the moment it is stored and its
// mix (see SealedBallot in prisma/schema.prisma): AES-256-GCM from node:crypto, with a key derived
// (HKDF-SHA-256) from SESSION_SECRET, which the database does not hold. A reader of the database
// sees a sealed row beside the participation written with it, but not what it says.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { sessionSecret, sessionSecrets } from "~/env.server";

const keyFor = (secret: string, purpose: string) => Buffer.from(hkdfSync("sha256", secret, "civic-budget", purpose, 32));
const trackerHmacKey = keyFor(sessionSecret, "tracker key v1");

/** A sealed ballot's tracker as a key only the app can compute (HMAC-SHA-256): unique among those waiting, without showing it. */
export function trackerKey(tracker: string): string {
  return createHmac("sha256", trackerHmacKey).update(tracker).digest("base64url");
}

const ballotFormHmacKey = keyFor(sessionSecret, "ballot form v1");

/**
 * Which voter code a ballot page was made for, as a key only the app can compute (no database id in the
 * page). Two tabs on one phone can hold two codes' ballots while the voting session holds the code entered
 * last: a ballot sent from the other tab must not be cast, or checked, under that code.
 */
export function ballotFormKey(voterCodeId: string): string {
  return createHmac("sha256", ballotFormHmacKey).update(voterCodeId).digest("base64url").slice(0, 22);
}

/**
 * Seal and open under a key of their own for each purpose (a ballot, choices kept in a voter's
 * cookie), so a value sealed for one can never be opened as the other.
 */
function sealer(purpose: string) {
  const key = keyFor(sessionSecret, purpose);
  // Values sealed under an earlier SESSION_SECRET (SESSION_SECRETS_PREVIOUS) still open: after a restore
  // onto a machine with another secret, ballots cast on either side of it can all be mixed.
  const openingKeys = sessionSecrets.map((secret) => keyFor(secret, purpose));
  return {
    /** The value as text only the app can open: a fresh random IV each time, so equal values do not look equal. */
    seal(value: unknown): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    /** Opens a sealed value; throws if it was altered or sealed under a secret this server does not have. */
    unseal<T>(sealed: string): T {
      const bytes = Buffer.from(sealed, "base64url");
      let failure: unknown;
      for (const candidate of openingKeys) {
        try {
          const decipher = createDecipheriv("aes-256-gcm", candidate, bytes.subarray(0, 12));
          decipher.setAuthTag(bytes.subarray(12, 28));
          return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as T;
        } catch (error) {
          failure = error;
        }
      }
      throw failure;
    },
  };
}

export const { seal, unseal } = sealer("ballot seal v1");
/** A voter's choices kept in their cookie between the ballot's steps: only this server can read them. */
export const choicesSealer = sealer("kept choices v1");

/** Whether this server can open a sealed value: not when it was sealed under another SESSION_SECRET (or altered). */
export function opens(sealed: string): boolean {
  try {
    unseal(sealed);
    return true;
  } catch {
    return false;
  }
}
