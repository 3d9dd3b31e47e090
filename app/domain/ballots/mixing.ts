// Which sealed rows (ballots, survey answers) to mix into their public table, and in what order.
// Pure but for the random draw. See SealedBallot in prisma/schema.prisma.
import { randomInt } from "node:crypto";

/**
 * How many sealed rows of a group (a district's ballots, a cycle's survey answers) always stay
 * waiting while voting is open, and so the fewest any mix moves: each mixed row enters its table
 * in a batch of at least this many rows of its group, chosen at random among those waiting.
 */
export const MIX_BATCH = 10;

/**
 * When rows are mixed: while voting is open ("open"); after the close, for what still comes (survey
 * answers sent just after voting, "closed"); or everything at once, however few ("all").
 */
export type MixMode = "open" | "closed" | "all";

/** How many rows a group needs before a mix in that mode moves any. */
export const MIX_THRESHOLD: Record<MixMode, number> = { open: 2 * MIX_BATCH, closed: MIX_BATCH, all: 1 };

/**
 * The waiting rows to mix now, in random order. "all": every one. "closed": every row of each group
 * with at least MIX_BATCH waiting (nothing comes after them to hide among). "open": in each group with
 * at least 2 × MIX_BATCH waiting, all but MIX_BATCH of them chosen at random: the rows left behind are
 * not simply the latest, so even the last mix, at the close, moves at least MIX_BATCH rows of each
 * group (when it had that many), from any time in the vote.
 */
export function rowsToMix<T>(rows: readonly T[], groupOf: (row: T) => string, mode: MixMode): T[] {
  if (mode === "all") return shuffled([...rows]);
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = groupOf(row);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(row);
  }
  const ready = [...groups.values()].filter((g) => g.length >= MIX_THRESHOLD[mode]);
  return shuffled(mode === "closed" ? ready.flat() : ready.flatMap((g) => shuffled(g).slice(MIX_BATCH)));
}

/** Fisher–Yates with crypto.randomInt: the order says nothing about the order of storing. */
export function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
