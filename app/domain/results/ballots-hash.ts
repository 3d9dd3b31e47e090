import { createHash } from "node:crypto";

/**
 * SHA-256 of a district's ballots in a canonical form, so anyone holding the same
 * ballots gets the same digest: one line per ballot, lines sorted; within a line
 * the ids sorted, except on ranked ballots where their order is the vote.
 */
export function ballotsDigest(ballots: readonly (readonly string[])[], opts: { ranked?: boolean } = {}): string {
  const lines = ballots.map((ids) => (opts.ranked ? [...ids] : [...ids].sort()).join(",")).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}
