import { useRef } from "react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { FormErrors, Notice } from "~/components/forms";
import { IdeaFields } from "~/components/idea-fields";
import { readForm } from "~/csrf.server";
import { choicesInLocale } from "~/db/translations.server";
import { localeOf } from "~/i18n/i18n.server";
import { getCycle } from "~/db/cycles.server";
import { editIdea, othersSupporting } from "~/db/ideas.server";
import { ideaPermissions } from "~/domain/ideas/permissions";
import { ideaInput } from "~/domain/ideas/schema";
import { districtAndCategoryOf, loadIdea } from "~/guards.server";
import { formReply } from "~/http.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas:edit.metaTitle");

/**
 * Only the idea's author, while it can still change (see ideaPermissions.editOwn). Someone else's support
 * is not a refusal here but a notice on the page (and editIdea refuses the change): a form sent without
 * JavaScript as a support arrives is answered on the page with the typed text, not on an error page.
 */
async function guard(request: Request, id: string | undefined) {
  const { actor, idea, phase } = await loadIdea(request, id);
  authorize(request, actor, ideaPermissions.editOwn(actor, { phase }, idea, 0), message("ideas:edit.refused"));
  return { actor: actor!, idea };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { idea } = await guard(request, params.id);
  const cycle = (await getCycle({ id: idea.cycleId }))!;
  return {
    supportedByOthers: (await othersSupporting(idea)) > 0,
    idea: { id: idea.id, number: idea.number, title: idea.title, description: idea.description, districtId: idea.districtId, categoryId: idea.categoryId, location: idea.location },
    ...(await choicesInLocale(cycle.districts, cycle.categories, await localeOf(request))),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, idea } = await guard(request, params.id);
  const formData = await readForm(request);
  const submission = await parseWithZod(formData, { schema: ideaInput.superRefine(districtAndCategoryOf(idea.cycleId)), async: true });
  if (submission.status !== "success") return formReply(submission);
  const saved = await editIdea(idea.id, submission.value, actor);
  // Someone supported it while the author was typing: what they wrote is kept on the form, with why.
  if (!saved.ok) return formReply(submission, { formErrors: [message("ideas:edit.supportedMeanwhile")] }, 409);
  return redirect(`/ideas/${idea.id}?edited=1`);
}

export default function EditIdea() {
  const { idea, districts, categories, supportedByOthers } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // Checked on the server only, as the new-idea form is (see there).
  const [form, fields] = useForm({ lastResult, defaultValue: idea });
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useKeptDraft(formRef, `idea-edit:${idea.id}`);
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("ideas:edit.title", { number: idea.number })}</h1>
      {supportedByOthers && !lastResult ? (
        // Opened after someone supported it: nothing to change any more.
        <>
          <Notice>{t("ideas:edit.nowSupported")}</Notice>
          <p><Link to={`/ideas/${idea.id}`}>{t("ideas:edit.back")}</Link></p>
        </>
      ) : (
        <>
          <p>{t("ideas:edit.intro")}</p>
          <Form method="post" {...getFormProps(form)} ref={formRef}>
            <AuthenticityTokenInput />
            <KeptDraftNotice {...draft} />
            <FormErrors id={form.errorId} errors={form.errors} />
            <IdeaFields fields={fields} districts={districts} categories={categories} />
            <button type="submit" className="button">{t("ideas:edit.submit")}</button> <Link to={`/ideas/${idea.id}`}>{t("ideas:new.cancel")}</Link>
          </Form>
        </>
      )}
    </div>
  );
}
