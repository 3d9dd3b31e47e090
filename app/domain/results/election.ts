import type { Election, TallyBallot } from "../tally/types";

/**
 * Ranked ballots in our cycles score "top-k" Borda points: with k ranks allowed,
 * the first choice gets k points, the second k−1, … (../shared/tally-rules.md).
 */
export function topKPoints(rankedIds: readonly string[], k: number): TallyBallot {
  const ids = rankedIds.slice(0, k);
  return { ids, points: ids.map((_, i) => BigInt(k - i)) };
}

/** One district's stored ballots, grouped, as an election for the tally engine. */
export function districtElection(input: {
  budgetCents: number;
  projects: readonly { id: string; costCents: number }[];
  /** Distinct ballots with how many voters cast each (ranked ballots in rank order). */
  ballots: readonly { ids: readonly string[]; count: number }[];
  method: string;
  maxRanks: number;
}): Election {
  return {
    budget: BigInt(input.budgetCents),
    projects: input.projects.map((p) => ({ id: p.id, cost: BigInt(p.costCents) })),
    // Approval and knapsack ballots are used as they are (no copy of 200,000 groups); ranked ones get points.
    ballots: input.method === "ranked" ? input.ballots.map(({ ids, count }) => ({ ...topKPoints(ids, input.maxRanks), count })) : input.ballots,
    currencyUnit: 100n, // Add1 steps by one currency unit (100 cents) per voter
    grouped: true, // read with GROUP BY: each distinct ballot once, with its number of voters
  };
}
