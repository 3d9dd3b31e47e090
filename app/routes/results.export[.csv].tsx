import { publishedResultsOf } from "~/guards.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { spreadsheetCsv } from "~/domain/csv";
import { scoreKindOf } from "~/domain/results/explain";
import { resultColumns, resultRows } from "~/domain/results/export";
import { csvDownload, inPlainWords } from "~/http.server";

/** CSV of the published per-project results of a cycle, for the council and anyone else. */
async function load({ request }: LoaderFunctionArgs) {
  const { cycle, results } = await publishedResultsOf(request);
  const score = scoreKindOf(cycle.ballotMethod);
  const csv = spreadsheetCsv(
    resultRows(
      results.map((r) => ({
        cycle: cycle.name,
        district: r.district.name,
        budgetCents: r.budgetCents,
        rule: r.rule,
        run: r.run,
        ballots: r.ballotCount,
        ballotsSha256: r.ballotsHash,
        spoiledPaperBallots: r.spoiledCount,
        score,
        projects: r.projects,
      })),
    ),
    // Named columns: without them no rows (nothing published yet) would give an empty file.
    { columns: resultColumns(score) },
  );
  return csvDownload(csv, `results-${cycle.slug}.csv`);
}

export const loader = inPlainWords(load);
