import type { TallyBallot } from "../tally/types";
import { ballotCount } from "../tally/weights";

/**
 * How many voters got at least one project they voted for: a plain measure of
 * how widely an outcome serves the electorate, shown for the chosen rule and
 * for greedy side by side. A ballot with a `count` stands for that many voters.
 */
export function votersWithAWinner(ballots: readonly Pick<TallyBallot, "ids" | "count">[], winners: Iterable<string>) {
  const won = new Set(winners);
  let satisfied = 0;
  let voters = 0;
  for (const b of ballots) {
    const c = ballotCount(b);
    voters += c;
    if (b.ids.some((id) => won.has(id))) satisfied += c;
  }
  return { satisfied, voters };
}
