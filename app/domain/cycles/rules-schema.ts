import { z } from "zod";
import { BALLOT_METHODS } from "../ballots/rules";

export const TALLY_RULES = ["greedy", "mes", "mes-add1"] as const;
export const TALLY_RULE_LABELS: Record<(typeof TALLY_RULES)[number], string> = {
  greedy: "Greedy: most votes first, within the budget",
  mes: "Method of Equal Shares (proportional)",
  "mes-add1": "Method of Equal Shares, completed (Add1, then greedy)",
};
export const BALLOT_METHOD_LABELS: Record<(typeof BALLOT_METHODS)[number], string> = {
  knapsack: "Knapsack: choose projects up to the district budget",
  approval: "Approval: choose between a minimum and a maximum number of projects",
  ranked: "Ranked: rank up to k projects",
};

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${label[0].toUpperCase()}${label.slice(1)} must be at least ${min}.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be at most ${max}.`);

/** The ballot method, its limits and the counting rule of a cycle. */
export const ballotRulesInput = z
  .object({
    ballotMethod: z.enum(BALLOT_METHODS, { errorMap: () => ({ message: "Choose a ballot method." }) }),
    minSpendPercent: whole("the minimum spend", 0, 100).default(0),
    minApprovals: whole("the minimum number of projects", 1, 100).default(1),
    maxApprovals: whole("the maximum number of projects", 1, 100).default(5),
    maxRanks: whole("the number of ranks", 1, 20).default(5),
    tallyRule: z.enum(TALLY_RULES, { errorMap: () => ({ message: "Choose a counting rule." }) }),
  })
  .refine((v) => v.minApprovals <= v.maxApprovals, {
    path: ["maxApprovals"],
    message: "The maximum cannot be below the minimum.",
  });
export type BallotRulesInput = z.infer<typeof ballotRulesInput>;

export const DEFAULT_BALLOT_RULES: BallotRulesInput = {
  ballotMethod: "knapsack",
  minSpendPercent: 0,
  minApprovals: 1,
  maxApprovals: 5,
  maxRanks: 5,
  tallyRule: "greedy",
};

/** Form default values are strings. */
export function stringValues<T extends Record<string, string | number>>(values: T): Record<keyof T, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) as Record<keyof T, string>;
}
