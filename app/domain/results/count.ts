import { greedy } from "../tally/greedy";
import { mes, mesAdd1 } from "../tally/mes";
import type { Election, TallyOutcome } from "../tally/types";

/** What a project is worth to its supporters under Equal Shares: its cost, or the ranked ballot's points. */
export function mesUtilityFor(ballotMethod: string): "points" | "cost" {
  return ballotMethod === "ranked" ? "points" : "cost";
}

/** The outcome of one district's count under the cycle's rule. Ranked ballots carry points. */
export function countDistrict(rule: string, election: Election, ballotMethod: string): TallyOutcome {
  const utility = mesUtilityFor(ballotMethod);
  if (rule === "mes") return mes(election, { utility });
  if (rule === "mes-add1") return mesAdd1(election, { utility });
  return greedy(election);
}
