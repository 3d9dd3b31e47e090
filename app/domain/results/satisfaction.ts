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

/**
 * Why money was left unspent in a district, for the results page: "all-funded" when every project
 * on the ballot was funded; "nothing-fits" when every
 * project not funded costs more than what is left (no rule could have spent it on one of them),
 * "rule" when one would have fitted but the rule did not fund it (Equal Shares funds a project
 * only when its own supporters can pay for it). Null when the whole budget was spent.
 */
export function unspentReason(budgetCents: number, spentCents: number, projects: readonly { costCents: number; selected: boolean }[]) {
  const leftCents = budgetCents - spentCents;
  if (leftCents <= 0) return null;
  if (projects.every((p) => p.selected)) return { leftCents, why: "all-funded" as const };
  const fits = projects.some((p) => !p.selected && p.costCents <= leftCents);
  return { leftCents, why: fits ? ("rule" as const) : ("nothing-fits" as const) };
}
