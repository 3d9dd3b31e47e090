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

/**
 * What plain greedy would have funded differently from the rule used: the projects only it
 * funds and the ones only the rule funds, in the order given (the results page's). Empty
 * lists when both fund the same projects.
 */
export function greedyDifference<P extends { number: number | null; selected: boolean }>(projects: readonly P[], greedyWinners: readonly string[]) {
  const underGreedy = new Set(greedyWinners);
  const greedyFunds = (p: P) => p.number !== null && underGreedy.has(String(p.number));
  return {
    onlyUnderGreedy: projects.filter((p) => !p.selected && greedyFunds(p)),
    onlyUnderRule: projects.filter((p) => p.selected && !greedyFunds(p)),
  };
}
