import { greedy } from "../tally/greedy";
import { mes, mesAdd1 } from "../tally/mes";
import type { Election, TallyOutcome } from "../tally/types";

/** The outcome of one district's count under the cycle's rule. Ranked ballots carry points. */
export function countDistrict(rule: string, election: Election, ballotMethod: string): TallyOutcome {
  const utility = ballotMethod === "ranked" ? "points" : "cost";
  if (rule === "mes") return mes(election, { utility });
  if (rule === "mes-add1") return mesAdd1(election, { utility });
  return greedy(election);
}
