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
  | { ok: false; selection: string[]; totalCents: number; errors: string[] };

/** Validates one ballot. `selection` is the chosen ids, in rank order for ranked ballots. */
export function checkBallot(
  rules: BallotRules,
  options: readonly BallotOption[],
  submission: BallotSubmission,
  currency = "USD",
): BallotCheck {
  const byId = new Map(options.map((o) => [o.id, o]));
  const errors: string[] = [];
  let selection: string[];

  if ("ranks" in submission) {
    const ranked: { id: string; rank: number }[] = [];
    let unreadable = false;
    for (const [id, raw] of Object.entries(submission.ranks)) {
      const text = raw.trim();
      if (!text) continue;
      const rank = Number(text);
      if (!Number.isInteger(rank) || rank < 1) unreadable = true;
      else ranked.push({ id, rank });
    }
    if (unreadable) errors.push("Each rank must be a whole number: 1 for your first choice, 2 for your second, and so on.");
    ranked.sort((a, b) => a.rank - b.rank);
    selection = ranked.map((r) => r.id);
    const ranks = ranked.map((r) => r.rank);
    const repeated = ranks.filter((r, i) => ranks.indexOf(r) !== i);
    if (repeated.length) errors.push(`You gave rank ${[...new Set(repeated)].join(", ")} to more than one project. Give each rank once.`);
    const expected = [...new Set(ranks)].length;
    const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((r) => !ranks.includes(r));
    if (!repeated.length && missing.length) {
      errors.push(`Your ranks skip ${missing.join(", ")}. Number your choices 1, 2, 3… without gaps.`);
    }
    if (rules.method === "ranked" && selection.length > rules.maxRanks) {
      errors.push(`You can rank at most ${rules.maxRanks} projects; you ranked ${selection.length}.`);
    }
  } else {
    selection = [...submission.ids];
    if (new Set(selection).size !== selection.length) {
      errors.push("A project was chosen twice; each counts once.");
      selection = [...new Set(selection)];
    }
  }

  if (selection.some((id) => !byId.has(id))) {
    errors.push("Your ballot named a project that is not on this ballot.");
    selection = selection.filter((id) => byId.has(id));
  }
  const totalCents = selection.reduce((sum, id) => sum + byId.get(id)!.costCents, 0);
  if (selection.length === 0 && !errors.length) {
    errors.push(rules.method === "ranked" ? "Rank at least one project: put 1 next to your first choice." : "Choose at least one project.");
  }

  switch (rules.method) {
    case "knapsack": {
      if ("ranks" in submission) errors.push("This ballot is not a ranked ballot.");
      const money = (c: number) => formatMoney(c, currency);
      if (totalCents > rules.budgetCents) {
        errors.push(
          `Your selection costs ${money(totalCents)}, which is ${money(totalCents - rules.budgetCents)} over the district budget of ${money(rules.budgetCents)}. Remove a project to continue.`,
        );
      }
      const minimum = Math.ceil((rules.budgetCents * rules.minSpendPercent) / 100);
      if (selection.length > 0 && totalCents < minimum) {
        errors.push(
          `Your selection costs ${money(totalCents)}. Please choose projects worth at least ${money(minimum)} (${rules.minSpendPercent}% of the budget); ${money(minimum - totalCents)} more.`,
        );
      }
      break;
    }
    case "approval":
      if ("ranks" in submission) errors.push("This ballot is not a ranked ballot.");
      if (selection.length > rules.maxApprovals) {
        errors.push(`Choose at most ${rules.maxApprovals} projects; you chose ${selection.length}. Remove ${selection.length - rules.maxApprovals}.`);
      } else if (selection.length > 0 && selection.length < rules.minApprovals) {
        errors.push(`Choose at least ${rules.minApprovals} projects; you chose ${selection.length}.`);
      }
      break;
    case "ranked":
      if (!("ranks" in submission)) errors.push("This ballot asks you to rank projects.");
      break;
  }
  return errors.length ? { ok: false, selection, totalCents, errors } : { ok: true, selection, totalCents };
}

/**
 * The rules in one plain sentence, for the ballot page and the public cycle page.
 * `budget` names the budget in words where it differs per district ("your district").
 */
export function describeBallotRules(rules: BallotRules, currency = "USD", budget?: string): string {
  switch (rules.method) {
    case "knapsack": {
      const budgetText = budget ?? formatMoney(rules.budgetCents, currency);
      return rules.minSpendPercent > 0
        ? `Choose projects whose total cost is between ${rules.minSpendPercent}% of the budget and the whole budget of ${budgetText}.`
        : `Choose any projects whose total cost fits the budget of ${budgetText}.`;
    }
    case "approval":
      return rules.minApprovals === rules.maxApprovals
        ? `Choose exactly ${rules.minApprovals} project${rules.minApprovals === 1 ? "" : "s"}.`
        : `Choose between ${rules.minApprovals} and ${rules.maxApprovals} projects.`;
    case "ranked":
      return `Rank up to ${rules.maxRanks} projects: 1 for your first choice, 2 for your second, and so on.`;
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
