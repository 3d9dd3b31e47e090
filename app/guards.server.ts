// Loads a record for a route together with who is asking, and answers 404 when
// the record does not exist or its cycle is not public to this person.
import { z, type RefinementCtx } from "zod";
import { authorize, getActor } from "~/auth.server";
import { delegateReach } from "~/db/committees.server";
import { cyclePhase, getCycle, listCycles, resolveCycle } from "~/db/cycles.server";
import { districtAndCategoryInCycle, getIdea } from "~/db/ideas.server";
import { getProposal } from "~/db/proposals.server";
import { latestResults } from "~/db/results.server";
import type { Actor } from "~/domain/auth/roles";
import { costingPermissions } from "~/domain/costing/permissions";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { message } from "~/i18n/message";
import { cyclesInLocale } from "~/db/translations.server";

export async function loadIdea(request: Request, id: string | undefined) {
  const actor = await getActor(request);
  const idea = id ? await getIdea(id) : null;
  if (!idea || !cyclePermissions.view(actor, idea.cycle)) throw new Response(message("ideas:errors.notFound"), { status: 404 });
  return { actor, idea, phase: cyclePhase(idea.cycle), reach: await delegateReach(idea.cycleId, actor?.id) };
}

export async function loadProposal(request: Request, id: string | undefined) {
  const actor = await getActor(request);
  const proposal = id ? await getProposal(id) : null;
  if (!proposal || !cyclePermissions.view(actor, proposal.cycle)) throw new Response(message("proposals:errors.notFound"), { status: 404 });
  return { actor, proposal, phase: cyclePhase(proposal.cycle), reach: await delegateReach(proposal.cycleId, actor?.id) };
}

/** The costing page: only staff of the proposal's agency may open it. */
export async function loadProposalForCosting(request: Request, id: string | undefined) {
  const loaded = await loadProposal(request, id);
  authorize(
    request,
    loaded.actor,
    costingPermissions.estimate(loaded.actor, { phase: loaded.phase }, loaded.proposal),
    message("costing:errors.onlyAgencyStaff"),
  );
  return { ...loaded, actor: loaded.actor! };
}

/** A zod refinement: the chosen district and category belong to this cycle (a tampered form cannot mix cycles). */
export function districtAndCategoryOf(cycleId: string) {
  return async (data: { districtId: string; categoryId: string }, ctx: RefinementCtx) => {
    const ok = await districtAndCategoryInCycle(cycleId, data.districtId, data.categoryId);
    if (!ok.district) ctx.addIssue({ code: "custom", path: ["districtId"], message: message("ideas:errors.districtNotInCycle") });
    if (!ok.category) ctx.addIssue({ code: "custom", path: ["categoryId"], message: message("ideas:errors.categoryNotInCycle") });
  };
}

/** The cycle named by ?cycle= (else the newest with published results) and its published results, for exports. */
export async function publishedResultsOf(request: Request) {
  const query = z.object({ cycle: z.string().max(60).optional() }).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = await getActor(request);
  const cycle = query.success ? await resolveCycle(query.data.cycle, { includeDrafts: cyclePermissions.seeDrafts(actor), prefer: "results" }) : null;
  if (!cycle) throw new Response(message("results:errors.cycleNotFound"), { status: 404 });
  return { cycle, results: await latestResults(cycle.id, { publishedOnly: true }) };
}

/**
 * For public lists: the cycle asked for by slug (else the newest suitable one),
 * and the cycles for the picker. Drafts only for the PB office.
 */
export async function publicCycleAndPicker(actor: Actor | null, slug: string | undefined, locale: string, prefer?: "ideas" | "proposals" | "results") {
  const includeDrafts = cyclePermissions.seeDrafts(actor);
  const [found, all] = await Promise.all([resolveCycle(slug, { includeDrafts, prefer }), listCycles({ includeDrafts })]);
  // Names (and the description) in the reader's language where the PB office translated them.
  const [cycle] = found ? await cyclesInLocale([found], locale) : [null];
  const cycles = await cyclesInLocale(all, locale);
  return { cycle, cycles: cycles.map((c) => ({ slug: c.slug, name: c.name, writtenIn: c.writtenIn })) };
}

type CycleWithParts = NonNullable<Awaited<ReturnType<typeof getCycle>>>;

/** A PB-office page about one cycle: the cycle by its slug (404 if none), then the stage's rule for this actor. */
export async function loadCycleFor(
  request: Request,
  slug: string | undefined,
  allowed: (actor: Actor | null, cycle: CycleWithParts & { phase: string }) => boolean,
  refusal: string,
) {
  const actor = await getActor(request);
  const cycle = slug ? await getCycle({ slug }) : null;
  if (!cycle) throw new Response(message("common:error.cycleNotFound"), { status: 404 });
  authorize(request, actor, allowed(actor, { ...cycle, phase: cyclePhase(cycle) }), refusal);
  return { actor: actor!, cycle };
}
