import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getRevision } from "~/db/proposals.server";
import { loadProposal } from "~/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await loadProposal(request, params.id);
  const number = z.coerce.number().int().positive().safeParse(params.number);
  const revision = number.success ? await getRevision(proposal.id, number.data) : null;
  if (!revision) throw new Response("We could not find that revision.", { status: 404 });
  return {
    proposal: { id: proposal.id, number: proposal.number, latest: proposal.revisions[0]?.number ?? 1 },
    revision: { number: revision.number, title: revision.title, description: revision.description, note: revision.note, createdAt: revision.createdAt.toISOString().slice(0, 16).replace("T", " ") },
  };
}

export default function Revision() {
  const { proposal, revision } = useLoaderData<typeof loader>();
  return (
    <article>
      <p><Link to={`/proposals/${proposal.id}`}>← Back to proposal #{proposal.number}</Link></p>
      <p className="meta">Revision {revision.number} of {proposal.latest}, saved {revision.createdAt} UTC{revision.note ? ` — ${revision.note}` : ""}</p>
      <h1>{revision.title}</h1>
      <p className="prose">{revision.description}</p>
    </article>
  );
}
