import { formatMoney } from "../money";

export interface BallotOption {
  id: string;
  title: string;
  costCents: number;
}

export type KnapsackCheck =
  | { ok: true; totalCents: number; selected: string[] }
  | { ok: false; totalCents: number; selected: string[]; errors: string[] };

/**
 * Validates a knapsack ballot: known projects, each at most once, at least one,
 * total cost within the district budget. One pure function for every channel.
 */
export function checkKnapsackBallot(
  input: { budgetCents: number; options: readonly BallotOption[]; selected: readonly string[] },
  currency = "USD",
): KnapsackCheck {
  const byId = new Map(input.options.map((o) => [o.id, o]));
  const errors: string[] = [];
  const unique = [...new Set(input.selected)];
  if (unique.length !== input.selected.length) errors.push("A project was chosen twice; each counts once.");
  const known = unique.filter((id) => byId.has(id));
  if (known.length !== unique.length) errors.push("Your ballot named a project that is not on this ballot.");
  const totalCents = known.reduce((sum, id) => sum + byId.get(id)!.costCents, 0);
  if (known.length === 0) errors.push("Choose at least one project.");
  if (totalCents > input.budgetCents) {
    errors.push(
      `Your selection costs ${formatMoney(totalCents, currency)}, which is ${formatMoney(
        totalCents - input.budgetCents,
        currency,
      )} over the district budget of ${formatMoney(input.budgetCents, currency)}. Remove a project to continue.`,
    );
  }
  return errors.length ? { ok: false, totalCents, selected: known, errors } : { ok: true, totalCents, selected: known };
}
