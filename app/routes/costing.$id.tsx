import { getFieldsetProps, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FieldErrors, FormErrors, TextareaField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { saveCostEstimate } from "~/db/costing.server";
import { costEstimateInput, estimateTotal } from "~/domain/costing/estimate";
import { centsToInput, formatMoney, moneyToCents } from "~/domain/money";
import { loadProposalForCosting } from "~/guards.server";

export const meta: MetaFunction = () => [{ title: "Cost estimate · Civic Budget" }];

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
      <p><Link to="/costing">← Costing queue</Link></p>
      <h1>Cost estimate for proposal #{proposal.number}</h1>
      <section className="card">
        <h2>{proposal.title}</h2>
        <p className="meta">{proposal.district} — district budget {formatMoney(proposal.districtBudgetCents, proposal.currency)}</p>
        <p className="prose">{proposal.description}</p>
      </section>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset>
          <legend>Line items</legend>
          <div className="table-scroll">
            <table className="line-items">
              <thead>
                <tr><th scope="col">Description</th><th scope="col">Quantity</th><th scope="col">Unit cost ({proposal.currency})</th><th scope="col" className="num">Line total</th><th scope="col"><span className="sr-only">Remove</span></th></tr>
              </thead>
              <tbody>
                {items.map((item, index) => {
                  const f = item.getFieldset();
                  const line = (Number(f.quantity.value) || 0) * (moneyToCents(String(f.unitCost.value ?? "")) ?? 0);
                  return (
                    <tr key={item.key} {...getFieldsetProps(item)}>
                      <td>
                        <label className="sr-only" htmlFor={f.description.id}>Description of item {index + 1}</label>
                        <input {...getInputProps(f.description, { type: "text" })} key={f.description.key} />
                        <FieldErrors id={f.description.errorId} errors={f.description.errors} />
                      </td>
                      <td>
                        <label className="sr-only" htmlFor={f.quantity.id}>Quantity of item {index + 1}</label>
                        <input {...getInputProps(f.quantity, { type: "text" })} key={f.quantity.key} inputMode="numeric" size={5} />
                        <FieldErrors id={f.quantity.errorId} errors={f.quantity.errors} />
                      </td>
                      <td>
                        <label className="sr-only" htmlFor={f.unitCost.id}>Unit cost of item {index + 1}</label>
                        <input {...getInputProps(f.unitCost, { type: "text" })} key={f.unitCost.key} inputMode="decimal" size={9} />
                        <FieldErrors id={f.unitCost.errorId} errors={f.unitCost.errors} />
                      </td>
                      <td className="num">{formatMoney(line, proposal.currency)}</td>
                      <td>
                        {items.length > 1 ? (
                          <button className="link-button" {...form.remove.getButtonProps({ name: fields.items.name, index })}>
                            Remove<span className="sr-only"> item {index + 1}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>Total (computed)</th>
                  <td className="num" aria-live="polite"><strong data-testid="estimate-total">{formatMoney(total, proposal.currency)}</strong></td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <FieldErrors id={fields.items.errorId} errors={fields.items.errors} />
          <p className="actions">
            <button className="button-secondary" {...form.insert.getButtonProps({ name: fields.items.name, defaultValue: { description: "", quantity: "1", unitCost: "" } })}>
              Add a line item
            </button>
            <button className="button-secondary" {...form.validate.getButtonProps()}>Recalculate total</button>
          </p>
          {total > proposal.districtBudgetCents ? (
            <p className="error">This total is above the district budget: voters could never fund it.</p>
          ) : null}
        </fieldset>
        <fieldset aria-describedby={fields.verdict.errorId}>
          <legend>Verdict</legend>
          {[
            ["feasible", "Feasible: can go on the ballot"],
            ["not_feasible", "Not feasible"],
          ].map(([value, label]) => (
            <div key={value}>
              <input type="radio" id={`verdict-${value}`} name={fields.verdict.name} value={value} defaultChecked={fields.verdict.initialValue === value} />{" "}
              <label htmlFor={`verdict-${value}`}>{label}</label>
            </div>
          ))}
          <FieldErrors id={fields.verdict.errorId} errors={fields.verdict.errors} />
        </fieldset>
        <TextareaField meta={fields.publicReason} label="Public explanation" hint="Residents and delegates will read this. Say why, in plain language." rows={4} />
        <button type="submit" className="button">Save estimate and verdict</button>
      </Form>
    </>
  );
}
