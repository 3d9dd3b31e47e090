import { message } from "../../i18n/message";
import { formatMoney } from "../money";

// The three ballot methods and their one validation function, shared by the
// voter's pages, paper ballot entry and file import. Pure.

export const BALLOT_METHODS = ["knapsack", "approval", "ranked"] as const;
export type BallotMethod = (typeof BALLOT_METHODS)[number];

export type BallotRules =
  | { method: "knapsack"; budgetCents: number; minSpendPercent: number }
  | { method: "approval"; minApprovals: number; maxApprovals: number }
  | { method: "ranked"; maxRanks: number };

export interface BallotOption {
  id: string;
  title: string;
  costCents: number;
}

/**
 * What a voter submitted. `ids` for knapsack and approval ballots; `ranks` maps a
 * project id to the rank the voter typed or chose ("" or absent = not ranked).
 */
export type BallotSubmission = { ids: readonly string[] } | { ranks: Readonly<Record<string, string>> };

export type BallotCheck =
  | { ok: true; selection: string[]; totalCents: number }
  /** `problems`: a message for each project whose own entry is wrong (a shared rank), shown beside it. */
  | { ok: false; selection: string[]; totalCents: number; errors: string[]; problems: Record<string, string> };

/** What the chosen projects cost together (projects not on the ballot count for nothing). */
export function selectionTotalCents(options: readonly { id: string; costCents: number }[], chosen: Iterable<string>): number {
  const ids = new Set(chosen);
  return options.reduce((sum, o) => sum + (ids.has(o.id) ? o.costCents : 0), 0);
}

/**
 * Validates one ballot. `selection` is the chosen ids, in rank order for ranked ballots.
 * Errors are translatable messages (see ~/i18n/message); amounts are written for `locale`.
 */
export function checkBallot(
  rules: BallotRules,
  options: readonly BallotOption[],
  submission: BallotSubmission,
  currency = "USD",
  locale = "en-US",
): BallotCheck {
  const byId = new Map(options.map((o) => [o.id, o]));
  const errors: string[] = [];
  const problems: Record<string, string> = {};
  let selection: string[];

  if ("ranks" in submission) {
    const ranked: { id: string; rank: number }[] = [];
    let unreadable = false;
    for (const [id, raw] of Object.entries(submission.ranks)) {
      const text = raw.trim();
      if (!text) continue;
      const rank = Number(text);
      if (!Number.isInteger(rank) || rank < 1) {
        unreadable = true;
        problems[id] = message("vote:errors.rankNotWholeHere");
      } else ranked.push({ id, rank });
    }
    if (unreadable) errors.push(message("vote:errors.rankNotWhole"));
    ranked.sort((a, b) => a.rank - b.rank);
    selection = ranked.map((r) => r.id);
    const ranks = ranked.map((r) => r.rank);
    const repeated = ranks.filter((r, i) => ranks.indexOf(r) !== i);
    const repeatedOnce = [...new Set(repeated)];
    if (repeated.length) errors.push(message("vote:errors.rankRepeated", { ranks: repeatedOnce.join(","), count: repeatedOnce.length }));
    for (const r of ranked) if (repeated.includes(r.rank)) problems[r.id] = message("vote:errors.rankSharedHere", { rank: r.rank });
    // Every rank below the highest one used must be taken, repeats or not: the voter sees all problems at once.
    const highest = ranks.length ? ranks[ranks.length - 1] : 0;
    const missing = Array.from({ length: Math.min(highest, options.length + 1) }, (_, i) => i + 1).filter((r) => !ranks.includes(r));
    if (missing.length) {
      errors.push(message("vote:errors.rankSkipped", { ranks: missing.join(","), count: missing.length }));
    }
    if (rules.method === "ranked" && selection.length > rules.maxRanks) {
      errors.push(message("vote:errors.tooManyRanks", { max: rules.maxRanks, ranked: selection.length }));
    }
  } else {
    selection = [...submission.ids];
    if (new Set(selection).size !== selection.length) {
      errors.push(message("vote:errors.chosenTwice"));
      selection = [...new Set(selection)];
    }
  }

  if (selection.some((id) => !byId.has(id))) {
    errors.push(message("vote:errors.notOnBallot"));
    selection = selection.filter((id) => byId.has(id));
  }
  const totalCents = selectionTotalCents(options, selection);
  if (selection.length === 0 && !errors.length) {
    errors.push(rules.method === "ranked" ? message("vote:errors.rankAtLeastOne") : message("vote:errors.chooseAtLeastOne"));
  }

  switch (rules.method) {
    case "knapsack": {
      if ("ranks" in submission) errors.push(message("vote:errors.notRanked"));
      const money = (c: number) => formatMoney(c, currency, locale);
      if (totalCents > rules.budgetCents) {
        errors.push(
          message("vote:errors.overBudget", { total: money(totalCents), over: money(totalCents - rules.budgetCents), budget: money(rules.budgetCents) }),
        );
      }
      const minimum = Math.ceil((rules.budgetCents * rules.minSpendPercent) / 100);
      if (selection.length > 0 && totalCents < minimum) {
        errors.push(
          message("vote:errors.underMinimum", {
            total: money(totalCents),
            minimum: money(minimum),
            percent: rules.minSpendPercent,
            missing: money(minimum - totalCents),
          }),
        );
      }
      break;
    }
    case "approval":
      if ("ranks" in submission) errors.push(message("vote:errors.notRanked"));
      if (selection.length > rules.maxApprovals) {
        errors.push(message("vote:errors.tooManyApprovals", { count: rules.maxApprovals, chosen: selection.length, remove: selection.length - rules.maxApprovals }));
      } else if (selection.length > 0 && selection.length < rules.minApprovals) {
        errors.push(message("vote:errors.tooFewApprovals", { count: rules.minApprovals, chosen: selection.length }));
      }
      break;
    case "ranked":
      if (!("ranks" in submission)) errors.push(message("vote:errors.mustRank"));
      break;
  }
  return errors.length ? { ok: false, selection, totalCents, errors, problems } : { ok: true, selection, totalCents };
}

