import { createHash } from "node:crypto";

/**
 * SHA-256 of a district's ballots, as anyone can recompute it from the published
 * `.pb` file: take each vote's text (proposal numbers: ascending, or in rank order on
 * ranked ballots — exactly as stored and as written in the file), sort the lines,
 * join them with "\n", hash. Identical ballots come grouped with their count.
 */
export function ballotsDigest(groups: readonly { choices: string; count: number }[]): string {
  const hash = createHash("sha256");
  let first = true;
  for (const g of [...groups].sort((a, b) => (a.choices < b.choices ? -1 : a.choices > b.choices ? 1 : 0))) {
    for (let i = g.count; i > 0; i--) {
      hash.update(first ? g.choices : `\n${g.choices}`);
      first = false;
    }
  }
  return hash.digest("hex");
}
