import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { CostEstimateTable } from "~/components/estimate";
import { Notice, SelectField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { listAgencies } from "~/db/cycles.server";
import { sendForCosting } from "~/db/proposals.server";
import { loadProposal } from "~/guards.server";
import { costingPermissions } from "~/domain/costing/permissions";
import { proposalPermissions, PROPOSAL_STATUS_LABELS } from "~/domain/proposals/permissions";
import { sendForCostingInput } from "~/domain/proposals/schema";
import { count } from "~/components/text";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Proposal #${data.proposal.number}: ${data.proposal.title} · Civic Budget` : "Proposal · Civic Budget" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, proposal, phase } = await loadProposal(request, params.id);
  const canSend = proposalPermissions.sendForCosting(actor, { phase }, proposal);
  const [latest, ...older] = proposal.costEstimates;
  return {
    proposal: {
      id: proposal.id,
      number: proposal.number,
      title: proposal.title,
      description: proposal.description,
      status: proposal.status,
      district: proposal.district.name,
      category: proposal.category.name,
      agency: proposal.agency?.name ?? null,
      cycle: { slug: proposal.cycle.slug, name: proposal.cycle.name, currency: proposal.cycle.currency },
      ideas: proposal.ideas.map((i) => i.idea),
      revisions: proposal.revisions.map((r) => ({ number: r.number, note: r.note, createdAt: r.createdAt.toISOString().slice(0, 10) })),
      projectId: proposal.project?.id ?? null,
    },
    estimate: latest
      ? {
          totalCents: latest.totalCents,
          feasible: latest.feasible,
          publicReason: latest.publicReason,
          createdAt: latest.createdAt.toISOString().slice(0, 10),
          lineItems: latest.lineItems,
        }
      : null,
    olderEstimates: older.length,
    canEdit: proposalPermissions.edit(actor, { phase }, proposal),
    canSend,
    canCost: costingPermissions.estimate(actor, { phase }, proposal),
    agencies: canSend ? (await listAgencies()).map((a) => ({ value: a.id, label: a.name })) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal, phase } = await loadProposal(request, params.id);
  const formData = await readForm(request);
  authorize(request, actor, proposalPermissions.sendForCosting(actor, { phase }, proposal), "Only budget delegates can send a draft proposal for costing.");
  const submission = parseWithZod(formData, { schema: sendForCostingInput });
  if (submission.status !== "success") return formReply(submission);
  const agencies = await listAgencies();
  if (!agencies.some((a) => a.id === submission.value.agencyId)) {
    return formReply(submission, { fieldErrors: { agencyId: ["Choose one of the listed agencies."] } });
  }
  await sendForCosting(proposal.id, submission.value.agencyId, actor!);
  return redirect(`/proposals/${proposal.id}?sent=1`);
}

export default function ProposalPage() {
  const { proposal, estimate, olderEstimates, canEdit, canSend, canCost, agencies } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ lastResult, id: "send" });
  return (
    <article>
      <p><Link to={`/proposals?cycle=${proposal.cycle.slug}`}>← All proposals for {proposal.cycle.name}</Link></p>
      {searchParams.get("created") ? <Notice tone="success">Proposal created. Its source ideas now show that they were developed into it.</Notice> : null}
      {searchParams.get("sent") ? <Notice tone="success">Sent for costing. The agency's staff will estimate the cost and check feasibility.</Notice> : null}
      {searchParams.get("revised") ? <Notice tone="success">Saved as revision {searchParams.get("revised")}. Earlier versions stay readable below.</Notice> : null}
      <h1>Proposal #{proposal.number}: {proposal.title}</h1>
      <p className="meta">
        {proposal.district} · {proposal.category} ·{" "}
        <span className={`status status-${proposal.status}`}>{PROPOSAL_STATUS_LABELS[proposal.status] ?? proposal.status}</span>
        {proposal.agency ? ` · ${proposal.agency}` : ""}
      </p>
      {proposal.projectId ? <Notice tone="success">This proposal won and is now a project: <Link to={`/projects/${proposal.projectId}`}>follow its progress</Link>.</Notice> : null}
      <p className="prose">{proposal.description}</p>
      <div className="actions">
        {canEdit ? <Link className="button-secondary" to={`/proposals/${proposal.id}/edit`}>Edit proposal</Link> : null}
        {canCost ? <Link className="button" to={`/costing/${proposal.id}`}>Add a cost estimate</Link> : null}
      </div>
      {canSend ? (
        <section className="card" aria-labelledby="send-heading">
          <h2 id="send-heading">Send for costing</h2>
          <Form method="post" {...getFormProps(form)}>
            <AuthenticityTokenInput />
            <SelectField meta={fields.agencyId} label="Responsible agency" options={agencies} />
            <button type="submit" className="button">Send for costing</button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="ideas">
        <h2 id="ideas">Developed from these ideas</h2>
        <ul>
          {proposal.ideas.map((i) => <li key={i.id}><Link to={`/ideas/${i.id}`}>Idea #{i.number}: {i.title}</Link></li>)}
        </ul>
      </section>
      <section aria-labelledby="cost">
        <h2 id="cost">Cost and feasibility</h2>
        {estimate ? <CostEstimateTable estimate={estimate} currency={proposal.cycle.currency} /> : <p>Not costed yet.</p>}
        {olderEstimates ? <p className="muted">{count(olderEstimates, "earlier estimate")} kept on record.</p> : null}
      </section>
      <section aria-labelledby="revisions">
        <h2 id="revisions">Revisions</h2>
        <ol reversed>
          {proposal.revisions.map((r) => (
            <li key={r.number}>
              <Link to={`/proposals/${proposal.id}/revisions/${r.number}`}>Revision {r.number}</Link> — {r.createdAt}
              {r.note ? `: ${r.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