/**
 * The rules in one plain sentence, for the ballot page and the public cycle page, as a
 * translatable message (show it with useMessage). `perDistrict` speaks of "your district"
 * instead of an amount, where the budget differs per district; `locale` writes the amount.
 */
export function describeBallotRules(
  rules: BallotRules,
  currency = "USD",
  options: { perDistrict?: boolean; locale?: string } = {},
): string {
  switch (rules.method) {
    case "knapsack": {
      const percent = rules.minSpendPercent;
      if (options.perDistrict) {
        return percent > 0 ? message("common:ballotRules.knapsackMinYourDistrict", { percent }) : message("common:ballotRules.knapsackYourDistrict");
      }
      const budget = formatMoney(rules.budgetCents, currency, options.locale);
      return percent > 0 ? message("common:ballotRules.knapsackMin", { percent, budget }) : message("common:ballotRules.knapsack", { budget });
    }
    case "approval":
      if (rules.minApprovals !== rules.maxApprovals) {
        return message("common:ballotRules.approvalBetween", { min: rules.minApprovals, max: rules.maxApprovals });
      }
      return rules.minApprovals === 1 ? message("common:ballotRules.approvalExactlyOne") : message("common:ballotRules.approvalExactly", { number: rules.minApprovals });
    case "ranked":
      return message("common:ballotRules.ranked", { max: rules.maxRanks });
  }
}

/** Most money a ballot can spend within `budget` (exact subset sums); null when there are too many sums to list. */
function mostSpendable(costs: readonly number[], budget: number): number | null {
  const fitting = costs.filter((c) => c <= budget);
  const all = fitting.reduce((sum, c) => sum + c, 0);
  if (all <= budget) return all;
  let sums = new Set([0]);
  for (const c of fitting) {
    for (const s of [...sums]) if (s + c <= budget) sums.add(s + c);
    if (sums.size > 100_000) return null;
  }
  return Math.max(...sums);
}

/**
 * Why no ballot can meet these rules with these options (their costs), as a translatable message
 * naming `district`, or null. Asked before voting opens: a minimum nobody can reach would turn every
 * voter away with an error they cannot fix.
 */
export function whyNoBallotIsValid(rules: BallotRules, costs: readonly number[], district: string, money: (cents: number) => string): string | null {
  if (costs.length === 0) return null; // said on its own: the district has nothing to vote on
  switch (rules.method) {
    case "approval":
      return costs.length < rules.minApprovals ? message("admin:blockers.tooFewForMinimum", { district, count: costs.length, min: rules.minApprovals }) : null;
    case "knapsack": {
      if (costs.every((c) => c > rules.budgetCents)) return message("admin:blockers.nothingFits", { district, budget: money(rules.budgetCents) });
      const minimum = Math.ceil((rules.budgetCents * rules.minSpendPercent) / 100);
      const most = mostSpendable(costs, rules.budgetCents);
      return most !== null && most < minimum
        ? message("admin:blockers.minSpendUnreachable", { district, percent: rules.minSpendPercent, minimum: money(minimum), most: money(most), budget: money(rules.budgetCents) })
        : null;
    }
    case "ranked":
      return null;
  }
}

/** The ballot rules of a cycle, for one district's ballot. */
export function ballotRulesFor(
  cycle: { ballotMethod: string; minSpendPercent: number; minApprovals: number; maxApprovals: number; maxRanks: number },
  district: { budgetCents: number },
): BallotRules {
  switch (cycle.ballotMethod) {
    case "approval":
      return { method: "approval", minApprovals: cycle.minApprovals, maxApprovals: cycle.maxApprovals };
    case "ranked":
      return { method: "ranked", maxRanks: cycle.maxRanks };
    default:
      return { method: "knapsack", budgetCents: district.budgetCents, minSpendPercent: cycle.minSpendPercent };
  }
}
