import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { localeOf } from "~/i18n/i18n.server";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { FieldErrors, FormErrors, Notice, TextareaField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { cyclePhase, getCycle, partsInUse, updateCycleDetails } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { cycleEditInput } from "~/domain/cycles/schema";
import { redirectWithDone, takeDone } from "~/flash.server";
import { formReply } from "~/http.server";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:details.metaTitle");

async function guard(request: Request, slug: string | undefined) {
  const actor = await getActor(request);
  // Asked before the cycle is looked up, so a refusal says nothing about which cycles exist.
  authorize(request, actor, cyclePermissions.editDetails(actor), message("admin:errors.onlyOfficeCreates"));
  const cycle = slug ? await getCycle({ slug }) : null;
  if (!cycle) throw new Response(message("admin:errors.cycleNotFound"), { status: 404 });
  return { actor: actor!, cycle, phase: cyclePhase(cycle), addingOpen: cyclePermissions.addDistricts(actor, { phase: cyclePhase(cycle) }) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, cycle, phase, addingOpen } = await guard(request, params.slug);
  const [flash, inUse] = await Promise.all([takeDone(request), partsInUse(cycle.id)]);
  const mayRemove = (inUseIds: Set<string>) => (part: { id: string }) => cyclePermissions.removeDistrictOrCategory(actor, { phase }, { inUse: inUseIds.has(part.id) });
  return data(
    {
      cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency },
      addingOpen,
      saved: "saved" in flash.done,
      staleTranslations: Number(flash.done.staleTranslations) || 0,
      budgets: Object.fromEntries(cycle.districts.map((d) => [d.id, d.budgetCents])),
      removable: [...cycle.districts.filter(mayRemove(inUse.districtIds)), ...cycle.categories.filter(mayRemove(inUse.categoryIds))].map((x) => x.id),
      defaults: {
        name: cycle.name,
        description: cycle.description,
        districts: cycle.districts.map((d) => ({ id: d.id, name: d.name })),
        categories: cycle.categories.map((c) => ({ id: c.id, name: c.name })),
      },
    },
    { headers: flash.headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle, addingOpen } = await guard(request, params.slug);
  const submission = parseWithZod(await readForm(request), { schema: cycleEditInput(addingOpen) });
  if (submission.status !== "success") return formReply(submission);
  const saved = await updateCycleDetails(cycle.id, submission.value, actor, await localeOf(request));
  if (!saved.ok) return formReply(submission, { fieldErrors: { [saved.field]: [saved.error] } });
  return redirectWithDone(request, `/admin/cycles/${cycle.slug}/details`, { saved: "1", staleTranslations: String(saved.staleTranslations) });
}

export default function CycleDetails() {
  const { defaults } = useLoaderData<typeof loader>();
  // A new form once saved: the new district and categories become fields of their own.
  return <DetailsForm key={JSON.stringify(defaults)} />;
}

function DetailsForm() {
  const { cycle, addingOpen, saved, staleTranslations, budgets, removable, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<ReturnType<typeof cycleEditInput>>>({
    lastResult,
    defaultValue: defaults,
  });
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="narrow">
      <p><Link to={`/admin/cycles/${cycle.slug}`}>{t("admin:details.back", { cycle: cycle.name })}</Link></p>
      <h1>{t("admin:details.title")}</h1>
      <p>{t("admin:details.intro")}</p>
      {saved && !lastResult ? (
        <Notice tone="success">
          {t("admin:details.saved")}
          {staleTranslations > 0 ? ` ${t("admin:details.translationsRemoved", { count: staleTranslations })}` : null}
        </Notice>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("admin:newCycle.name")} />
        <TextareaField meta={fields.description} label={t("admin:newCycle.description")} rows={3} />
        <fieldset>
          <legend>{t("admin:details.districts")}</legend>
          <p className="hint">
            {t("admin:details.budgetsHint")} <Link to={`/admin/cycles/${cycle.slug}/split`}>{t("participation:dashboard.splitLink")}</Link>
          </p>
          {fields.districts.getFieldList().map((district, index) => {
            const d = district.getFieldset();
            const id = String(d.id.initialValue ?? d.id.value ?? "");
            return (
              <div key={district.key}>
                <input {...getInputProps(d.id, { type: "hidden" })} key={d.id.key} />
                <TextField
                  meta={d.name}
                  label={t("admin:details.districtName", { number: index + 1 })}
                  hint={id in budgets ? t("admin:details.districtBudget", { budget: f.money(budgets[id], cycle.currency) }) : undefined}
                />
                {removable.includes(id) ? <RemoveBox meta={d.remove} label={t("admin:details.removeDistrict", { number: index + 1 })} /> : null}
              </div>
            );
          })}
          <FieldErrors id={fields.districts.errorId} errors={fields.districts.errors} />
          {addingOpen ? (
            <>
              <TextField meta={fields.newDistrictName} label={t("admin:details.newDistrictName")} hint={t("admin:details.newDistrictHint")} />
              <TextField meta={fields.newDistrictBudget} label={t("admin:details.newDistrictBudget")} hint={t("admin:newCycle.budgetHint")} />
            </>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t("admin:details.categories")}</legend>
          {fields.categories.getFieldList().map((category, index) => {
            const c = category.getFieldset();
            return (
              <div key={category.key}>
                <input {...getInputProps(c.id, { type: "hidden" })} key={c.id.key} />
                <TextField meta={c.name} label={t("admin:details.categoryName", { number: index + 1 })} />
                {removable.includes(String(c.id.initialValue ?? c.id.value ?? "")) ? <RemoveBox meta={c.remove} label={t("admin:details.removeCategory", { number: index + 1 })} /> : null}
              </div>
            );
          })}
          {addingOpen ? <TextareaField meta={fields.newCategories} label={t("admin:details.newCategories")} hint={t("admin:newCycle.categoriesHint")} rows={3} /> : null}
          <FieldErrors id={fields.categories.errorId} errors={fields.categories.errors} />
        </fieldset>
        {addingOpen ? null : <p className="hint">{t("admin:details.addingClosed")}</p>}
        <button type="submit" className="button">{t("admin:details.submit")}</button>
      </Form>
    </div>
  );
}

/** A district or category nothing points at yet may be removed with the rest of the form. */
function RemoveBox({ meta, label }: { meta: FieldMetadata<string | undefined>; label: string }) {
  const { key, ...props } = getInputProps(meta, { type: "checkbox", value: "on" });
  return (
    <div className="field checkbox">
      <input key={key} {...props} />
      <label htmlFor={meta.id}>{label}</label>
    </div>
  );
}
