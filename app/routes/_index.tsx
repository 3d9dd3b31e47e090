import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getActor } from "~/auth.server";
import { PhaseTimeline } from "~/components/cycle";
import { cyclePhase, listCycles } from "~/db/cycles.server";
import { hasRole } from "~/domain/auth/roles";
import { PHASE_LABELS } from "~/domain/cycles/phases";
import { ballotRulesFor, describeBallotRules } from "~/domain/ballots/rules";
import { TALLY_RULE_LABELS } from "~/domain/cycles/rules-schema";
import { formatMoney } from "~/domain/money";
import { count } from "~/components/text";

export const meta: MetaFunction = () => [{ title: "Civic Budget — decide together how to spend the public budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const cycles = await listCycles({ includeDrafts: hasRole(actor, "admin") });
  return {
    cycles: cycles.map((c) => ({
      slug: c.slug,
      name: c.name,
      description: c.description,
      phase: cyclePhase(c),
      currency: c.currency,
      votingOpensOn: c.votingOpensOn,
      votingClosesOn: c.votingClosesOn,
      totalBudgetCents: c.districts.reduce((s, d) => s + d.budgetCents, 0),
      districts: c.districts.map((d) => ({ name: d.name, budgetCents: d.budgetCents })),
      ballotRules: describeBallotRules(ballotRulesFor(c, { budgetCents: 0 }), c.currency, "your district"),
      countingRule: TALLY_RULE_LABELS[c.tallyRule as keyof typeof TALLY_RULE_LABELS] ?? c.tallyRule,
    })),
  };
}

const NEXT_STEP: Record<string, { to: string; label: string } | null> = {
  draft: null,
  ideas: { to: "/ideas/new", label: "Share an idea" },
  proposals: { to: "/proposals", label: "Follow the proposals" },
  costing: { to: "/proposals", label: "See the proposals being costed" },
  voting: { to: "/vote", label: "Vote now" },
  results: { to: "/results", label: "See the results" },
  implementation: { to: "/projects", label: "Track the projects" },
  closed: { to: "/projects", label: "See what was built" },
};

export default function Home() {
  const { cycles } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>Decide together how to spend part of the public budget</h1>
        <p className="lead">
          Bring an idea, help turn ideas into proposals, vote for the projects you want, and follow them until they are built.
        </p>
      </section>
      {cycles.length === 0 ? <p>No budgeting cycle is open yet. Check back soon.</p> : null}
      {cycles.map((c) => {
        const step = NEXT_STEP[c.phase];
        const q = `?cycle=${c.slug}`;
        return (
          <section key={c.slug} className="card" aria-labelledby={`cycle-${c.slug}`}>
            <h2 id={`cycle-${c.slug}`}>{c.name}</h2>
            <p>
              <strong>Now: {PHASE_LABELS[c.phase]}</strong>
              {c.phase === "voting" && c.votingClosesOn ? ` — voting closes ${c.votingClosesOn}` : ""}
            </p>
            {c.description ? <p>{c.description}</p> : null}
            <PhaseTimeline phase={c.phase} />
            <p>
              {formatMoney(c.totalBudgetCents, c.currency)} across {count(c.districts.length, "district")}:{" "}
              {c.districts.map((d) => `${d.name} (${formatMoney(d.budgetCents, c.currency)})`).join(", ")}.
            </p>
            {c.phase !== "closed" && c.phase !== "implementation" ? (
              <p>
                <strong>How the vote works:</strong> {c.ballotRules} Counting rule: {c.countingRule}.
              </p>
            ) : null}
            <p className="actions">
              {step ? (
                <Link className="button" to={step.to === "/vote" ? step.to : step.to + q}>
                  {step.label}
                </Link>
              ) : null}{" "}
              <Link to={`/ideas${q}`}>Ideas</Link> · <Link to={`/proposals${q}`}>Proposals</Link> ·{" "}
              <Link to={`/results${q}`}>Results</Link> · <Link to={`/projects${q}`}>Projects</Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
