import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { VotesChart } from "~/components/results-chart";
import { cyclePhase } from "~/db/cycles.server";
import { publicCycleAndPicker } from "~/guards.server";
import { latestResults } from "~/db/results.server";
import { PHASE_LABELS } from "~/domain/cycles/phases";
import { formatMoney } from "~/domain/money";
import { explainNote, parseNote } from "~/domain/results/explain";
import { TALLY_RULE_LABELS, TALLY_RULES } from "~/domain/cycles/rules-schema";
import { z } from "zod";
import { count } from "~/components/text";

export const meta: MetaFunction = () => [{ title: "Results · Civic Budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const query = z.object({ cycle: z.string().optional() }).parse(Object.fromEntries(new URL(request.url).searchParams));
  const { cycle, cycles } = await publicCycleAndPicker(actor, query.cycle, "results");
  if (!cycle) return { cycle: null, cycles: [], results: [] };
  const results = await latestResults(cycle.id, { publishedOnly: true });
  return {
    cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency, phase: cyclePhase(cycle) },
    cycles,
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
      summary: JSON.parse(r.summary) as Partial<Record<"withAWinner" | "withAWinnerUnderGreedy", { satisfied: number; voters: number }>>,
      projects: r.projects.map((p) => ({ id: p.proposalId, title: p.title, votes: p.votes, costCents: p.costCents, selected: p.selected, note: p.note })),
    })),
  };
}

const RULE_EXPLANATIONS: Record<(typeof TALLY_RULES)[number], string> = {
  greedy:
    "In each district, projects are funded in order of votes while money remains; a project that does not fit the remaining budget is skipped and the next one is considered.",
  mes: "Each voter gets an equal share of the district budget. A project is funded when its supporters can pay for it together from their shares, cheapest per supporter first. This gives every group of voters a fair part of the budget.",
  "mes-add1":
    "Each voter gets an equal share of the district budget; a project is funded when its supporters can pay for it together. The shares are then raised step by step while the result still fits the budget, and any money left goes to the next projects by votes.",
};

const percent = (s: { satisfied: number; voters: number }) => (s.voters ? `${Math.round((s.satisfied / s.voters) * 100)}%` : "0%");

export default function Results() {
  const { cycle, cycles, results } = useLoaderData<typeof loader>();
  if (!cycle) return <><h1>Results</h1><p>No budgeting cycle is public yet.</p></>;
  const money = (c: number) => formatMoney(c, cycle.currency);
  const rule = (TALLY_RULES as readonly string[]).includes(results[0]?.rule) ? (results[0].rule as (typeof TALLY_RULES)[number]) : "greedy";
  return (
    <>
      <h1>Results: {cycle.name}</h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      {results.length === 0 ? (
        <p>No results are published for this cycle yet. Current phase: {PHASE_LABELS[cycle.phase]}.</p>
      ) : (
        <p>
          Counted with the rule <strong>{TALLY_RULE_LABELS[rule]}</strong>. {RULE_EXPLANATIONS[rule]} An exact tie goes to the proposal whose number comes
          first when read as text (so #10 comes before #9), the same order a recount of the published files uses.{" "}
          Downloads: <a href={`/results/export.csv?cycle=${cycle.slug}`} download>results (CSV)</a> ·{" "}
          <a href={`/results/export.json?cycle=${cycle.slug}`} download>full result (JSON)</a> ·{" "}
          <a href={`/results/report?cycle=${cycle.slug}`}>printable council report</a> ·{" "}
          <Link to={`/results/trackers?cycle=${cycle.slug}`}>check that your ballot was counted</Link>
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
          {r.summary.withAWinner ? (
            <p>
              {percent(r.summary.withAWinner)} of voters voted for at least one winning project
              {r.rule !== "greedy" && r.summary.withAWinnerUnderGreedy
                ? ` (under plain greedy counting it would have been ${percent(r.summary.withAWinnerUnderGreedy)}).`
                : "."}
            </p>
          ) : null}
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
                    <td>
                      {p.selected ? <span className="status status-selected">Funded</span> : null} {explainNote(parseNote(p.note), money)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Rule {r.rule}, run {r.run}, {r.software}. SHA-256 of the ballots counted: <code>{r.ballotsHash}</code>.{" "}
            <a href={`/results/ballots/${r.id}.pb`} download>Download the anonymised ballots (.pb)</a> to recount them yourself.
          </p>
        </section>
      ))}
    </>
  );
}
