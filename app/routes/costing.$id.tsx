import { getFieldsetProps, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FieldErrors, FormErrors, TextareaField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { saveCostEstimate } from "~/db/costing.server";
import { costEstimateInput, estimateTotal } from "~/domain/costing/estimate";
import { centsToInput, moneyToCents } from "~/domain/money";
import { loadProposalForCosting } from "~/guards.server";
import { useFormat } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "costing:form.metaTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await loadProposalForCosting(request, params.id);
  const latest = proposal.costEstimates[0];
  return {
    proposal: {
      id: proposal.id,
      number: proposal.number,
      title: proposal.title,
      description: proposal.description,
      district: proposal.district.name,
      districtBudgetCents: proposal.district.budgetCents,
      currency: proposal.cycle.currency,
    },
    // Start from the latest estimate, so a re-estimate only changes what changed.
    defaults: latest
      ? {
          items: latest.lineItems.map((li) => ({ description: li.description, quantity: String(li.quantity), unitCost: centsToInput(li.unitCostCents) })),
          verdict: latest.feasible ? "feasible" : "not_feasible",
          publicReason: latest.publicReason,
        }
      : { items: [{ description: "", quantity: "1", unitCost: "" }], verdict: "", publicReason: "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal } = await loadProposalForCosting(request, params.id);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: costEstimateInput });
  // Adding or removing a line item (no JavaScript needed) also comes back here.
  if (submission.status !== "success") return formReply(submission);
  await saveCostEstimate(proposal.id, submission.value, actor);
  return redirect(`/proposals/${proposal.id}?costed=1`);
}

export default function CostEstimatePage() {
  const { proposal, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: costEstimateInput }),
  });
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = fields.items.getFieldList();
  // The total is always computed from the line items, never typed.
  const total = estimateTotal(
    items.map((item) => {
      const v = item.getFieldset();
      return { quantity: Number(v.quantity.value) || 0, unitCostCents: moneyToCents(String(v.unitCost.value ?? "")) ?? 0 };
    }),
  );
  return (
    <>
      <p><Link to="/costing">{t("costing:form.back")}</Link></p>
      <h1>{t("costing:form.title", { number: proposal.number })}</h1>
      <section className="card">
        <h2>{proposal.title}</h2>
        <p className="meta">{t("costing:form.districtBudget", { district: proposal.district, budget: fmt.money(proposal.districtBudgetCents, proposal.currency) })}</p>
        <p className="prose">{proposal.description}</p>
      </section>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset>
          <legend>{t("costing:form.lineItems")}</legend>
          <div className="table-scroll">
            <table className="line-items">
              <thead>
                <tr>
                  <th scope="col">{t("costing:form.description")}</th>
                  <th scope="col">{t("costing:form.quantity")}</th>
                  <th scope="col">{t("costing:form.unitCost", { currency: proposal.currency })}</th>
                  <th scope="col" className="num">{t("costing:form.lineTotal")}</th>
                  <th scope="col"><span className="sr-only">{t("costing:form.remove")}</span></th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => {
                  const f = item.getFieldset();
                  const line = (Number(f.quantity.value) || 0) * (moneyToCents(String(f.unitCost.value ?? "")) ?? 0);
                  return (
                    <tr key={item.key} {...getFieldsetProps(item)}>
                      <td>
                        <label className="sr-only" htmlFor={f.description.id}>{t("costing:form.itemDescription", { number: index + 1 })}</label>
                        <input {...getInputProps(f.description, { type: "text" })} key={f.description.key} />
                        <FieldErrors id={f.description.errorId} errors={f.description.errors} />
                      </td>
                      <td>
                        <label className="sr-only" htmlFor={f.quantity.id}>{t("costing:form.itemQuantity", { number: index + 1 })}</label>
                        <input {...getInputProps(f.quantity, { type: "text" })} key={f.quantity.key} inputMode="numeric" size={5} />
                        <FieldErrors id={f.quantity.errorId} errors={f.quantity.errors} />
                      </td>
                      <td>
                        <label className="sr-only" htmlFor={f.unitCost.id}>{t("costing:form.itemUnitCost", { number: index + 1 })}</label>
                        <input {...getInputProps(f.unitCost, { type: "text" })} key={f.unitCost.key} inputMode="decimal" size={9} />
                        <FieldErrors id={f.unitCost.errorId} errors={f.unitCost.errors} />
                      </td>
                      <td className="num">{fmt.money(line, proposal.currency)}</td>
                      <td>
                        {items.length > 1 ? (
                          <button className="link-button" {...form.remove.getButtonProps({ name: fields.items.name, index })}>
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
                  <th scope="row" colSpan={3}>{t("costing:form.total")}</th>
                  <td className="num" aria-live="polite"><strong data-testid="estimate-total">{fmt.money(total, proposal.currency)}</strong></td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <FieldErrors id={fields.items.errorId} errors={fields.items.errors} />
          <p className="actions">
            <button className="button-secondary" {...form.insert.getButtonProps({ name: fields.items.name, defaultValue: { description: "", quantity: "1", unitCost: "" } })}>
              {t("costing:form.addLine")}
            </button>
            <button className="button-secondary" {...form.validate.getButtonProps()}>{t("costing:form.recalculate")}</button>
          </p>
          {total > proposal.districtBudgetCents ? (
            <p className="error">{t("costing:form.overBudget")}</p>
          ) : null}
        </fieldset>
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
    </>
  );
}
