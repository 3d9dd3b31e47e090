import { shownName } from "~/domain/accounts/names";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize } from "~/auth.server";
import { Notice, TextareaField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { CommentThread } from "~/components/comments";
import { FollowButton } from "~/components/follow";
import { followPermissions } from "~/domain/follows/permissions";
import { commentThread } from "~/db/comments.server";
import { isFollowing } from "~/db/follows.server";
import { checkMerge, hasSupported, hideIdea, markNotTakenForward, mergeIdea, othersSupporting, supportIdea, withdrawIdea, withdrawSupport } from "~/db/ideas.server";
import { loadIdea } from "~/guards.server";
import { ideaPermissions, IDEA_STATUS_KEYS } from "~/domain/ideas/permissions";
import { PROPOSAL_STATUS_KEYS } from "~/domain/proposals/permissions";
import { ideaDecisionInput, ideaHideInput, ideaMergeInput, ideaWithdrawInput } from "~/domain/ideas/schema";
import { nameSlot, TranslatedDescription, WithNames } from "~/components/translated";
import { categoryNamesIn, cyclesInLocale, districtNamesIn, translationsInto } from "~/db/translations.server";
import { translationPermissions } from "~/domain/translations/permissions";
import { localeOf } from "~/i18n/i18n.server";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? pageTitle(matches, "ideas:detail.metaTitle", { number: data.idea.number, title: data.idea.title })
    : pageTitle(matches, "ideas:detail.metaTitleFallback");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, idea, phase, reach } = await loadIdea(request, params.id);
  const hidden = idea.hiddenAt !== null;
  // A hidden idea shows only that it was hidden, except to its author and the PB office.
  if (hidden && !ideaPermissions.viewHidden(actor, idea)) {
    throw new Response(message("ideas:hide.hiddenPublic", { number: idea.number }), { status: 410 });
  }
  const [supported, thread, following, othersBacking] = await Promise.all([
    actor ? hasSupported(idea.id, actor.id) : false,
    commentThread(actor, { type: "idea", id: idea.id, phase, agencyId: null, path: `/ideas/${idea.id}`, hidden }, "public"),
    isFollowing(actor?.id, { type: "idea", id: idea.id }),
    othersSupporting(idea),
  ]);
  const locale = await localeOf(request);
  const translation = (await translationsInto("idea", [idea.id], locale)).get(idea.id) ?? null;
  return {
    translation,
    translateHref: translationPermissions.translate(actor, "idea") ? `/translate/idea/${idea.id}` : null,
    thread,
    following,
    canFollow: followPermissions.offer({ phase }),
    signedIn: !!actor,
    hidden: hidden ? { reason: idea.hiddenReason } : null,
    canHide: ideaPermissions.hide(actor) && !hidden,
    idea: {
      id: idea.id,
      number: idea.number,
      title: idea.title,
      description: idea.description,
      writtenIn: idea.writtenIn,
      location: idea.location,
      status: idea.status,
      outcomeReason: idea.outcomeReason,
      district: (await districtNamesIn([idea.district], locale)).get(idea.district.id)!,
      category: (await categoryNamesIn([idea.category], locale)).get(idea.category.id)!,
      // Paper ideas have no author; a closed account's name is gone: both read "A resident".
      author: idea.author && shownName(idea.author),
      createdAt: idea.createdAt.toISOString().slice(0, 10),
      supports: idea._count.supports,
      cycle: (await cyclesInLocale([{ id: idea.cycle.id, slug: idea.cycle.slug, name: idea.cycle.name, writtenIn: idea.cycle.writtenIn }], locale))[0],
      proposals: idea.proposals.map(({ proposal: { costEstimates, ...p } }) => ({ ...p, notFeasibleReason: p.status === "not_feasible" ? (costEstimates[0]?.publicReason ?? null) : null })),
      // A hidden idea's title is not sent, even as the idea this one was merged with.
      mergedInto: idea.mergedInto ? { id: idea.mergedInto.id, number: idea.mergedInto.number, title: idea.mergedInto.hiddenAt ? null : idea.mergedInto.title } : null,
      mergedFrom: idea.mergedFrom,
      source: idea.source,
      sourceNote: idea.sourceNote,
    },
    supported,
    canSupport: ideaPermissions.offerSupport(actor, { phase }, idea),
    // Back from signing in to support it (see the action): the support still takes a press, said so.
    supportPending: new URL(request.url).searchParams.get("pending") === "support" && !supported && ideaPermissions.support(actor, { phase }, idea),
    canDecide: ideaPermissions.decide(actor, { phase }, reach, idea) && idea.status === "open",
    canEdit: ideaPermissions.editOwn(actor, { phase }, idea, othersBacking),
    canWithdraw: ideaPermissions.withdrawOwn(actor, { phase }, { ...idea, carriesOthers: idea.mergedFrom.length > 0 }),
  };
}

