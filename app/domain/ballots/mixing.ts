// Which sealed rows (ballots, survey answers) to mix into their public table, and in what order.
// Pure but for the random draw. See SealedBallot in prisma/schema.prisma.
import { randomInt } from "node:crypto";

/**
 * How many sealed rows of a group (a district's ballots, a cycle's survey answers) always stay
 * waiting while voting is open, and so the fewest any mix moves: each mixed row enters its table
 * with at least this many others of its group, chosen at random among those waiting.
 */
export const MIX_BATCH = 10;

/**
 * The waiting rows to mix now, in random order. With `all` (voting has closed), every one. Otherwise,
 * in each group with at least 2 × MIX_BATCH waiting, all but MIX_BATCH of them chosen at random: the
 * rows left behind are not simply the latest, so even the last mix, at the close, moves at least
 * MIX_BATCH rows of each group (when it had that many), from any time in the vote.
 */
export function rowsToMix<T>(rows: readonly T[], groupOf: (row: T) => string, all: boolean): T[] {
  if (all) return shuffled([...rows]);
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = groupOf(row);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(row);
  }
  const chosen = [...groups.values()].filter((g) => g.length >= 2 * MIX_BATCH).flatMap((g) => shuffled(g).slice(MIX_BATCH));
  return shuffled(chosen);
}

/** Fisher–Yates with crypto.randomInt: the order says nothing about the order of storing. */
export function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
