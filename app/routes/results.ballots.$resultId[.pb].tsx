import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/auth.server";
import { resultWithBallots } from "~/db/results.server";
import { resultPermissions } from "~/domain/results/permissions";
import { districtToPabulib } from "~/domain/results/pabulib-export";
import { writePabulib } from "~/domain/tally/pabulib";
import { message } from "~/i18n/message";
import { inPlainWords } from "~/http.server";

/**
 * A published district's anonymised ballots as a Pabulib `.pb` file, for anyone to recount; a draft
 * count's too for the PB office, to recount before publishing (to anyone else it does not exist).
 */
async function load({ request, params }: LoaderFunctionArgs) {
  const found = params.resultId ? await resultWithBallots(params.resultId) : null;
  if (!found || !resultPermissions.downloadBallots(await getActor(request), found.result)) throw new Response(message("results:errors.resultNotFound"), { status: 404 });
  const { result, ballots, proposals, votingDays } = found;
  const file = districtToPabulib({
    cycle: { ...result.cycle, ...votingDays },
    district: result.district,
    // Projects are identified by their public proposal numbers, as on the ballot and in the digest.
    projects: result.projects.map((p) => ({
      id: String(proposals.get(p.proposalId)?.number ?? p.proposalId),
      title: p.title,
      costCents: p.costCents,
      votes: p.votes,
      selected: p.selected,
      category: proposals.get(p.proposalId)?.category ?? "",
    })),
    ballots,
  });
  const name = `${result.cycle.slug}-${result.district.name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return new Response(writePabulib(file, { counts: true }), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.pb"`,
      // A draft is the PB office's alone: never kept by a shared cache.
      ...(found.result.status === "published" ? {} : { "Cache-Control": "private, no-store" }),
    },
  });
}

export const loader = inPlainWords(load);