const intent = z.object({ intent: z.enum(["support", "unsupport", "not-taken-forward", "merge", "hide", "withdraw"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, idea, phase, reach } = await loadIdea(request, params.id);
  // A hidden idea is out of the process: nothing more is done with it (the outcomes page lists it as hidden).
  if (idea.hiddenAt !== null) throw new Response(message("ideas:hide.hiddenPublic", { number: idea.number }), { status: 410 });
  const formData = await readForm(request);
  const parsed = intent.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response(message("ideas:errors.unknownAction"), { status: 400 });
  if (parsed.data.intent === "support") {
    // A visitor signs in first, and comes back to the support button, told their support is not counted yet.
    authorize(request, actor, ideaPermissions.support(actor, { phase }, idea), message("ideas:errors.supportClosed"), `/ideas/${idea.id}?pending=support#support`);
    const { added } = await supportIdea(idea.id, actor!);
    return redirect(`/ideas/${idea.id}?supported=${added ? "1" : "again"}`);
  }
  if (parsed.data.intent === "unsupport") {
    // Taken back while supports are still given; after that, what was counted stays.
    authorize(request, actor, ideaPermissions.support(actor, { phase }, idea), message("ideas:errors.supportClosed"));
    await withdrawSupport(idea.id, actor!);
    return redirect(`/ideas/${idea.id}?supported=withdrawn#support`);
  }
  if (parsed.data.intent === "withdraw") {
    authorize(request, actor, ideaPermissions.withdrawOwn(actor, { phase }, { ...idea, carriesOthers: idea.mergedFrom.length > 0 }), message("ideas:withdraw.refused"));
    const submission = parseWithZod(formData, { schema: ideaWithdrawInput });
    if (submission.status !== "success") return formReply(submission);
    const withdrawn = await withdrawIdea(idea.id, submission.value.reason, actor!);
    if (!withdrawn.ok) throw new Response(message("ideas:errors.alreadyDecided"), { status: 409 });
    return redirect(`/ideas/${idea.id}?withdrawn=1`);
  }
  if (parsed.data.intent === "hide") {
    authorize(request, actor, ideaPermissions.hide(actor), message("ideas:hide.refused"));
    const submission = parseWithZod(formData, { schema: ideaHideInput });
    if (submission.status !== "success") return formReply(submission);
    await hideIdea(idea.id, submission.value.reason, actor!);
    return redirect(`/ideas/${idea.id}`);
  }
  authorize(request, actor, ideaPermissions.decide(actor, { phase }, reach, idea), message("ideas:errors.onlyDelegatesDecide"));
  if (idea.status !== "open") throw new Response(message("ideas:errors.alreadyDecided"), { status: 409 });
  if (parsed.data.intent === "merge") {
    const submission = parseWithZod(formData, { schema: ideaMergeInput });
    if (submission.status !== "success") return formReply(submission);
    if (!submission.value.confirmed) {
      // First the idea it would go into, by name, and what differs: a mistyped number must be seen before it counts.
      const check = await checkMerge(idea, submission.value.into, reach);
      if (!check.ok) return formReply(submission, { fieldErrors: { into: [check.error] } });
      const { into, otherPlace, developed } = check;
      const locale = await localeOf(request);
      return {
        mergeCheck: {
          number: into.number,
          title: into.title,
          otherPlace,
          district: (await districtNamesIn([into.district], locale)).get(into.district.id)!,
          category: (await categoryNamesIn([into.category], locale)).get(into.category.id)!,
          developed,
        },
      };
    }
    const merged = await mergeIdea(idea.id, submission.value.into, reach, actor!);
    if (!merged.ok) return formReply(submission, { fieldErrors: { into: [merged.error] } });
    return redirect(`/ideas/${idea.id}`);
  }
  const submission = parseWithZod(formData, { schema: ideaDecisionInput });
  if (submission.status !== "success") return formReply(submission);
  const closed = await markNotTakenForward(idea.id, submission.value.reason, actor!);
  if (!closed.ok) throw new Response(message("ideas:errors.alreadyDecided"), { status: 409 });
  return redirect(`/ideas/${idea.id}`);
}

export default function IdeaPage() {
  const { idea, supported, canSupport, supportPending, canDecide, canEdit, canWithdraw, thread, following, canFollow, signedIn, hidden, canHide, translation, translateHref } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Several forms share this action: each shows only the answer to its own button.
  const mergeCheck = lastResult && "mergeCheck" in lastResult ? lastResult.mergeCheck : null;
  const reply = lastResult && "mergeCheck" in lastResult ? undefined : lastResult;
  const answered = (reply?.initialValue as { intent?: string } | undefined)?.intent;
  const [form, fields] = useForm({ lastResult: answered === "not-taken-forward" ? reply : undefined, id: "decision" });
  const [mergeForm, mergeFields] = useForm({ lastResult: answered === "merge" ? reply : undefined, id: "merge" });
  const [hideForm, hideFields] = useForm({ lastResult: answered === "hide" ? reply : undefined, id: "hide" });
  const [withdrawForm, withdrawFields] = useForm({ lastResult: answered === "withdraw" ? reply : undefined, id: "withdraw" });
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <article>
      <p><Link to={`/ideas?cycle=${idea.cycle.slug}`}><WithNames template={t("ideas:detail.back", { cycle: nameSlot(0) })} names={[idea.cycle]} /></Link></p>
      {searchParams.get("submitted") ? <Notice tone="success">{t("ideas:detail.submitted")}</Notice> : null}
      {searchParams.get("edited") ? <Notice tone="success">{t("ideas:edit.saved")}</Notice> : null}
      {searchParams.get("withdrawn") ? <Notice tone="success">{t("ideas:withdraw.done")}</Notice> : null}
      {searchParams.get("supported") === "1" ? <Notice tone="success">{t("ideas:detail.supportedNow")}</Notice> : null}
      {searchParams.get("supported") === "again" ? <Notice>{t("ideas:detail.supportedAgain")}</Notice> : null}
      {searchParams.get("supported") === "withdrawn" ? <Notice tone="success">{t("ideas:detail.supportWithdrawn")}</Notice> : null}
      {hidden ? <Notice tone="error">{t("ideas:hide.hiddenNotice", { reason: hidden.reason })}</Notice> : null}
      <h1>
        <WithNames template={t("ideas:detail.title", { number: idea.number, title: nameSlot(0) })} names={[{ name: translation?.title ?? idea.title, writtenIn: translation ? null : idea.writtenIn }]} />
      </h1>
      <p className="meta">
        <WithNames
          template={t("ideas:detail.byline", {
            district: nameSlot(0),
            category: nameSlot(1),
            author: idea.author ?? t("ideas:detail.anonymousAuthor"),
            date: f.date(idea.createdAt),
          })}
          names={[idea.district, idea.category]}
        />
        {idea.location ? ` · ${idea.location}` : ""}
      </p>
      {idea.source !== "online" ? (
        <p className="muted">
          {idea.source === "assembly" ? t("ideas:source.assembly") : t("ideas:source.paper")}
          {idea.sourceNote ? ` · ${idea.sourceNote}` : ""}
        </p>
      ) : null}
      {canEdit ? (
        <p>
          <Link to={`/ideas/${idea.id}/edit`}>{t("ideas:edit.link")}</Link> <span className="muted">{t("ideas:edit.linkHint")}</span>
        </p>
      ) : null}
      {canFollow ? <FollowButton target={{ type: "idea", id: idea.id }} following={following} signedIn={signedIn} /> : null}
      <TranslatedDescription original={idea} translation={translation} translateHref={translateHref} />
      <section aria-labelledby="outcome">
        <h2 id="outcome">{t("ideas:detail.outcomeHeading")}</h2>
        <p><span className={`status status-${idea.status}`}>{IDEA_STATUS_KEYS[idea.status] ? t(IDEA_STATUS_KEYS[idea.status]) : idea.status}</span></p>
        {idea.proposals.length ? (
          <ul>
            {idea.proposals.map((p) => (
              <li key={p.id}>
                <Trans
                  i18nKey="ideas:detail.developedInto"
                  components={{ a: <Link to={`/proposals/${p.id}`}>{t("ideas:detail.proposalLink", { number: p.number, title: p.title })}</Link> }}
                />
                {PROPOSAL_STATUS_KEYS[p.status] ? <> — <span className={`status status-${p.status}`}>{t(PROPOSAL_STATUS_KEYS[p.status])}</span></> : null}
                {p.notFeasibleReason ? <p><strong>{t("ideas:detail.agencyReason")}</strong> {p.notFeasibleReason}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {idea.status === "not_taken_forward" || (idea.status === "withdrawn" && idea.outcomeReason) ? (
          <p><strong>{t("ideas:detail.reason")}</strong> {idea.outcomeReason}</p>
        ) : null}
        {idea.mergedInto?.title === null ? (
          <p>{t("ideas:merge.mergedIntoHidden", { number: idea.mergedInto.number })}</p>
        ) : idea.mergedInto ? (
          <p>
            <Trans
              i18nKey="ideas:merge.mergedInto"
              components={{ a: <Link to={`/ideas/${idea.mergedInto.id}`}>{t("ideas:merge.ideaLink", { number: idea.mergedInto.number, title: idea.mergedInto.title })}</Link> }}
            />
          </p>
        ) : null}
        {idea.mergedFrom.length ? (
          <>
            <p>{t("ideas:merge.mergedFrom", { count: idea.mergedFrom.length })}</p>
            <ul>
              {idea.mergedFrom.map((m) => (
                <li key={m.id}>
                  <Link to={`/ideas/${m.id}`}>{t("ideas:merge.ideaLink", { number: m.number, title: m.title })}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {idea.status === "open" ? <p>{t("ideas:detail.undecided")}</p> : null}
      </section>
      <section aria-labelledby="support">
        <h2 id="support">{t("ideas:detail.supportHeading")}</h2>
        <p>{t("ideas:detail.supportCount", { count: idea.supports })}</p>
        {supported ? (
          <>
            <p>{t("ideas:detail.youSupport")}</p>
            {canSupport ? (
              <Form method="post">
                <AuthenticityTokenInput />
                <button type="submit" name="intent" value="unsupport" className="button-secondary">{t("ideas:detail.unsupportButton")}</button>
              </Form>
            ) : null}
          </>
        ) : canSupport ? (
          <Form method="post">
            {supportPending ? <Notice>{t("ideas:detail.supportPending", { button: t("ideas:detail.supportButton") })}</Notice> : null}
            <AuthenticityTokenInput />
            <button type="submit" name="intent" value="support" className="button">{t("ideas:detail.supportButton")}</button>
          </Form>
        ) : null}
      </section>
      {canDecide ? (
        <section aria-labelledby="decide" className="card">
          <h2 id="decide">{t("ideas:detail.decideHeading")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <AuthenticityTokenInput />
            <TextareaField meta={fields.reason} label={t("ideas:detail.reasonLabel")} hint={t("ideas:detail.reasonHint")} rows={3} />
            <button type="submit" name="intent" value="not-taken-forward" className="button-secondary">{t("ideas:detail.decideButton")}</button>
          </Form>
          <h3>{t("ideas:merge.heading")}</h3>
          {mergeCheck ? (
            <div className="alert" role="alert" tabIndex={-1}>
              <p><strong>{t("ideas:merge.confirmQuestion", { from: idea.number, fromTitle: idea.title, number: mergeCheck.number, title: mergeCheck.title })}</strong></p>
              {mergeCheck.otherPlace ? <p><WithNames template={t("ideas:merge.confirmOtherPlace", { number: mergeCheck.number, district: nameSlot(0), category: nameSlot(1) })} names={[mergeCheck.district, mergeCheck.category]} /></p> : null}
              {mergeCheck.developed ? <p>{t("ideas:merge.confirmDeveloped", { number: mergeCheck.number })}</p> : null}
              <Form method="post">
                <AuthenticityTokenInput />
                <input type="hidden" name="into" value={mergeCheck.number} />
                <input type="hidden" name="confirmed" value="yes" />
                <button type="submit" name="intent" value="merge" className="button">{t("ideas:merge.confirmButton", { number: mergeCheck.number })}</button>{" "}
                <Link to={`/ideas/${idea.id}`}>{t("ideas:merge.cancel")}</Link>
              </Form>
            </div>
          ) : (
            <Form method="post" {...getFormProps(mergeForm)}>
              <AuthenticityTokenInput />
              <TextField meta={mergeFields.into} label={t("ideas:merge.label")} hint={t("ideas:merge.hint")} type="number" />
              <button type="submit" name="intent" value="merge" className="button-secondary">{t("ideas:merge.button")}</button>
            </Form>
          )}
        </section>
      ) : null}
      {canWithdraw ? (
        <section aria-labelledby="withdraw-heading" className="card">
          <h2 id="withdraw-heading">{t("ideas:withdraw.heading")}</h2>
          <p>{t("ideas:withdraw.intro")}</p>
          <Form method="post" {...getFormProps(withdrawForm)}>
            <AuthenticityTokenInput />
            <TextareaField meta={withdrawFields.reason} label={t("ideas:withdraw.label")} rows={2} />
            <button type="submit" name="intent" value="withdraw" className="button-secondary">{t("ideas:withdraw.button")}</button>
          </Form>
        </section>
      ) : null}
      {canHide ? (
        <section aria-labelledby="moderate" className="card">
          <h2 id="moderate">{t("ideas:hide.heading")}</h2>
          <Form method="post" {...getFormProps(hideForm)}>
            <AuthenticityTokenInput />
            <TextareaField meta={hideFields.reason} label={t("ideas:hide.label")} hint={t("ideas:hide.hint")} rows={2} />
            <button type="submit" name="intent" value="hide" className="button-secondary">{t("ideas:hide.button")}</button>
          </Form>
        </section>
      ) : null}
      {thread ? <CommentThread thread={thread} /> : null}
    </article>
  );
}
