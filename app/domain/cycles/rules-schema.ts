import { z } from "zod";
import { message } from "../../i18n/message";
import { BALLOT_METHODS } from "../ballots/rules";

export const TALLY_RULES = ["greedy", "mes", "mes-add1"] as const;
export type TallyRule = (typeof TALLY_RULES)[number];

/** Each counting rule's name, as a translation key: t(TALLY_RULE_KEYS[rule]). */
export const TALLY_RULE_KEYS = {
  greedy: "common:tallyRule.greedy",
  mes: "common:tallyRule.mes",
  "mes-add1": "common:tallyRule.mesAdd1",
} as const satisfies Record<TallyRule, string>;

/** Each ballot method's name, as a translation key. */
export const BALLOT_METHOD_KEYS = {
  knapsack: "common:ballotMethod.knapsack",
  approval: "common:ballotMethod.approval",
  ranked: "common:ballotMethod.ranked",
} as const satisfies Record<(typeof BALLOT_METHODS)[number], string>;

export function isTallyRule(value: string): value is TallyRule {
  return (TALLY_RULES as readonly string[]).includes(value);
}

/**
 * The counting rule's name in the reader's language (t: the page's translate), for a
 * cycle with this ballot method: greedy on ranked ballots goes by points, not votes.
 * A rule we do not know is shown as stored.
 */
export function tallyRuleName(t: (key: string) => string, rule: string, ballotMethod: string): string {
  if (!isTallyRule(rule)) return rule;
  return t(rule === "greedy" && ballotMethod === "ranked" ? "common:tallyRule.greedyPoints" : TALLY_RULE_KEYS[rule]);
}

/** A whole number between min and max; `keys` are the field's three messages (not whole, below min, above max). */
const whole = (keys: { whole: string; min: string; max: string }, min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: message(keys.whole) })
    .int(message(keys.whole))
    .min(min, message(keys.min, { min }))
    .max(max, message(keys.max, { max }));

/** The ballot method, its limits and the counting rule of a cycle. */
export const ballotRulesInput = z
  .object({
    ballotMethod: z.enum(BALLOT_METHODS, { errorMap: () => ({ message: message("admin:errors.chooseBallotMethod") }) }),
    minSpendPercent: whole(
      { whole: "admin:errors.minSpend.whole", min: "admin:errors.minSpend.min", max: "admin:errors.minSpend.max" },
      0,
      100,
    ).default(0),
    minApprovals: whole(
      { whole: "admin:errors.minApprovals.whole", min: "admin:errors.minApprovals.min", max: "admin:errors.minApprovals.max" },
      1,
      100,
    ).default(1),
    maxApprovals: whole(
      { whole: "admin:errors.maxApprovals.whole", min: "admin:errors.maxApprovals.min", max: "admin:errors.maxApprovals.max" },
      1,
      100,
    ).default(5),
    maxRanks: whole({ whole: "admin:errors.maxRanks.whole", min: "admin:errors.maxRanks.min", max: "admin:errors.maxRanks.max" }, 1, 20).default(5),
    tallyRule: z.enum(TALLY_RULES, { errorMap: () => ({ message: message("admin:errors.chooseTallyRule") }) }),
  })
  .refine((v) => v.minApprovals <= v.maxApprovals, {
    path: ["maxApprovals"],
    message: message("admin:errors.maxBelowMin"),
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
