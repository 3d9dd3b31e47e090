import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FormErrors, Notice, TextareaField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { redirectWithDone, takeDone } from "~/flash.server";
import { cycleCriteria, saveCriteria } from "~/db/costing.server";
import { cyclePhase, getCycle } from "~/db/cycles.server";
import { criteriaInput, criterionLabel } from "~/domain/costing/estimate";
import { costingPermissions } from "~/domain/costing/permissions";
import { formReply } from "~/http.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "costing:criteria.metaTitle");

/** The PB office reads the checklist in any phase; `edit` also asks that it may still be changed. */
async function guard(request: Request, slug: string | undefined, edit: boolean) {
  const actor = await getActor(request);
  // Asked before the cycle is looked up, so a refusal says nothing about which cycles exist.
  authorize(request, actor, costingPermissions.viewCriteria(actor), message("costing:errors.criteriaForbidden"));
  const cycle = slug ? await getCycle({ slug }) : null;
  if (!cycle) throw new Response(message("proposals:errors.notFound"), { status: 404 });
  const canEdit = costingPermissions.editCriteria(actor, { phase: cyclePhase(cycle) });
  if (edit) authorize(request, actor, canEdit, message("costing:errors.criteriaFixed"));
  return { actor: actor!, cycle, canEdit };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle, canEdit } = await guard(request, params.slug, false);
  const [criteria, flash] = await Promise.all([cycleCriteria(cycle.id), takeDone(request)]);
  return data({
    cycle: { slug: cycle.slug, name: cycle.name },
    canEdit,
    // Said once after saving: not again on a reload, nor beside a later refused form.
    saved: "saved" in flash.done,
    criteria: criteria.map((c) => ({ label: c.label, kind: c.kind })),
    defaults: {
      criteria: criteria.filter((c) => c.kind !== "district_budget").map((c) => c.label).join("\n"),
      budgetCheck: criteria.some((c) => c.kind === "district_budget") ? "on" : undefined,
    },
  }, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug, true);
  const submission = parseWithZod(await readForm(request), { schema: criteriaInput });
  if (submission.status !== "success") return formReply(submission);
  const { criteria, budgetCheck } = submission.value;
  const saved = await saveCriteria(
    cycle.id,
    [...criteria.map((label) => ({ label, kind: "manual" })), ...(budgetCheck ? [{ label: "Cost within the district budget", kind: "district_budget" }] : [])],
    actor,
  );
  // Costing ended between the page's check and the save.
  if (!saved) throw new Response(message("costing:errors.criteriaFixed"), { status: 409 });
  return redirectWithDone(request, `/admin/cycles/${cycle.slug}/criteria`, { saved: "1" });
}

export default function CriteriaPage() {
  const { cycle, canEdit, criteria, defaults, saved } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const heading = (
    <>
      <p><Link to={`/admin/cycles/${cycle.slug}`}>{t("costing:criteria.back")}</Link></p>
      <h1>{t("costing:criteria.title", { cycle: cycle.name })}</h1>
    </>
  );
  if (!canEdit) {
    return (
      <>
        {heading}
        <p>{t("costing:criteria.fixed")}</p>
        <ul>{criteria.map((c) => <li key={c.label}>{criterionLabel(c, t)}</li>)}</ul>
      </>
    );
  }
  return <CriteriaForm defaults={defaults} saved={saved} heading={heading} />;
}

function CriteriaForm({ defaults, saved, heading }: { defaults: { criteria: string; budgetCheck?: string }; saved: boolean; heading: ReactNode }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, defaultValue: defaults, onValidate: ({ formData }) => parseWithZod(formData, { schema: criteriaInput }) });
  const { t } = useTranslation();
  return (
    <>
      {heading}
      {saved && !lastResult ? <Notice tone="success">{t("costing:criteria.saved")}</Notice> : null}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField meta={fields.criteria} label={t("costing:criteria.label")} hint={t("costing:criteria.intro")} rows={6} />
        <div className="field checkbox">
          <input {...getInputProps(fields.budgetCheck, { type: "checkbox" })} key={fields.budgetCheck.key} />
          <label htmlFor={fields.budgetCheck.id}>{t("costing:criteria.budgetCheck")}</label>
        </div>
        <button type="submit" className="button">{t("costing:criteria.submit")}</button>
      </Form>
    </>
  );
}
