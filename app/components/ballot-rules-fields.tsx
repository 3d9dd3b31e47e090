import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/forms";
import { BALLOT_METHOD_KEYS, TALLY_RULE_KEYS, TALLY_RULES } from "~/domain/cycles/rules-schema";
import { BALLOT_METHODS } from "~/domain/ballots/rules";

type Meta = FieldMetadata<any, any, any>;

/**
 * The ballot method, its limits and the counting rule: in the new-cycle form and the cycle's rules form.
 * `underHeading`: a heading above already says what this is, so the legend is for screen readers only.
 */
export function BallotRulesFields({ fields, underHeading = false }: { fields: Record<"ballotMethod" | "minSpendPercent" | "minApprovals" | "maxApprovals" | "maxRanks" | "tallyRule", Meta>; underHeading?: boolean }) {
  const { t } = useTranslation();
  // With JavaScript, only the chosen method's limits show (they still go with the form, as typed);
  // without it every field shows, each labelled with its method. A field with an error always shows.
  // The select itself is read (not the form library's state, which only some forms here keep live).
  const [method, setMethod] = useState<string | null>(null);
  const selectId = fields.ballotMethod.id;
  useEffect(() => {
    const select = document.getElementById(selectId);
    if (!(select instanceof HTMLSelectElement)) return;
    const read = () => setMethod(select.value);
    read();
    select.addEventListener("change", read);
    return () => select.removeEventListener("change", read);
  }, [selectId]);
  const scripted = method !== null;
  const forMethod = (m: string, meta: Meta, field: ReactNode) => (
    <div hidden={scripted && method !== m && !meta.errors?.length}>{field}</div>
  );
  return (
    <fieldset>
      <legend className={underHeading ? "sr-only" : undefined}>{t("admin:rulesFields.legend")}</legend>
      <SelectField meta={fields.ballotMethod} label={t("admin:rulesFields.ballotMethod")} options={BALLOT_METHODS.map((m) => ({ value: m, label: t(BALLOT_METHOD_KEYS[m]) }))} />
      {forMethod("knapsack", fields.minSpendPercent, <TextField meta={fields.minSpendPercent} label={t("admin:rulesFields.minSpendPercent")} hint={t("admin:rulesFields.minSpendPercentHint")} type="number" />)}
      {forMethod("approval", fields.minApprovals, <TextField meta={fields.minApprovals} label={t("admin:rulesFields.minApprovals")} type="number" />)}
      {forMethod("approval", fields.maxApprovals, <TextField meta={fields.maxApprovals} label={t("admin:rulesFields.maxApprovals")} type="number" />)}
      {forMethod("ranked", fields.maxRanks, <TextField meta={fields.maxRanks} label={t("admin:rulesFields.maxRanks")} type="number" />)}
      <SelectField meta={fields.tallyRule} label={t("admin:rulesFields.tallyRule")} options={TALLY_RULES.map((r) => ({ value: r, label: t(TALLY_RULE_KEYS[r]) }))} />
    </fieldset>
  );
}
