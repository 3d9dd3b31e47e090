import { createHash } from "node:crypto";

/**
 * SHA-256 of a district's ballots in a canonical form (each ballot's ids sorted,
 * the lines sorted), so anyone holding the same ballots gets the same digest.
 */
export function ballotsDigest(ballots: readonly (readonly string[])[]): string {
  const lines = ballots.map((ids) => [...ids].sort().join(",")).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}
