import { useRef } from "react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { z } from "zod";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FormErrors } from "~/components/forms";
import { OfficeText } from "~/components/translated";
import { IdeaFields } from "~/components/idea-fields";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { cycleBySlugOrPhase, cyclePhase } from "~/db/cycles.server";
import { createIdea, openIdeaTitles } from "~/db/ideas.server";
import { choicesInLocale, cyclesInLocale } from "~/db/translations.server";
import { localeOf } from "~/i18n/i18n.server";
import { similarIdeas } from "~/domain/ideas/similar";
import { districtAndCategoryOf } from "~/guards.server";
import { ideaPermissions } from "~/domain/ideas/permissions";
import { ideaInput } from "~/domain/ideas/schema";
import { alreadyLimited, LIMITS, recordAttempt } from "~/rate-limit.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas:new.metaTitle");

async function guard(request: Request) {
  const actor = await getActor(request);
  const cycle = await cycleBySlugOrPhase(new URL(request.url).searchParams.get("cycle"), "ideas");
  if (!cycle || cycle.phase !== "ideas") {
    throw new Response(message("ideas:errors.notCollecting"), { status: 403 });
  }
  authorize(request, actor, ideaPermissions.submit(actor, { phase: cyclePhase(cycle) }), message("ideas:errors.onlyResidents"));
  return { actor: actor!, cycle };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { cycle } = await guard(request);
  const locale = await localeOf(request);
  const [[{ name, writtenIn }], choices] = await Promise.all([cyclesInLocale([cycle], locale), choicesInLocale(cycle.districts, cycle.categories, locale)]);
  return { cycle: { slug: cycle.slug, name, writtenIn }, ...choices };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request);
  const formData = await readForm(request);
  // Only ideas actually shared count: fixing a refused form, or answering "is it already here?", is free.
  const limited = await alreadyLimited([LIMITS.ideaPerAccount, actor.id]);
  if (limited) return formReply(parseWithZod(formData, { schema: ideaInput }), { formErrors: [limited] }, 429);
  const submission = await parseWithZod(formData, {
    schema: ideaInput.superRefine(districtAndCategoryOf(cycle.id)),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission);
  // A second step, server side (so it works without JavaScript): similar ideas first, then "submit anyway".
  if (formData.get("confirmedNew") !== "yes") {
    const similar = similarIdeas(submission.value.title, await openIdeaTitles(cycle.id));
    if (similar.length) return data({ ...submission.reply(), similar });
  }
  const idea = await createIdea(cycle.id, submission.value, actor, await localeOf(request));
  await recordAttempt([LIMITS.ideaPerAccount, actor.id]);
  return redirect(`/ideas/${idea.id}?submitted=1`);
}

export default function NewIdea() {
  const { cycle, districts, categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const similar = ((lastResult && "similar" in lastResult ? lastResult.similar : []) ?? []) as { id: string; number: number; title: string; supports: number }[];
  // Checked on the server only, with or without JavaScript: conform's check in the browser left
  // a short title unmarked once both lists were chosen (the form just refused to send).
  const [form, fields] = useForm<z.input<typeof ideaInput>>({ lastResult });
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useKeptDraft(formRef, `idea-new:${cycle.slug}`);
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("ideas:new.title")}</h1>
      <p>
        <Trans i18nKey="ideas:new.intro" components={{ cycle: <strong><OfficeText name={cycle} /></strong> }} />
      </p>
      <Form method="post" {...getFormProps(form)} action={`/ideas/new?cycle=${cycle.slug}`} ref={formRef}>
        <AuthenticityTokenInput />
        <KeptDraftNotice {...draft} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {similar.length ? (
          <section className="alert" role="status" aria-labelledby="similar-heading">
            <h2 id="similar-heading">{t("ideas:similar.title")}</h2>
            <p>{t("ideas:similar.intro")}</p>
            <ul>
              {similar.map((i) => (
                <li key={i.id}>
                  <Link to={`/ideas/${i.id}`}>#{i.number} {i.title}</Link> — {t("ideas:similar.supports", { count: i.supports })}
                </li>
              ))}
            </ul>
            <input type="hidden" name="confirmedNew" value="yes" />
          </section>
        ) : null}
        <IdeaFields fields={fields} districts={districts} categories={categories} />
        <button type="submit" className="button">{similar.length ? t("ideas:similar.submitAnyway") : t("ideas:new.submit")}</button> <Link to={`/ideas?cycle=${cycle.slug}`}>{t("ideas:new.cancel")}</Link>
      </Form>
    </div>
  );
}
