import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FieldErrors, FormErrors, Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { cyclePhase, getCycle } from "~/db/cycles.server";
import { applyBudgetSplit } from "~/db/participation.server";
import { centsToInput, moneyToCents } from "~/domain/money";
import { participationPermissions } from "~/domain/participation/permissions";
import { equitySplit, needWeightToInput, parseNeedWeight, parsePopulation } from "~/domain/participation/split";
import { PHASE_KEYS } from "~/domain/cycles/phases";
import { message } from "~/i18n/message";
import { useFormat } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "participation:split.pageTitle");

async function guard(request: Request, slug: string | undefined) {
  const actor = await getActor(request);
  authorize(request, actor, participationPermissions.previewSplit(actor), "participation:split.forbidden");
  const cycle = slug ? await getCycle({ slug }) : null;
  if (!cycle) throw new Response(message("admin:errors.cycleNotFound"), { status: 404 });
  return { actor: actor!, cycle };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const phase = cyclePhase(cycle);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency, phase },
    canApply: participationPermissions.applySplit(actor, cycle),
    total: centsToInput(cycle.districts.reduce((s, d) => s + d.budgetCents, 0)),
    districts: cycle.districts.map((d) => ({ id: d.id, name: d.name, budgetCents: d.budgetCents, population: String(d.population), weight: needWeightToInput(d.needWeight) })),
  };
}

type Values = { total: string; population: Record<string, string>; weight: Record<string, string> };
type Answer = { values: Values; errors: Record<string, string>; formError?: string; shares?: number[] };

function readSplitForm(formData: FormData, districts: readonly { id: string }[]) {
  const values: Values = { total: String(formData.get("total") ?? ""), population: {}, weight: {} };
  const errors: Record<string, string> = {};
  const totalCents = moneyToCents(values.total);
  if (totalCents === null) errors.total = message("participation:split.errors.total");
  const parsed = districts.map((d) => {
    values.population[d.id] = String(formData.get(`population-${d.id}`) ?? "");
    values.weight[d.id] = String(formData.get(`weight-${d.id}`) ?? "");
    const population = parsePopulation(values.population[d.id]);
    const needWeight = parseNeedWeight(values.weight[d.id]);
    if (population === null) errors[`population-${d.id}`] = message("participation:split.errors.population");
    if (needWeight === null) errors[`weight-${d.id}`] = message("participation:split.errors.weight");
    return { id: d.id, population: population ?? 0, needWeight: needWeight ?? 0 };
  });
  return { values, errors, totalCents: totalCents ?? 0, parsed };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent !== "preview" && intent !== "apply") throw new Response(message("admin:errors.unknownAction"), { status: 400 });
  if (intent === "apply") {
    // Asked here and again inside the transaction (voting may open meanwhile).
    authorize(request, actor, participationPermissions.applySplit(actor, cycle), message("participation:split.errors.phase"));
  }
  const { values, errors, totalCents, parsed } = readSplitForm(formData, cycle.districts);
  if (Object.keys(errors).length) return data({ values, errors } satisfies Answer, { status: 400 });
  if (intent === "preview") {
    const split = equitySplit(totalCents, parsed);
    if (!split.ok) return data({ values, errors, formError: split.error } satisfies Answer, { status: 400 });
    return { values, errors, shares: split.shares } satisfies Answer;
  }
  const applied = await applyBudgetSplit(cycle.id, totalCents, parsed, actor);
  if (!applied.ok) {
    const formError = applied.error ?? (applied.reason === "phase" ? message("participation:split.errors.phase") : message("participation:split.errors.districts"));
    return data({ values, errors, formError } satisfies Answer, { status: applied.reason === "split" ? 400 : 409 });
  }
  return redirect(`/admin/cycles/${cycle.slug}/split?notice=applied`);
}

export default function BudgetSplit() {
  const { t } = useTranslation();
  const f = useFormat();
  const { cycle, canApply, total, districts } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const [params] = useSearchParams();
  const values = answer?.values;
  const errors = answer?.errors ?? {};
  const money = (cents: number) => f.money(cents, cycle.currency);
  const shares = answer?.shares;
  const sum = shares?.reduce((a, b) => a + b, 0) ?? 0;
  const field = (name: string, label: string, defaultValue: string, hint?: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? <p id={`${name}-hint`} className="hint">{hint}</p> : null}
      <input
        id={name}
        name={name}
        type="text"
        inputMode="decimal"
        defaultValue={defaultValue}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      <FieldErrors id={`${name}-error`} errors={errors[name] ? [errors[name]] : undefined} />
    </div>
  );
  return (
    <>
      <p><Link to={`/participation?cycle=${cycle.slug}`}>{t("participation:split.back")}</Link></p>
      <h1>{t("participation:split.title", { cycle: cycle.name })}</h1>
      {params.get("notice") === "applied" && !answer ? <Notice tone="success">{t("participation:split.applied")}</Notice> : null}
      <p>{t("participation:split.intro")}</p>
      {canApply ? null : <p className="alert">{t("participation:split.locked", { phase: t(PHASE_KEYS[cycle.phase]) })}</p>}
      <Form method="post">
        <AuthenticityTokenInput />
        <FormErrors id="split-errors" errors={answer?.formError ? [answer.formError] : undefined} />
        {field("total", t("participation:split.total", { currency: cycle.currency }), values?.total ?? total)}
        <div className="grid-2">
          {districts.map((d) => (
            <fieldset key={d.id}>
              <legend>{d.name}</legend>
              {field(`population-${d.id}`, t("participation:split.population", { district: d.name }), values?.population[d.id] ?? d.population)}
              {field(`weight-${d.id}`, t("participation:split.weight", { district: d.name }), values?.weight[d.id] ?? d.weight, t("participation:split.weightHint"))}
            </fieldset>
          ))}
        </div>
        <p className="actions">
          <button type="submit" name="intent" value="preview" className="button-secondary">{t("participation:split.preview")}</button>
        </p>
        {shares ? (
          <section aria-labelledby="preview-heading" className="card" role="status">
            <h2 id="preview-heading">{t("participation:split.previewHeading")}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("participation:split.district")}</th>
                    <th scope="col" className="num">{t("participation:split.populationColumn")}</th>
                    <th scope="col" className="num">{t("participation:split.weightColumn")}</th>
                    <th scope="col" className="num">{t("participation:split.current")}</th>
                    <th scope="col" className="num">{t("participation:split.share")}</th>
                    <th scope="col" className="num">{t("participation:split.budget")}</th>
                  </tr>
                </thead>
                <tbody>
                  {districts.map((d, i) => (
                    <tr key={d.id}>
                      <th scope="row">{d.name}</th>
                      <td className="num">{f.number(parsePopulation(values?.population[d.id] ?? "") ?? 0)}</td>
                      <td className="num">{values?.weight[d.id]}</td>
                      <td className="num">{money(d.budgetCents)}</td>
                      <td className="num">{f.percent(sum ? shares[i] / sum : 0, 1)}</td>
                      <td className="num" data-testid={`share-${d.name}`}>{money(shares[i])}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr><th scope="row" colSpan={5}>{t("participation:split.sum")}</th><td className="num">{money(sum)}</td></tr>
                </tfoot>
              </table>
            </div>
            {canApply ? (
              <p><button type="submit" name="intent" value="apply" className="button">{t("participation:split.apply")}</button></p>
            ) : null}
          </section>
        ) : null}
      </Form>
    </>
  );
}
