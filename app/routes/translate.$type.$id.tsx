import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { Notice, SAVED_FORM, SelectField, TextareaField, TextField } from "~/components/forms";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";
import { readForm } from "~/csrf.server";
import { saveTranslation, translatableItem, translationsOf } from "~/db/translations.server";
import { isTranslatable, OFFICE_TEXTS, translationLockedReason, translationPermissions, type TranslatableType } from "~/domain/translations/permissions";
import { translatedFields, translationInputFor } from "~/domain/translations/schema";
import { formReply, requireState } from "~/http.server";
import { LOCALE_NAMES, LOCALES, localeName } from "~/i18n/config";
import { message } from "~/i18n/message";
import { useMessage } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "translations:metaTitle");

async function guard(request: Request, params: { type?: string; id?: string }) {
  const actor = await getActor(request);
  const type = isTranslatable(params.type) ? params.type : null;
  if (!type) throw new Response(message("translations:notFound"), { status: 404 });
  // Asked before looking the item up, so a refusal says nothing about which items exist.
  const refusal = OFFICE_TEXTS.includes(type) ? "translations:refusedOffice" : "translations:refused";
  authorize(request, actor, translationPermissions.translate(actor, type), message(refusal));
  const item = params.id ? await translatableItem(type, params.id) : null;
  if (!item || !translationPermissions.see(actor, item)) throw new Response(message("translations:notFound"), { status: 404 });
  authorize(request, actor, translationPermissions.translate(actor, type, item), message("translations:refusedAgency"));
  return { actor: actor!, type, item, back: item.back };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { type, item, back } = await guard(request, params);
  const existing = await translationsOf(type, item.id);
  return {
    type,
    item: { id: item.id, number: item.number, title: item.title, description: item.description },
    back,
    locked: translationLockedReason(type, item.phase),
    fields: translatedFields(type, item),
    existing: existing.map((e) => ({ locale: e.locale, title: e.title, description: e.description })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, type, item } = await guard(request, params);
  requireState(!translationLockedReason(type, item.phase), translationLockedReason(type, item.phase) ?? "");
  const submission = parseWithZod(await readForm(request), { schema: translationInputFor(type, item) });
  if (submission.status !== "success") return formReply(submission);
  await saveTranslation({ type, id: item.id }, submission.value, actor);
  return redirect(`/translate/${type}/${item.id}?saved=${submission.value.locale}`);
}

const HEADINGS = {
  idea: "translations:titleIdea",
  proposal: "translations:titleProposal",
  update: "translations:titleUpdate",
  milestone: "translations:titleMilestone",
  cycle: "translations:titleCycle",
  category: "translations:titleCategory",
  district: "translations:titleDistrict",
  residency: "translations:titleResidency",
  agency: "translations:titleAgency",
} as const satisfies Record<TranslatableType, string>;

// The PB office's texts are names (of a cycle, a category, an agency) or a rule, not titles.
const TITLE_LABELS = {
  idea: "translations:translatedTitle",
  proposal: "translations:translatedTitle",
  update: "translations:translatedTitle",
  milestone: "translations:translatedTitle",
  cycle: "translations:translatedName",
  category: "translations:translatedName",
  district: "translations:translatedName",
  residency: "translations:translatedRule",
  agency: "translations:translatedName",
} as const satisfies Record<TranslatableType, string>;

export default function Translate() {
  const { t } = useTranslation();
  const { type, item, back, locked, fields: shown, existing } = useLoaderData<typeof loader>();
  const say = useMessage();
  const [params] = useSearchParams();
  // Open on the language just saved, else Spanish (the language staff translate into most).
  const current = existing.find((e) => e.locale === (params.get("saved") ?? "es"));
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    // Once saved the form starts again from what was saved, without the errors of a try before (see SAVED_FORM).
    lastResult: answer ?? (params.get("saved") ? SAVED_FORM : undefined),
    defaultValue: { locale: current?.locale ?? "es", title: current?.title ?? "", description: current?.description ?? "" },
  });
  // A translation is long work: kept in the tab until saved.
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useKeptDraft(formRef, `translation:${type}:${item.id}`);
  return (
    <div className="narrow">
      <p>
        <Link to={back}>{t("translations:back")}</Link>
      </p>
      <h1>{t(HEADINGS[type], { number: item.number, project: item.title, name: item.title })}</h1>
      {params.get("saved") ? <Notice tone="success">{t("translations:saved")}</Notice> : null}
      <section aria-labelledby="original">
        <h2 id="original">{t("translations:original")}</h2>
        {shown.title ? <p><strong>{item.title}</strong></p> : null}
        {shown.description ? <p className="prose">{item.description}</p> : null}
      </section>
      {existing.length ? (
        <p className="muted">{t("translations:existing", { languages: existing.map((e) => localeName(e.locale)).join(", ") })}</p>
      ) : null}
      {locked ? <Notice>{say(locked)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} hidden={!!locked} ref={formRef}>
        <AuthenticityTokenInput />
        <KeptDraftNotice {...draft} />
        <SelectField meta={fields.locale} label={t("translations:language")} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
        {shown.title ? <TextField meta={fields.title} label={t(TITLE_LABELS[type])} /> : <input type="hidden" name="title" value="" />}
        {shown.description ? (
          <TextareaField meta={fields.description} label={type === "update" ? t("translations:translatedNote") : t("translations:translatedDescription")} rows={6} />
        ) : (
          <input type="hidden" name="description" value="" />
        )}
        <button type="submit" className="button">{t("translations:save")}</button>
      </Form>
    </div>
  );
}
