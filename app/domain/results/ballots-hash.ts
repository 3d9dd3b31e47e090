import { createHash } from "node:crypto";

/**
 * SHA-256 of a district's ballots, as anyone can recompute it from the published
 * `.pb` file: take each vote's text (proposal numbers: ascending, or in rank order on
 * ranked ballots — exactly as stored and as written in the file), sort the lines,
 * join them with "\n", hash. Identical ballots come grouped with their count.
 */
export function ballotsDigest(groups: readonly { choices: string; count: number }[]): string {
  // Usually already in order (the database sorts them); sorted here otherwise.
  let sorted = true;
  for (let i = 1; i < groups.length && sorted; i++) sorted = groups[i - 1].choices <= groups[i].choices;
  const inOrder = sorted ? groups : [...groups].sort((a, b) => (a.choices < b.choices ? -1 : a.choices > b.choices ? 1 : 0));
  const hash = createHash("sha256");
  // The text is fed in chunks of about 64 KB: one hash update per ballot would cost more than the hashing.
  let chunk = "";
  let first = true;
  for (const g of inOrder) {
    if (g.count <= 0) continue;
    chunk += (first ? g.choices : `\n${g.choices}`) + `\n${g.choices}`.repeat(g.count - 1);
    first = false;
    if (chunk.length >= 65536) {
      hash.update(chunk);
      chunk = "";
    }
  }
  hash.update(chunk);
  return hash.digest("hex");
}
