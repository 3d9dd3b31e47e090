import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { z } from "zod";
import { getActor } from "~/auth.server";
import { resolveCycle } from "~/db/cycles.server";
import { latestResults } from "~/db/results.server";
import { hasRole } from "~/domain/auth/roles";
import { resultRows } from "~/domain/results/export";

/** CSV of the published per-project results of a cycle, for the council and anyone else. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = z.object({ cycle: z.string().max(60).optional() }).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = await getActor(request);
  const cycle = query.success ? await resolveCycle(query.data.cycle, { includeDrafts: hasRole(actor, "admin") }) : null;
  if (!cycle) throw new Response("We could not find that cycle.", { status: 404 });
  const results = await latestResults(cycle.id, { publishedOnly: true });
  const csv = Papa.unparse(
    resultRows(
      results.map((r) => ({
        cycle: cycle.name,
        district: r.district.name,
        budgetCents: r.budgetCents,
        rule: r.rule,
        run: r.run,
        ballots: r.ballotCount,
        ballotsSha256: r.ballotsHash,
        projects: r.projects,
      })),
    ),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="results-${cycle.slug}.csv"`,
    },
  });
}
