import { useRef } from "react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FieldErrors, FormErrors, SelectField, TextareaField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { choicesInLocale, cyclesInLocale, districtNamesIn } from "~/db/translations.server";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";
import { localeOf } from "~/i18n/i18n.server";
import { formReply } from "~/http.server";
import { cycleBySlugOrPhase, cyclePhase } from "~/db/cycles.server";
import { delegateReach } from "~/db/committees.server";
import { ideasForProposal } from "~/db/ideas.server";
import { reachableChoices, withinReach } from "~/domain/committees/permissions";
import { districtAndCategoryOf } from "~/guards.server";
import { createProposal } from "~/db/proposals.server";
import { proposalPermissions } from "~/domain/proposals/permissions";
import { createProposalInput } from "~/domain/proposals/schema";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "proposals:new.metaTitle");

async function guard(request: Request) {
  const actor = await getActor(request);
  const slug = new URL(request.url).searchParams.get("cycle");
  const cycle = slug ? await cycleBySlugOrPhase(slug, "proposals") : (await cycleBySlugOrPhase(null, "proposals")) ?? (await cycleBySlugOrPhase(null, "costing"));
  if (slug && !cycle) throw new Response(message("proposals:errors.cycleNotFound"), { status: 404 });
  if (!cycle) throw new Response(message("proposals:errors.noCycle"), { status: 403 });
  const phase = cyclePhase(cycle);
  const reach = await delegateReach(cycle.id, actor?.id);
  authorize(request, actor, proposalPermissions.create(actor, { phase }, reach), message("proposals:errors.onlyDelegatesCreate"));
  return { actor: actor!, cycle, reach };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { cycle, reach } = await guard(request);
  const ideas = await ideasForProposal(cycle.id, reach);
  const { districts, categories } = reachableChoices(reach, cycle.districts, cycle.categories);
  const locale = await localeOf(request);
  const [districtNames, [named]] = await Promise.all([districtNamesIn(cycle.districts, locale), cyclesInLocale([cycle], locale)]);
  return {
    cycle: { slug: cycle.slug, name: named.name, writtenIn: named.writtenIn },
    ...(await choicesInLocale(districts, categories, locale)),
    ideas: ideas.map((i) => ({ id: i.id, number: i.number, title: i.title, writtenIn: i.writtenIn, district: districtNames.get(i.districtId)!, supports: i._count.supports, status: i.status })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, cycle, reach } = await guard(request);
  const formData = await readForm(request);
  const submission = await parseWithZod(formData, {
    schema: createProposalInput.superRefine(districtAndCategoryOf(cycle.id)),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission);
  if (!withinReach(reach, submission.value)) {
    return formReply(submission, { fieldErrors: { categoryId: [message("proposals:errors.outsideCommittees")] } });
  }
  const result = await createProposal(cycle.id, submission.value, actor, reach, await localeOf(request));
  if (!result.ok) return formReply(submission, { fieldErrors: { ideaIds: [message("proposals:errors.ideasNotInCycle")] } });
  return redirect(`/proposals/${result.proposal.id}?created=1`);
}

export default function NewProposal() {
  const { cycle, districts, categories, ideas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur" });
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useKeptDraft(formRef, `proposal-new:${cycle.slug}`);
  const chosen = new Set([fields.ideaIds.initialValue ?? []].flat().map(String));
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("proposals:new.title")}</h1>
      <p><Trans i18nKey="proposals:new.intro" components={{ cycle: <strong><OfficeText name={cycle} /></strong> }} /></p>
      <Form method="post" {...getFormProps(form)} action={`/proposals/new?cycle=${cycle.slug}`} ref={formRef}>
        <AuthenticityTokenInput />
        <KeptDraftNotice {...draft} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={fields.ideaIds.errorId}>
          <legend>{t("proposals:new.sourceIdeas")}</legend>
          {ideas.map((i) => (
            <div key={i.id}>
              <input type="checkbox" id={`idea-${i.id}`} name={fields.ideaIds.name} value={i.id} defaultChecked={chosen.has(i.id)} />{" "}
              <label htmlFor={`idea-${i.id}`}><WithNames template={t("proposals:new.ideaLabel", { number: i.number, title: nameSlot(0) })} names={[{ name: i.title, writtenIn: i.writtenIn }]} /></label>{" "}
              <span className="muted">
                <WithNames template={t(i.status === "developed" ? "proposals:new.ideaInfoDeveloped" : "proposals:new.ideaInfo", { district: nameSlot(0), count: i.supports })} names={[i.district]} />
              </span>
            </div>
          ))}
          <FieldErrors id={fields.ideaIds.errorId} errors={fields.ideaIds.errors} />
        </fieldset>
        <TextField meta={fields.title} label={t("proposals:new.titleLabel")} />
        <TextareaField meta={fields.description} label={t("proposals:new.description")} hint={t("proposals:new.descriptionHint")} rows={7} />
        <SelectField meta={fields.districtId} label={t("proposals:new.district")} options={districts} />
        <SelectField meta={fields.categoryId} label={t("proposals:new.category")} options={categories} />
        <button type="submit" className="button">{t("proposals:new.submit")}</button> <Link to={`/proposals?cycle=${cycle.slug}`}>{t("proposals:new.cancel")}</Link>
      </Form>
    </div>
  );
}
