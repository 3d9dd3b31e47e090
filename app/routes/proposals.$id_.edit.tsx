import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { FormErrors, latestOf, TextareaField, TextField } from "~/components/forms";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";
import { readForm } from "~/csrf.server";
import { formReply, saveUnlessChangedMeanwhile } from "~/http.server";
import { readBasedOn } from "~/db/changed-meanwhile.server";
import { reviseProposal } from "~/db/proposals.server";
import { translatedLocales } from "~/db/translations.server";
import { proposalPermissions } from "~/domain/proposals/permissions";
import { editProposalInput, unchangedRevision } from "~/domain/proposals/schema";
import { loadProposal } from "~/guards.server";
import { localeName } from "~/i18n/config";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "proposals:edit.metaTitle");

async function guard(request: Request, id: string | undefined) {
  const loaded = await loadProposal(request, id);
  authorize(
    request,
    loaded.actor,
    proposalPermissions.edit(loaded.actor, { phase: loaded.phase }, loaded.reach, loaded.proposal),
    proposalPermissions.editRefusal(loaded.actor, { phase: loaded.phase }, loaded.reach, loaded.proposal),
  );
  return loaded;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await guard(request, params.id);
  const translatedInto = (await translatedLocales("proposal", [proposal.id])).get(proposal.id) ?? [];
  return {
    proposal: { id: proposal.id, number: proposal.number, title: proposal.title, description: proposal.description, status: proposal.status, revision: proposal.revisions[0]?.number ?? 0 },
    translatedInto: translatedInto.map(localeName),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal } = await guard(request, params.id);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: editProposalInput });
  if (submission.status !== "success") return formReply(submission);
  const unchanged = unchangedRevision(proposal, submission.value);
  if (unchanged) return formReply(submission, { fieldErrors: { description: [unchanged] } });
  const { saved: number, refused } = await saveUnlessChangedMeanwhile(
    () => reviseProposal(proposal.id, submission.value, actor!, readBasedOn(formData)),
    submission,
    "proposals:errors.revisedMeanwhile",
  );
  return refused ?? redirect(`/proposals/${proposal.id}?revised=${number}`);
}

export default function EditProposal() {
  const { proposal, translatedInto } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { title: proposal.title, description: proposal.description, note: "" },
    shouldRevalidate: "onBlur",
  });
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useKeptDraft(formRef, `proposal-edit:${proposal.id}`);
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("proposals:edit.title", { number: proposal.number })}</h1>
      <p>{proposal.status === "not_feasible" ? t("proposals:edit.introNotFeasible") : t("proposals:edit.intro")}</p>
      {translatedInto.length > 0 ? <p>{t("proposals:edit.translationsGo", { languages: translatedInto.join(", ") })}</p> : null}
      <Form method="post" {...getFormProps(form)} ref={formRef}>
        <AuthenticityTokenInput />
        <KeptDraftNotice {...draft} />
        <input type="hidden" name="basedOn" value={latestOf(lastResult) ?? proposal.revision} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.title} label={t("proposals:edit.titleLabel")} />
        <TextareaField meta={fields.description} label={t("proposals:edit.description")} rows={8} />
        <TextField meta={fields.note} label={t("proposals:edit.note")} hint={t("proposals:edit.noteHint")} />
        <button type="submit" className="button">{t("proposals:edit.submit")}</button> <Link to={`/proposals/${proposal.id}`}>{t("proposals:edit.cancel")}</Link>
      </Form>
    </div>
  );
}
