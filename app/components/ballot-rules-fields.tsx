import type { FieldMetadata } from "@conform-to/react";
import { SelectField, TextField } from "~/components/forms";
import { BALLOT_METHOD_LABELS, TALLY_RULE_LABELS, TALLY_RULES } from "~/domain/cycles/rules-schema";
import { BALLOT_METHODS } from "~/domain/ballots/rules";

type Meta = FieldMetadata<any, any, any>;

/** The ballot method, its limits and the counting rule: in the new-cycle form and the cycle's rules form. */
export function BallotRulesFields({ fields }: { fields: Record<"ballotMethod" | "minSpendPercent" | "minApprovals" | "maxApprovals" | "maxRanks" | "tallyRule", Meta> }) {
  return (
    <fieldset>
      <legend>Ballot and counting rules</legend>
      <SelectField meta={fields.ballotMethod} label="Ballot" options={BALLOT_METHODS.map((m) => ({ value: m, label: BALLOT_METHOD_LABELS[m] }))} />
      <TextField meta={fields.minSpendPercent} label="Knapsack: minimum spend (% of the budget)" hint="0 for none; Decidim-style ballots often ask for 70%." type="number" />
      <TextField meta={fields.minApprovals} label="Approval: fewest projects a voter must choose" type="number" />
      <TextField meta={fields.maxApprovals} label="Approval: most projects a voter may choose" type="number" />
      <TextField meta={fields.maxRanks} label="Ranked: how many projects a voter may rank (k)" type="number" />
      <SelectField meta={fields.tallyRule} label="Counting rule" options={TALLY_RULES.map((r) => ({ value: r, label: TALLY_RULE_LABELS[r] }))} />
    </fieldset>
  );
}
