import { createHash } from "node:crypto";

/**
 * SHA-256 of a district's ballots in a canonical form, so anyone holding the same
 * ballots gets the same digest: one line per ballot, lines sorted, joined by "\n";
 * within a line the ids sorted, except on ranked ballots where their order is the vote.
 * Identical lines are sorted once and hashed as often as they occur (fast on big districts).
 */
export function ballotsDigest(ballots: readonly (readonly string[])[], opts: { ranked?: boolean } = {}): string {
  const counts = new Map<string, number>();
  for (const ids of ballots) {
    const line = (opts.ranked ? [...ids] : [...ids].sort()).join(",");
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const hash = createHash("sha256");
  let first = true;
  for (const line of [...counts.keys()].sort()) {
    for (let i = counts.get(line)!; i > 0; i--) {
      hash.update(first ? line : `\n${line}`);
      first = false;
    }
  }
  return hash.digest("hex");
}
