import type { Election, TallyBallot } from "./types";

// Weighted (grouped) ballots: one TallyBallot with `count` stands for `count`
// voters who cast it. Pure.

/** The number of voters a ballot stands for (1 when `count` is absent). */
export function ballotCount(ballot: TallyBallot): number {
  const c = ballot.count;
  if (c === undefined) return 1;
  if (!Number.isSafeInteger(c) || c < 0) {
    throw new RangeError(`a ballot's count must be a non-negative whole number, found ${String(c)}`);
  }
  return c;
}

/** The number of voters of an election: Σ counts (empty ballots included). */
export function voterCount(election: Pick<Election, "ballots">): number {
  let n = 0;
  for (const b of election.ballots) n += ballotCount(b);
  return n;
}

/** The ballots one voter per entry (for tests and tools that need them expanded). */
export function expandBallots(ballots: readonly TallyBallot[]): TallyBallot[] {
  const out: TallyBallot[] = [];
  for (const b of ballots) {
    const { count: _count, ...one } = b;
    for (let i = ballotCount(b); i > 0; i--) out.push(one);
  }
  return out;
}

/**
 * Identical ballots merged into one with their count (ids and points compared
 * as written, in order). The tally of the result equals the tally of the input.
 */
export function groupBallots(ballots: readonly TallyBallot[]): TallyBallot[] {
  const index = new Map<string, number>();
  const out: TallyBallot[] = [];
  for (const b of ballots) {
    const c = ballotCount(b);
    const key = `${b.ids.join("\u0000")}\u0001${b.points ? b.points.join(",") : "-"}`;
    const i = index.get(key);
    if (i === undefined) {
      index.set(key, out.length);
      const g: TallyBallot = { ids: b.ids, count: c };
      if (b.points) g.points = b.points;
      out.push(g);
    } else {
      out[i] = { ...out[i], count: out[i].count! + c };
    }
  }
  return out;
}
