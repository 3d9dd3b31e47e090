import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CommentThread } from "~/components/comments";
import { FollowButton } from "~/components/follow";
import { commentThread } from "~/db/comments.server";
import { isFollowing } from "~/db/follows.server";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { CostEstimateTable, EstimateHistory } from "~/components/estimate";
import { estimateHistory } from "~/db/costing.server";
import { Notice, SelectField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { cyclePhase, listAgencies } from "~/db/cycles.server";
import { sendForCosting } from "~/db/proposals.server";
import { loadProposal } from "~/guards.server";
import { costingPermissions } from "~/domain/costing/permissions";
import { proposalPermissions, PROPOSAL_STATUS_KEYS, shownProposalStatus } from "~/domain/proposals/permissions";
import { movesTo } from "~/domain/proposals/revisions";
import { revisionNote, sendForCostingInput } from "~/domain/proposals/schema";
import { nameSlot, OfficeText, TranslatedDescription, WithNames } from "~/components/translated";
import { agencyNamesIn, cyclesInLocale, placeNamesIn, translationsInto } from "~/db/translations.server";
import { translationLockedReason, translationPermissions } from "~/domain/translations/permissions";
import { localeOf, serverT } from "~/i18n/i18n.server";
import { criterionLabel } from "~/domain/costing/estimate";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? pageTitle(matches, "proposals:detail.metaTitle", { number: data.proposal.number, title: data.proposal.title })
    : pageTitle(matches, "proposals:detail.metaTitleFallback");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, proposal, phase, reach } = await loadProposal(request, params.id);
  const canSend = proposalPermissions.sendForCosting(actor, { phase }, reach, proposal);
  const [latest] = proposal.costEstimates;
  const t = await serverT(request);
  const target = {
    type: "proposal" as const,
    id: proposal.id,
    phase,
    agencyId: proposal.agencyId,
    path: `/proposals/${proposal.id}`,
    hidden: false,
    scope: { cycleId: proposal.cycleId, districtId: proposal.districtId, categoryId: proposal.categoryId },
  };
  const [discussion, questions, following, history] = await Promise.all([
    commentThread(actor, target, "public"),
    commentThread(actor, target, "costing"),
    isFollowing(actor?.id, { type: "proposal", id: proposal.id }),
    estimateHistory(proposal.id),
  ]);
  const locale = await localeOf(request);
  const translation = (await translationsInto("proposal", [proposal.id], locale)).get(proposal.id) ?? null;
  const moves = movesTo(proposal.revisions);
  const placeName = await placeNamesIn([proposal, ...moves.filter((m) => m !== null)], locale);
  return {
    translation,
    translateHref:
      translationPermissions.translate(actor, "proposal", proposal) && !translationLockedReason("proposal", proposal.cycle.phase) ? `/translate/proposal/${proposal.id}` : null,
    discussion,
    questions,
    following,
    signedIn: !!actor,
    proposal: {
      id: proposal.id,
      number: proposal.number,
      title: proposal.title,
      description: proposal.description,
      writtenIn: proposal.writtenIn,
      status: proposal.status,
      shownStatus: shownProposalStatus(proposal.status, cyclePhase(proposal.cycle), !!proposal.project),
      ...placeName(proposal),
      agency: proposal.agency && (await agencyNamesIn([proposal.agency], locale)).get(proposal.agency.id)!,
      // Sent again after a revision: offered to the agency that costed it before.
      agencyId: proposal.agencyId,
      cycle: { ...(await cyclesInLocale([{ id: proposal.cycle.id, slug: proposal.cycle.slug, name: proposal.cycle.name, writtenIn: proposal.cycle.writtenIn }], locale))[0], currency: proposal.cycle.currency },
      ideas: proposal.ideas.map((i) => i.idea),
      revisions: proposal.revisions.map((r, i) => ({ number: r.number, note: r.note, createdAt: r.createdAt.toISOString().slice(0, 10), movedTo: moves[i] && placeName(moves[i]) })),
      projectId: proposal.project?.id ?? null,
    },
    estimate: latest
      ? {
          version: latest.version,
          totalCents: latest.totalCents,
          oneOffCents: latest.oneOffCents,
          contingencyPercent: latest.contingencyPercent,
          contingencyCents: latest.contingencyCents,
          recurringCents: latest.recurringCents,
          checks: latest.checks.map((c) => ({ label: criterionLabel(c, t), outcome: c.outcome, note: c.note, kind: c.kind })),
          feasible: latest.feasible,
          publicReason: latest.publicReason,
          createdAt: latest.createdAt.toISOString().slice(0, 10),
          lineItems: latest.lineItems,
        }
      : null,
    history: history.map((h) => ({ version: h.version, totalCents: h.totalCents, recurringCents: h.recurringCents, feasible: h.feasible, createdAt: h.createdAt.toISOString(), staffName: h.staffName })),
    canAssign: costingPermissions.assign(actor, { phase }, proposal),
    canEdit: proposalPermissions.edit(actor, { phase }, reach, proposal),
    canSend,
    canCost: costingPermissions.estimate(actor, { phase }, proposal),
    agencies: canSend ? (await listAgencies()).map((a) => ({ value: a.id, label: a.name })) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal, phase, reach } = await loadProposal(request, params.id);
  const formData = await readForm(request);
  authorize(request, actor, proposalPermissions.sendForCosting(actor, { phase }, reach, proposal), message("proposals:errors.onlyDelegatesSend"));
  const submission = parseWithZod(formData, { schema: sendForCostingInput });
  if (submission.status !== "success") return formReply(submission);
  const agencies = await listAgencies();
  if (!agencies.some((a) => a.id === submission.value.agencyId)) {
    return formReply(submission, { fieldErrors: { agencyId: [message("proposals:errors.agencyNotListed")] } });
  }
  await sendForCosting(proposal.id, submission.value.agencyId, actor!);
  return redirect(`/proposals/${proposal.id}?sent=1`);
}

