import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize } from "~/auth.server";
import { Notice, TextareaField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { hasSupported, markNotTakenForward, supportIdea } from "~/db/ideas.server";
import { loadIdea } from "~/guards.server";
import { ideaPermissions, IDEA_STATUS_LABELS } from "~/domain/ideas/permissions";
import { ideaDecisionInput } from "~/domain/ideas/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Idea #${data.idea.number}: ${data.idea.title} · Civic Budget` : "Idea · Civic Budget" },
];

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
      author: idea.author?.name ?? "A resident",
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
  if (!parsed.success) throw new Response("Unknown action.", { status: 400 });
  if (parsed.data.intent === "support") {
    authorize(request, actor, ideaPermissions.support(actor, { phase }), "Ideas can be supported by residents while ideas and proposals are being gathered.");
    const { added } = await supportIdea(idea.id, actor!);
    return redirect(`/ideas/${idea.id}?supported=${added ? "1" : "again"}`);
  }
  authorize(request, actor, ideaPermissions.decide(actor, { phase }), "Only budget delegates decide which ideas are taken forward.");
  if (idea.status !== "open") throw new Response("This idea already has an outcome.", { status: 409 });
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
  return (
    <article>
      <p><Link to={`/ideas?cycle=${idea.cycle.slug}`}>← All ideas for {idea.cycle.name}</Link></p>
      {searchParams.get("submitted") ? <Notice tone="success">Thank you! Your idea was submitted. Budget delegates will review it, and this page will show what happens to it.</Notice> : null}
      {searchParams.get("supported") === "1" ? <Notice tone="success">You support this idea.</Notice> : null}
      {searchParams.get("supported") === "again" ? <Notice>You already support this idea; each person counts once.</Notice> : null}
      <h1>Idea #{idea.number}: {idea.title}</h1>
      <p className="meta">
        {idea.district} · {idea.category} · by {idea.author} on {idea.createdAt}
        {idea.location ? ` · ${idea.location}` : ""}
      </p>
      <p className="prose">{idea.description}</p>
      <section aria-labelledby="outcome">
        <h2 id="outcome">What happened to this idea</h2>
        <p><span className={`status status-${idea.status}`}>{IDEA_STATUS_LABELS[idea.status] ?? idea.status}</span></p>
        {idea.proposals.length ? (
          <ul>
            {idea.proposals.map((p) => (
              <li key={p.id}>Developed into <Link to={`/proposals/${p.id}`}>proposal #{p.number}: {p.title}</Link></li>
            ))}
          </ul>
        ) : null}
        {idea.status === "not_taken_forward" ? <p><strong>Reason:</strong> {idea.outcomeReason}</p> : null}
        {idea.status === "open" ? <p>Budget delegates have not decided on this idea yet.</p> : null}
      </section>
      <section aria-labelledby="support">
        <h2 id="support">Support</h2>
        <p>{idea.supports === 1 ? "1 resident supports" : `${idea.supports} residents support`} this idea.</p>
        {supported ? (
          <p>You support this idea.</p>
        ) : canSupport ? (
          <Form method="post">
            <AuthenticityTokenInput />
            <button type="submit" name="intent" value="support" className="button">Support this idea</button>
          </Form>
        ) : null}
      </section>
      {canDecide ? (
        <section aria-labelledby="decide" className="card">
          <h2 id="decide">Delegates: not taking this idea forward?</h2>
          <Form method="post" {...getFormProps(form)}>
            <AuthenticityTokenInput />
            <TextareaField meta={fields.reason} label="Public reason" hint="Residents will read this. Be specific and kind." rows={3} />
            <button type="submit" name="intent" value="not-taken-forward" className="button-secondary">Mark as not taken forward</button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
