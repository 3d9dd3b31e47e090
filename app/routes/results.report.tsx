import { publishedResultsOf } from "~/guards.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { count } from "~/components/text";
import { TALLY_RULE_LABELS } from "~/domain/cycles/rules-schema";
import { formatMoney } from "~/domain/money";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Council report: ${data.cycle.name}` : "Council report" }];

/** A printable report for the council: one page per district. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { cycle, results } = await publishedResultsOf(request);
  return {
    cycle: { name: cycle.name, currency: cycle.currency },
    districts: results.map((r) => ({
      id: r.id,
      name: r.district.name,
      rule: TALLY_RULE_LABELS[r.rule as keyof typeof TALLY_RULE_LABELS] ?? r.rule,
      run: r.run,
      ballots: r.ballotCount,
      hash: r.ballotsHash,
      budgetCents: r.budgetCents,
      spentCents: r.spentCents,
      publishedAt: r.publishedAt?.toISOString().slice(0, 10) ?? "",
      winners: r.projects.filter((p) => p.selected).map((p) => ({ title: p.title, votes: p.votes, costCents: p.costCents })),
    })),
  };
}

export default function CouncilReport() {
  const { cycle, districts } = useLoaderData<typeof loader>();
  const money = (c: number) => formatMoney(c, cycle.currency);
  return (
    <div className="report">
      <p className="no-print">
        This page is laid out for printing, one page per district. <button type="button" className="link-button" onClick={() => window.print()}>Print</button>
      </p>
      {districts.length === 0 ? <p>No results are published for {cycle.name} yet.</p> : null}
      {districts.map((d) => (
        <section key={d.id} className="report-page" aria-labelledby={`r-${d.id}`}>
          <h1 id={`r-${d.id}`}>{cycle.name}: {d.name}</h1>
          <p>
            Results published {d.publishedAt}. {count(d.ballots, "ballot")} counted with the rule “{d.rule}” (run {d.run}).
          </p>
          <table>
            <thead><tr><th scope="col">Winning project</th><th scope="col" className="num">Votes</th><th scope="col" className="num">Cost</th></tr></thead>
            <tbody>
              {d.winners.map((w) => <tr key={w.title}><td>{w.title}</td><td className="num">{w.votes}</td><td className="num">{money(w.costCents)}</td></tr>)}
            </tbody>
            <tfoot>
              <tr><th scope="row" colSpan={2}>Total funded</th><td className="num"><strong>{money(d.spentCents)}</strong></td></tr>
              <tr><th scope="row" colSpan={2}>District budget</th><td className="num">{money(d.budgetCents)}</td></tr>
            </tfoot>
          </table>
          <p>SHA-256 of the ballots counted: <code>{d.hash}</code></p>
        </section>
      ))}
    </div>
  );
}
