import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { FormErrors, latestOf, SelectField, TextareaField, TextField } from "~/components/forms";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";
import { readForm } from "~/csrf.server";
import { formReply, saveUnlessChangedMeanwhile } from "~/http.server";
import { readBasedOn } from "~/db/changed-meanwhile.server";
import { reviseProposal } from "~/db/proposals.server";
import { getCycle } from "~/db/cycles.server";
import { choicesInLocale, translatedLocales } from "~/db/translations.server";
import { reachableChoices, withinReach } from "~/domain/committees/permissions";
import { localeOf } from "~/i18n/i18n.server";
import { proposalPermissions } from "~/domain/proposals/permissions";
import { editProposalInput, unchangedRevision } from "~/domain/proposals/schema";
import { districtAndCategoryOf, loadProposal } from "~/guards.server";
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
  const { proposal, reach } = await guard(request, params.id);
  const [translated, cycle] = await Promise.all([translatedLocales("proposal", [proposal.id]), getCycle({ id: proposal.cycleId })]);
  const translatedInto = translated.get(proposal.id) ?? [];
  // Only where the delegate's committees reach, as when writing a proposal.
  const { districts, categories } = reachableChoices(reach, cycle!.districts, cycle!.categories);
  return {
    proposal: { id: proposal.id, number: proposal.number, title: proposal.title, description: proposal.description, districtId: proposal.districtId, categoryId: proposal.categoryId, status: proposal.status, revision: proposal.revisions[0]?.number ?? 0 },
    translatedInto: translatedInto.map(localeName),
    ...(await choicesInLocale(districts, categories, await localeOf(request))),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal, reach } = await guard(request, params.id);
  const formData = await readForm(request);
  const submission = await parseWithZod(formData, { schema: editProposalInput.superRefine(districtAndCategoryOf(proposal.cycleId)), async: true });
  if (submission.status !== "success") return formReply(submission);
  if (!withinReach(reach, submission.value)) {
    return formReply(submission, { fieldErrors: { categoryId: [message("proposals:errors.outsideCommittees")] } });
  }
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
  const { proposal, translatedInto, districts, categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { title: proposal.title, description: proposal.description, districtId: proposal.districtId, categoryId: proposal.categoryId, note: "" },
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
        <SelectField meta={fields.districtId} label={t("proposals:new.district")} options={districts} />
        <SelectField meta={fields.categoryId} label={t("proposals:new.category")} options={categories} />
        <TextField meta={fields.note} label={t("proposals:edit.note")} hint={t("proposals:edit.noteHint")} />
        <button type="submit" className="button">{t("proposals:edit.submit")}</button> <Link to={`/proposals/${proposal.id}`}>{t("proposals:edit.cancel")}</Link>
      </Form>
    </div>
  );
}
