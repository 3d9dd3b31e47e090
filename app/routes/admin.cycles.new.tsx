import { useRef } from "react";
import { localeOf } from "~/i18n/i18n.server";
import { getFieldsetProps, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { BallotRulesFields } from "~/components/ballot-rules-fields";
import { FieldErrors, FormErrors, TextareaField, TextField } from "~/components/forms";
import { KeptDraftNotice, keptValue, useKeptDraft } from "~/components/kept-draft";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { createCycle, slugTaken } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { createCycleInput } from "~/domain/cycles/schema";
import { DEFAULT_BALLOT_RULES, stringValues } from "~/domain/cycles/rules-schema";
import type { z } from "zod";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "admin:newCycle.metaTitle");

async function guard(request: Request) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), message("admin:errors.onlyOfficeCreates"));
  return actor!;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await guard(request);
  const formData = await readForm(request);
  const submission = await parseWithZod(formData, {
    schema: createCycleInput.superRefine(async (data, ctx) => {
      if (await slugTaken(data.slug)) ctx.addIssue({ code: "custom", path: ["slug"], message: message("admin:errors.slugTaken") });
      const names = data.districts.map((d) => d.name.toLowerCase());
      names.forEach((n, i) => {
        if (names.indexOf(n) !== i) ctx.addIssue({ code: "custom", path: ["districts", i, "name"], message: message("admin:errors.duplicateDistrict") });
      });
    }),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission);
  const cycle = await createCycle(submission.value, actor, await localeOf(request));
  return redirect(`/admin/cycles/${cycle.slug}?created=1`);
}

export default function NewCycle() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof createCycleInput>>({
    lastResult,
    defaultValue: { currency: "USD", ...stringValues(DEFAULT_BALLOT_RULES), districts: [{ name: "", budget: "", population: "" }] },
    shouldRevalidate: "onBlur",
  });
  const districts = fields.districts.getFieldList();
  // Kept in the tab until the cycle is made: a sign-in that ended loses none of the districts typed.
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useKeptDraft(formRef, "cycle-new", { restore: (kept) => form.update({ value: keptValue(kept) }) });
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("admin:newCycle.title")}</h1>
      <p>{t("admin:newCycle.intro")}</p>
      <Form method="post" {...getFormProps(form)} ref={formRef}>
        <AuthenticityTokenInput />
        <KeptDraftNotice {...draft} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("admin:newCycle.name")} hint={t("admin:newCycle.nameHint")} />
        <TextField meta={fields.slug} label={t("admin:newCycle.slug")} hint={t("admin:newCycle.slugHint")} />
        <TextareaField meta={fields.description} label={t("admin:newCycle.description")} rows={3} />
        <TextField meta={fields.currency} label={t("admin:newCycle.currency")} />
        <TextField meta={fields.votingOpensOn} label={t("admin:newCycle.votingOpens")} type="date" />
        <TextField meta={fields.votingClosesOn} label={t("admin:newCycle.votingCloses")} type="date" />
        <fieldset>
          <legend>{t("admin:newCycle.districts")}</legend>
          {districts.map((district, index) => {
            const f = district.getFieldset();
            return (
              <fieldset key={district.key} {...getFieldsetProps(district)}>
                <legend>{t("admin:newCycle.district", { number: index + 1 })}</legend>
                <TextField meta={f.name} label={t("admin:newCycle.districtName")} />
                <TextField meta={f.budget} label={t("admin:newCycle.budget")} hint={t("admin:newCycle.budgetHint")} />
                <TextField meta={f.population} label={t("admin:newCycle.population")} />
                {districts.length > 1 ? (
                  <button className="link-button" {...form.remove.getButtonProps({ name: fields.districts.name, index })}>
                    {t("admin:newCycle.removeDistrict", { number: index + 1 })}
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          <FieldErrors id={fields.districts.errorId} errors={fields.districts.errors} />
          <button className="button-secondary" {...form.insert.getButtonProps({ name: fields.districts.name, defaultValue: { name: "", budget: "", population: "" } })}>
            {t("admin:newCycle.addDistrict")}
          </button>
        </fieldset>
        <TextareaField meta={fields.categories} label={t("admin:newCycle.categories")} hint={t("admin:newCycle.categoriesHint")} rows={4} />
        <BallotRulesFields fields={fields} />
        <button type="submit" className="button">{t("admin:newCycle.submit")}</button> <Link to="/admin">{t("common:form.cancel")}</Link>
      </Form>
    </div>
  );
}
