// Loads a record for a route together with who is asking, and answers 404 when
// the record does not exist or its cycle is not public to this person.
import { authorize, getActor } from "~/auth.server";
import { cyclePhase } from "~/db/cycles.server";
import { getProposal } from "~/db/proposals.server";
import { costingPermissions } from "~/domain/costing/permissions";
import { cyclePermissions } from "~/domain/cycles/permissions";

export async function loadProposal(request: Request, id: string | undefined) {
  const actor = await getActor(request);
  const proposal = id ? await getProposal(id) : null;
  if (!proposal || !cyclePermissions.view(actor, proposal.cycle)) throw new Response("We could not find that proposal.", { status: 404 });
  return { actor, proposal, phase: cyclePhase(proposal.cycle) };
}

/** The costing page: only staff of the proposal's agency may open it. */
export async function loadProposalForCosting(request: Request, id: string | undefined) {
  const loaded = await loadProposal(request, id);
  authorize(
    request,
    loaded.actor,
    costingPermissions.estimate(loaded.actor, { phase: loaded.phase }, loaded.proposal),
    "Only staff of the agency this proposal was sent to can cost it, while proposals are being costed.",
  );
  return { ...loaded, actor: loaded.actor! };
}
