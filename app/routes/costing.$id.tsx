import { useEffect, useRef } from "react";
import { getFieldsetProps, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FieldErrors, FormErrors, latestOf, TextareaField } from "~/components/forms";
import { KeptDraftNotice, keptValue, useKeptDraft } from "~/components/kept-draft";
import { readForm } from "~/csrf.server";
import { formReply, saveUnlessChangedMeanwhile } from "~/http.server";
import { readBasedOn } from "~/db/changed-meanwhile.server";
import { cycleCriteria, estimateHistory, latestEstimate, saveCostEstimate } from "~/db/costing.server";
import { serverT } from "~/i18n/i18n.server";
import { budgetOutcome, costEstimateInput, criterionLabel, recalculateInput, typedEstimate } from "~/domain/costing/estimate";
import { EstimateHistory } from "~/components/estimate";
import { centsToInput } from "~/domain/money";
import { loadProposalForCosting } from "~/guards.server";
import { costingPermissions } from "~/domain/costing/permissions";
import { commentTarget, commentThread } from "~/db/comments.server";
import { CommentThread } from "~/components/comments";
import { useFormat } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "costing:form.title", { number: data.proposal.number }) : pageTitle(matches, "costing:form.metaTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, actor, phase } = await loadProposalForCosting(request, params.id);
  // The delegates' questions to the costing staff, where the staff cost it (answered from here too).
  const target = await commentTarget("proposal", proposal.id);
  const [latest, criteria, history, questions] = await Promise.all([
    latestEstimate(proposal.id),
    cycleCriteria(proposal.cycleId),
    estimateHistory(proposal.id),
    target ? commentThread(actor, target, "costing") : null,
  ]);
  const t = await serverT(request);
  return {
    questions,
    canHandBack: costingPermissions.handBack(actor, { phase }, proposal),
    proposal: {
      id: proposal.id,
      number: proposal.number,
      title: proposal.title,
      description: proposal.description,
      district: proposal.district.name,
      districtBudgetCents: proposal.district.budgetCents,
      currency: proposal.cycle.currency,
      /** The estimate version this form starts from (0: none yet), sent back with it. */
      estimateVersion: latest?.version ?? 0,
    },
    criteria: criteria.map((c) => ({ id: c.id, label: criterionLabel(c, t), kind: c.kind })),
    history: history.map((h) => ({ version: h.version, totalCents: h.totalCents, recurringCents: h.recurringCents, feasible: h.feasible, createdAt: h.createdAt.toISOString(), staffName: h.staffName })),
    // Start from the latest estimate, so a re-estimate only changes what changed.
    defaults: {
      items: latest
        ? latest.lineItems.map((li) => ({ description: li.description, quantity: String(li.quantity), unitCost: centsToInput(li.unitCostCents), recurring: li.recurring ? "on" : undefined }))
        : [{ description: "", quantity: "1", unitCost: "", recurring: undefined as string | undefined }],
      contingencyPercent: String(latest?.contingencyPercent ?? 10),
      checks: criteria
        .filter((c) => c.kind !== "district_budget")
        .map((c) => {
          const previous = latest?.checks.find((x) => x.criterionId === c.id);
          return { criterionId: c.id, outcome: previous?.outcome ?? "", note: previous?.note ?? "" };
        }),
      verdict: latest ? (latest.feasible ? "feasible" : "not_feasible") : "",
      publicReason: latest?.publicReason ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal } = await loadProposalForCosting(request, params.id);
  const formData = await readForm(request);
  const criteria = await cycleCriteria(proposal.cycleId);
  // "Recalculate total" (Conform's validate intent) checks only the figures typed so far: the person
  // asked for a total, not for errors on the verdict or the explanation they have not written yet.
  const submission = parseWithZod(formData, { schema: (intent) => (intent?.type === "validate" ? recalculateInput : costEstimateInput(criteria, proposal.district.budgetCents)) });
  // Adding or removing a line item (no JavaScript needed) also comes back here; an intent is answered
  // with the form, never saved (so a recalculation never has the full value to save).
  if (submission.status !== "success" || !("lineItems" in submission.value)) return formReply(submission);
  const estimate = submission.value;
  const { refused } = await saveUnlessChangedMeanwhile(
    () => saveCostEstimate(proposal.id, estimate, actor, readBasedOn(formData)),
    submission,
    "costing:errors.estimatedMeanwhile",
  );
  return refused ?? redirect(`/proposals/${proposal.id}?costed=1`);
}

export default function CostEstimatePage() {
  const { proposal, defaults, criteria, history, questions, canHandBack } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    // Checked on the server only: Conform's browser-side check dropped the per-criterion errors of the
    // checklist (nested list fields), while the server's answer shows every error next to its field.
  });
  // An estimate is long work: kept in the tab until saved (a sign-in that ended, a lost connection).
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useKeptDraft(formRef, `estimate:${proposal.id}`, { restore: (kept) => form.update({ value: keptValue(kept) }) });
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = fields.items.getFieldList();
  // The total is always computed from the line items, never typed; lines not valid yet are left out.
  const { lineCents, totals } = typedEstimate(
    items.map((item) => {
      const v = item.getFieldset();
      return { quantity: v.quantity.value, unitCost: v.unitCost.value, recurring: v.recurring.value === "on" };
    }),
    fields.contingencyPercent.value,
  );
  const total = totals.totalCents;
  useLineFocus(items.map((item) => ({ key: item.key!, descriptionId: item.getFieldset().description.id })));
  // Without JavaScript, the buttons that change the lines or the total reload the page: back at the lines.
  const toLineItems = `/costing/${proposal.id}#line-items`;
  const checks = fields.checks.getFieldList();
  const outcomeLabels = { met: t("costing:check.met"), not_met: t("costing:check.notMet"), not_applicable: t("costing:check.notApplicable") } as const;
  return (
    <>
      <p><Link to="/costing">{t("costing:form.back")}</Link></p>
      <h1>{t("costing:form.title", { number: proposal.number })}</h1>
      <section className="card">
        <h2>{proposal.title}</h2>
        <p className="meta">{t("costing:form.districtBudget", { district: proposal.district, budget: fmt.money(proposal.districtBudgetCents, proposal.currency) })}</p>
        <p className="prose">{proposal.description}</p>
      </section>
      {canHandBack ? <p><Link to={`/costing/${proposal.id}/hand-back`}>{t("costing:handBack.link")}</Link></p> : null}
      {questions ? <CommentThread thread={questions} /> : null}
      <Form method="post" {...getFormProps(form)} ref={formRef}>
        <AuthenticityTokenInput />
        <input type="hidden" name="basedOn" value={latestOf(lastResult) ?? proposal.estimateVersion} />
        <KeptDraftNotice {...draft} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset id="line-items">
          <legend>{t("costing:form.lineItems")}</legend>
          <div className="table-scroll">
            <table className="line-items stack-narrow">
              <thead>
                <tr>
                  <th scope="col">{t("costing:form.description")}</th>
                  <th scope="col">{t("costing:form.quantity")}</th>
                  <th scope="col">{t("costing:form.unitCost", { currency: proposal.currency })}</th>
                  <th scope="col">{t("costing:form.recurring")}</th>
                  <th scope="col" className="num">{t("costing:form.lineTotal")}</th>
                  <th scope="col"><span className="sr-only">{t("costing:form.remove")}</span></th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => {
                  const f = item.getFieldset();
                  const line = lineCents[index];
                  return (
                    <tr key={item.key} {...getFieldsetProps(item)}>
                      <td data-label={t("costing:form.description")}>
                        <label className="sr-only" htmlFor={f.description.id}>{t("costing:form.itemDescription", { number: index + 1 })}</label>
                        <input {...getInputProps(f.description, { type: "text" })} key={f.description.key} />
                        <FieldErrors id={f.description.errorId} errors={f.description.errors} />
                      </td>
                      <td data-label={t("costing:form.quantity")}>
                        <label className="sr-only" htmlFor={f.quantity.id}>{t("costing:form.itemQuantity", { number: index + 1 })}</label>
                        <input {...getInputProps(f.quantity, { type: "text" })} key={f.quantity.key} inputMode="numeric" size={5} />
                        <FieldErrors id={f.quantity.errorId} errors={f.quantity.errors} />
                      </td>
                      <td data-label={t("costing:form.unitCost", { currency: proposal.currency })}>
                        <label className="sr-only" htmlFor={f.unitCost.id}>{t("costing:form.itemUnitCost", { number: index + 1 })}</label>
                        <input {...getInputProps(f.unitCost, { type: "text" })} key={f.unitCost.key} inputMode="decimal" size={9} />
                        <FieldErrors id={f.unitCost.errorId} errors={f.unitCost.errors} />
                      </td>
                      <td data-label={t("costing:form.recurring")}>
                        <input {...getInputProps(f.recurring, { type: "checkbox" })} key={f.recurring.key} />{" "}
                        <label htmlFor={f.recurring.id}><span className="sr-only">{t("costing:form.itemRecurring", { number: index + 1 })} </span>{t("costing:form.perYear")}</label>
                      </td>
                      <td className="num" data-label={t("costing:form.lineTotal")}>{line === null ? "—" : fmt.money(line, proposal.currency)}</td>
                      <td>
                        {items.length > 1 ? (
                          <button className="link-button" {...form.remove.getButtonProps({ name: fields.items.name, index })} formAction={toLineItems}>
                            <Trans i18nKey="costing:form.removeItem" values={{ number: index + 1 }} components={{ sr: <span className="sr-only" /> }} />
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>{t("costing:form.oneOff")}</th>
                  <td className="num">{fmt.money(totals.oneOffCents, proposal.currency)}</td>
                  <td />
                </tr>
                <tr>
                  <th scope="row" colSpan={4}>
                    <label htmlFor={fields.contingencyPercent.id}>{t("costing:form.contingency")}</label>{" "}
                    <input {...getInputProps(fields.contingencyPercent, { type: "text" })} key={fields.contingencyPercent.key} inputMode="numeric" size={3} /> %
                    <FieldErrors id={fields.contingencyPercent.errorId} errors={fields.contingencyPercent.errors} />
                  </th>
                  <td className="num">{fmt.money(totals.contingencyCents, proposal.currency)}</td>
                  <td />
                </tr>
                <tr>
                  <th scope="row" colSpan={4}>{t("costing:form.total")}</th>
                  <td className="num"><strong data-testid="estimate-total">{fmt.money(total, proposal.currency)}</strong></td>
                  <td />
                </tr>
                <tr>
                  <th scope="row" colSpan={4}>{t("costing:form.recurringTotal")}</th>
                  <td className="num"><span data-testid="estimate-recurring">{fmt.money(totals.recurringCents, proposal.currency)}</span></td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <FieldErrors id={fields.items.errorId} errors={fields.items.errors} />
          {/* The totals as they change, said with what they are (the table's cells alone say a bare amount). */}
          <p className="sr-only" aria-live="polite">
            {t("costing:form.totalsSaid", { total: fmt.money(total, proposal.currency), recurring: fmt.money(totals.recurringCents, proposal.currency) })}
          </p>
          <p className="actions">
            <button className="button-secondary" {...form.insert.getButtonProps({ name: fields.items.name, defaultValue: { description: "", quantity: "1", unitCost: "", recurring: undefined } })} formAction={toLineItems}>
              {t("costing:form.addLine")}
            </button>
            <button className="button-secondary" {...form.validate.getButtonProps()} formAction={toLineItems}>{t("costing:form.recalculate")}</button>
          </p>
          {total > proposal.districtBudgetCents ? (
            <p className="error">{t("costing:form.overBudget")}</p>
          ) : null}
        </fieldset>
        {criteria.length ? (
          <fieldset {...getFieldsetProps(fields.checks)} aria-describedby={fields.checks.errorId}>
            <legend>{t("costing:check.legend")}</legend>
            <p className="hint">{t("costing:check.hint")}</p>
            <FieldErrors id={fields.checks.errorId} errors={fields.checks.errors} />
            {criteria.filter((c) => c.kind === "district_budget").map((c) => (
              <div key={c.id} className="check-row">
                <strong>{c.label}</strong>{" "}
                <span className={`status status-${budgetOutcome(total, proposal.districtBudgetCents) === "met" ? "feasible" : "not_feasible"}`}>
                  {outcomeLabels[budgetOutcome(total, proposal.districtBudgetCents)]}
                </span>{" "}
                <span className="muted">{t("costing:check.computed")}</span>
              </div>
            ))}
            {checks.map((check, index) => {
              const c = check.getFieldset();
              const criterion = criteria.find((x) => x.id === c.criterionId.initialValue);
              if (!criterion) return null;
              return (
                <fieldset key={check.key} {...getFieldsetProps(check)} className="check-row" aria-describedby={c.outcome.errorId}>
                  <legend>{criterion.label}</legend>
                  <input type="hidden" name={c.criterionId.name} value={criterion.id} />
                  {(["met", "not_met", "not_applicable"] as const).map((value) => (
                    <span key={value}>
                      <input type="radio" id={`${c.outcome.id}-${value}`} name={c.outcome.name} value={value} defaultChecked={c.outcome.initialValue === value} />{" "}
                      <label htmlFor={`${c.outcome.id}-${value}`}>{outcomeLabels[value]}</label>{" "}
                    </span>
                  ))}
                  <FieldErrors id={c.outcome.errorId} errors={c.outcome.errors} />
                  <div>
                    <label htmlFor={c.note.id}>{t("costing:check.note", { criterion: criterion.label })}</label>{" "}
                    <input {...getInputProps(c.note, { type: "text" })} key={c.note.key} size={50} />
                    <FieldErrors id={c.note.errorId} errors={c.note.errors} />
                  </div>
                </fieldset>
              );
            })}
          </fieldset>
        ) : null}
        <fieldset aria-describedby={fields.verdict.errorId}>
          <legend>{t("costing:form.verdict")}</legend>
          {[
            ["feasible", t("costing:form.feasible")],
            ["not_feasible", t("costing:form.notFeasible")],
          ].map(([value, label]) => (
            <div key={value}>
              <input type="radio" id={`verdict-${value}`} name={fields.verdict.name} value={value} defaultChecked={fields.verdict.initialValue === value} />{" "}
              <label htmlFor={`verdict-${value}`}>{label}</label>
            </div>
          ))}
          <FieldErrors id={fields.verdict.errorId} errors={fields.verdict.errors} />
        </fieldset>
        <TextareaField meta={fields.publicReason} label={t("costing:form.publicReason")} hint={t("costing:form.publicReasonHint")} rows={4} />
        <button type="submit" className="button">{t("costing:form.submit")}</button>
      </Form>
      <EstimateHistory history={history} currency={proposal.currency} />
    </>
  );
}

/**
 * Adding a line item moves focus to its description; removing one, to the line now in its place
 * (the button pressed is gone, and focus would fall back to the top of the page).
 */
function useLineFocus(lines: { key: string; descriptionId: string }[]) {
  const before = useRef(lines);
  useEffect(() => {
    const was = before.current;
    before.current = lines;
    if (lines.length === was.length) return;
    // Added: the new last line. Removed: the first place where the lines (by their stable keys) differ.
    const changed = was.findIndex((line, i) => line.key !== lines[i]?.key);
    const at = lines.length > was.length ? lines.length - 1 : Math.min(changed, lines.length - 1);
    document.getElementById(lines[at].descriptionId)?.focus();
  });
}
