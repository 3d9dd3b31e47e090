import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { VotesChart } from "~/components/results-chart";
import { cyclePhase, listCycles, resolveCycle } from "~/db/cycles.server";
import { latestResults } from "~/db/results.server";
import { hasRole } from "~/domain/auth/roles";
import { PHASE_LABELS } from "~/domain/cycles/phases";
import { formatMoney } from "~/domain/money";
import { explainNotSelected } from "~/domain/results/export";
import { z } from "zod";
import { count } from "~/components/text";

export const meta: MetaFunction = () => [{ title: "Results · Civic Budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const query = z.object({ cycle: z.string().optional() }).parse(Object.fromEntries(new URL(request.url).searchParams));
  const includeDrafts = hasRole(actor, "admin");
  const cycle = await resolveCycle(query.cycle, { includeDrafts, prefer: "results" });
  if (!cycle) return { cycle: null, cycles: [], results: [] };
  const [results, cycles] = await Promise.all([latestResults(cycle.id, { publishedOnly: true }), listCycles({ includeDrafts })]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency, phase: cyclePhase(cycle) },
    cycles: cycles.map((c) => ({ slug: c.slug, name: c.name })),
    results: results.map((r) => ({
      id: r.id,
      district: r.district.name,
      budgetCents: r.budgetCents,
      spentCents: r.spentCents,
      ballotCount: r.ballotCount,
      rule: r.rule,
      run: r.run,
      software: r.software,
      ballotsHash: r.ballotsHash,
      publishedAt: r.publishedAt?.toISOString().slice(0, 10) ?? "",
      projects: r.projects.map((p) => ({ id: p.proposalId, title: p.title, votes: p.votes, costCents: p.costCents, selected: p.selected, note: p.note })),
    })),
  };
}

export default function Results() {
  const { cycle, cycles, results } = useLoaderData<typeof loader>();
  if (!cycle) return <><h1>Results</h1><p>No budgeting cycle is public yet.</p></>;
  const money = (c: number) => formatMoney(c, cycle.currency);
  return (
    <>
      <h1>Results: {cycle.name}</h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      {results.length === 0 ? (
        <p>No results are published for this cycle yet. Current phase: {PHASE_LABELS[cycle.phase]}.</p>
      ) : (
        <p>
          Counted with the <strong>greedy</strong> rule: in each district, projects are funded in order of votes while money remains; a project that
          does not fit the remaining budget is skipped and the next one is considered. Ties go to the project listed first by its id.{" "}
          <a href={`/results/export.csv?cycle=${cycle.slug}`} download>Download all results (CSV)</a>
        </p>
      )}
      {results.map((r) => (
        <section key={r.id} className="card" aria-labelledby={`d-${r.id}`}>
          <h2 id={`d-${r.id}`}>{r.district}</h2>
          <p>
            {count(r.ballotCount, "ballot")} · budget {money(r.budgetCents)} · funded {money(r.spentCents)} ({Math.round((r.spentCents / r.budgetCents) * 100)}%) ·
            published {r.publishedAt}
          </p>
          <h3>Winning projects</h3>
          <ul>
            {r.projects.filter((p) => p.selected).map((p) => <li key={p.id}><Link to={`/proposals/${p.id}`}>{p.title}</Link> — {count(p.votes, "vote")}, {money(p.costCents)}</li>)}
          </ul>
          <VotesChart projects={r.projects} />
          <div className="table-scroll">
            <table>
              <caption className="sr-only">Votes per project in {r.district}</caption>
              <thead>
                <tr><th scope="col">Project</th><th scope="col" className="num">Votes</th><th scope="col" className="num">Cost</th><th scope="col">Outcome</th></tr>
              </thead>
              <tbody>
                {r.projects.map((p) => (
                  <tr key={p.id}>
                    <td>{p.title}</td>
                    <td className="num">{p.votes}</td>
                    <td className="num">{money(p.costCents)}</td>
                    <td>{p.selected ? <span className="status status-selected">Funded</span> : explainNotSelected(p.note, money)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Rule {r.rule}, run {r.run}, {r.software}. SHA-256 of the ballots counted: <code>{r.ballotsHash}</code>
          </p>
        </section>
      ))}
    </>
  );
}
