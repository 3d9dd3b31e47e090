import { publishedResultsOf } from "~/guards.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseNote, scoreKindOf } from "~/domain/results/explain";
import { inPlainWords } from "~/http.server";

/** The full published result of a cycle as JSON: rules, parameters, digests, every project's outcome. */
async function load({ request }: LoaderFunctionArgs) {
  const { cycle, results } = await publishedResultsOf(request);
  const score = scoreKindOf(cycle.ballotMethod);
  const body = {
    cycle: { name: cycle.name, slug: cycle.slug, currency: cycle.currency, ballotMethod: cycle.ballotMethod, tallyRule: cycle.tallyRule },
    districts: results.map((r) => ({
      district: r.district.name,
      run: r.run,
      rule: r.rule,
      parameters: JSON.parse(r.parameters),
      software: r.software,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      ballots: r.ballotCount,
      // Paper ballots received but not countable: in neither the count above nor the ballots' digest.
      spoiledPaperBallots: r.spoiledCount,
      ballotsSha256: r.ballotsHash,
      budgetCents: r.budgetCents,
      spentCents: r.spentCents,
      summary: JSON.parse(r.summary),
      projects: r.projects.map((p) => ({
        id: p.proposalId,
        proposalNumber: p.number,
        title: p.title,
        costCents: p.costCents,
        // Named for what it counts: top-k points on ranked ballots are not a number of voters.
        [score]: p.votes,
        selected: p.selected,
        position: p.position,
        explanation: parseNote(p.note),
      })),
    })),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="results-${cycle.slug}.json"` },
  });
}

export const loader = inPlainWords(load);