export default function ProposalPage() {
  const { proposal, estimate, history, canAssign, canEdit, canSend, canCost, agencies, discussion, questions, following, signedIn, translation, translateHref } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ lastResult, id: "send", defaultValue: { agencyId: proposal.agencyId ?? "" } });
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <article>
      <p><Link to={`/proposals?cycle=${proposal.cycle.slug}`}><WithNames template={t("proposals:detail.back", { cycle: nameSlot(0) })} names={[proposal.cycle]} /></Link></p>
      {searchParams.get("created") ? <Notice tone="success">{t("proposals:detail.created")}</Notice> : null}
      {searchParams.get("sent") ? <Notice tone="success">{t("proposals:detail.sent")}</Notice> : null}
      {searchParams.get("costed") ? <Notice tone="success">{t("proposals:detail.costed")}</Notice> : null}
      {searchParams.get("revised") ? <Notice tone="success">{t("proposals:detail.revised", { number: searchParams.get("revised") })}</Notice> : null}
      <h1>
        <WithNames template={t("proposals:detail.title", { number: proposal.number, title: nameSlot(0) })} names={[{ name: translation?.title ?? proposal.title, writtenIn: translation ? null : proposal.writtenIn }]} />
      </h1>
      <p className="meta">
        <OfficeText name={proposal.district} /> · <OfficeText name={proposal.category} /> ·{" "}
        <span className={`status status-${proposal.shownStatus}`}>{PROPOSAL_STATUS_KEYS[proposal.shownStatus] ? t(PROPOSAL_STATUS_KEYS[proposal.shownStatus]) : proposal.shownStatus}</span>
        {proposal.agency ? <> · <OfficeText name={proposal.agency} /></> : null}
      </p>
      <FollowButton target={{ type: "proposal", id: proposal.id }} following={following} signedIn={signedIn} />
      {proposal.projectId ? <Notice tone="success"><Trans i18nKey="proposals:detail.wonProject" components={{ a: <Link to={`/projects/${proposal.projectId}`} /> }} /></Notice> : null}
      <TranslatedDescription original={proposal} translation={translation} translateHref={translateHref} />
      <div className="actions">
        {canEdit ? <Link className="button-secondary" to={`/proposals/${proposal.id}/edit`}>{t("proposals:detail.edit")}</Link> : null}
        {canCost ? <Link className="button" to={`/costing/${proposal.id}`}>{estimate ? t("costing:queue.reestimate") : t("proposals:detail.addEstimate")}</Link> : null}
        {canAssign ? <Link className="button-secondary" to={`/costing/${proposal.id}/assign`}>{t("costing:assign.link")}</Link> : null}
      </div>
      {canSend ? (
        <section className="card" aria-labelledby="send-heading">
          <h2 id="send-heading">{t("proposals:detail.sendHeading")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <AuthenticityTokenInput />
            <SelectField meta={fields.agencyId} label={t("proposals:detail.agency")} options={agencies} />
            <button type="submit" className="button">{t("proposals:detail.sendButton")}</button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="ideas">
        <h2 id="ideas">{t("proposals:detail.ideasHeading")}</h2>
        <ul>
          {proposal.ideas.map((i) => <li key={i.id}><Link to={`/ideas/${i.id}`}>{t("proposals:detail.ideaLink", { number: i.number, title: i.title })}</Link></li>)}
        </ul>
      </section>
      <section aria-labelledby="cost">
        <h2 id="cost">{t("proposals:detail.costHeading")}</h2>
        {estimate ? <CostEstimateTable estimate={estimate} currency={proposal.cycle.currency} /> : <p>{t("proposals:detail.notCosted")}</p>}
        {history.length > 1 ? <EstimateHistory history={history} currency={proposal.cycle.currency} /> : null}
      </section>
      <section aria-labelledby="revisions">
        <h2 id="revisions">{t("proposals:detail.revisionsHeading")}</h2>
        {proposal.revisions.length > 1 ? (
          <p>
            <Link to={`/proposals/${proposal.id}/compare`}>{t("proposals:compare.link")}</Link>
          </p>
        ) : null}
        <ol reversed>
          {proposal.revisions.map((r) => (
            <li key={r.number}>
              <Link to={`/proposals/${proposal.id}/revisions/${r.number}`}>{t("proposals:detail.revisionLink", { number: r.number })}</Link> — {f.date(r.createdAt)}
              {revisionNote(r, t) ? `: ${revisionNote(r, t)}` : ""}
              {r.movedTo ? (
                <>
                  {" "}
                  <WithNames template={t("proposals:detail.revisionMoved", { district: nameSlot(0), category: nameSlot(1) })} names={[r.movedTo.district, r.movedTo.category]} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {questions ? <CommentThread thread={questions} /> : null}
      {discussion ? <CommentThread thread={discussion} /> : null}
    </article>
  );
}
