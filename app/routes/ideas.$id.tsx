import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize } from "~/auth.server";
import { Notice, TextareaField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { hasSupported, markNotTakenForward, supportIdea } from "~/db/ideas.server";
import { loadIdea } from "~/guards.server";
import { ideaPermissions, IDEA_STATUS_KEYS } from "~/domain/ideas/permissions";
import { ideaDecisionInput } from "~/domain/ideas/schema";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? pageTitle(matches, "ideas:detail.metaTitle", { number: data.idea.number, title: data.idea.title })
    : pageTitle(matches, "ideas:detail.metaTitleFallback");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, idea, phase } = await loadIdea(request, params.id);
  const supported = actor ? await hasSupported(idea.id, actor.id) : false;
  return {
    idea: {
      id: idea.id,
      number: idea.number,
      title: idea.title,
      description: idea.description,
      location: idea.location,
      status: idea.status,
      outcomeReason: idea.outcomeReason,
      district: idea.district.name,
      category: idea.category.name,
      author: idea.author?.name ?? null,
      createdAt: idea.createdAt.toISOString().slice(0, 10),
      supports: idea._count.supports,
      cycle: { slug: idea.cycle.slug, name: idea.cycle.name },
      proposals: idea.proposals.map((p) => p.proposal),
    },
    supported,
    canSupport: ideaPermissions.offerSupport(actor, { phase }),
    canDecide: ideaPermissions.decide(actor, { phase }) && idea.status === "open",
  };
}

const intent = z.object({ intent: z.enum(["support", "not-taken-forward"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, idea, phase } = await loadIdea(request, params.id);
  const formData = await readForm(request);
  const parsed = intent.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response(message("ideas:errors.unknownAction"), { status: 400 });
  if (parsed.data.intent === "support") {
    authorize(request, actor, ideaPermissions.support(actor, { phase }), message("ideas:errors.supportClosed"));
    const { added } = await supportIdea(idea.id, actor!);
    return redirect(`/ideas/${idea.id}?supported=${added ? "1" : "again"}`);
  }
  authorize(request, actor, ideaPermissions.decide(actor, { phase }), message("ideas:errors.onlyDelegatesDecide"));
  if (idea.status !== "open") throw new Response(message("ideas:errors.alreadyDecided"), { status: 409 });
  const submission = parseWithZod(formData, { schema: ideaDecisionInput });
  if (submission.status !== "success") return formReply(submission);
  await markNotTakenForward(idea.id, submission.value.reason, actor!);
  return redirect(`/ideas/${idea.id}`);
}

export default function IdeaPage() {
  const { idea, supported, canSupport, canDecide } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ lastResult, id: "decision" });
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <article>
      <p><Link to={`/ideas?cycle=${idea.cycle.slug}`}>{t("ideas:detail.back", { cycle: idea.cycle.name })}</Link></p>
      {searchParams.get("submitted") ? <Notice tone="success">{t("ideas:detail.submitted")}</Notice> : null}
      {searchParams.get("supported") === "1" ? <Notice tone="success">{t("ideas:detail.supportedNow")}</Notice> : null}
      {searchParams.get("supported") === "again" ? <Notice>{t("ideas:detail.supportedAgain")}</Notice> : null}
      <h1>{t("ideas:detail.title", { number: idea.number, title: idea.title })}</h1>
      <p className="meta">
        {t("ideas:detail.byline", {
          district: idea.district,
          category: idea.category,
          author: idea.author ?? t("ideas:detail.anonymousAuthor"),
          date: f.date(idea.createdAt),
        })}
        {idea.location ? ` · ${idea.location}` : ""}
      </p>
      <p className="prose">{idea.description}</p>
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
              </li>
            ))}
          </ul>
        ) : null}
        {idea.status === "not_taken_forward" ? <p><strong>{t("ideas:detail.reason")}</strong> {idea.outcomeReason}</p> : null}
        {idea.status === "open" ? <p>{t("ideas:detail.undecided")}</p> : null}
      </section>
      <section aria-labelledby="support">
        <h2 id="support">{t("ideas:detail.supportHeading")}</h2>
        <p>{t("ideas:detail.supportCount", { count: idea.supports })}</p>
        {supported ? (
          <p>{t("ideas:detail.youSupport")}</p>
        ) : canSupport ? (
          <Form method="post">
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
        </section>
      ) : null}
    </article>
  );
}
