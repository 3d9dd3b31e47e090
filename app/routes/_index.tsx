import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getActor } from "~/auth.server";
import { PhaseTimeline } from "~/components/cycle";
import { cyclePhase, listCycles } from "~/db/cycles.server";
import { hasRole } from "~/domain/auth/roles";
import { PHASE_KEYS } from "~/domain/cycles/phases";
import { ballotRulesFor, describeBallotRules } from "~/domain/ballots/rules";
import { isTallyRule, TALLY_RULE_KEYS } from "~/domain/cycles/rules-schema";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { createI18n, useFormat, useMessage, type Translations } from "~/i18n/i18n";

// The home page's title is a whole sentence of its own, not "Page · Civic Budget".
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown; translations?: Translations } | undefined;
  const { t } = createI18n(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE, root?.translations ?? {});
  return [{ title: t("home:metaTitle") }];
};

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
      ballotRules: describeBallotRules(ballotRulesFor(c, { budgetCents: 0 }), c.currency, { perDistrict: true }),
      tallyRule: c.tallyRule,
    })),
  };
}

const NEXT_STEP: Record<string, { to: string; label: string } | null> = {
  draft: null,
  ideas: { to: "/ideas/new", label: "home:nextStep.ideas" },
  proposals: { to: "/proposals", label: "home:nextStep.proposals" },
  costing: { to: "/proposals", label: "home:nextStep.costing" },
  voting: { to: "/vote", label: "home:nextStep.voting" },
  results: { to: "/results", label: "home:nextStep.results" },
  implementation: { to: "/projects", label: "home:nextStep.implementation" },
  closed: { to: "/projects", label: "home:nextStep.closed" },
};

export default function Home() {
  const { cycles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const say = useMessage();
  return (
    <>
      <section className="hero">
        <h1>{t("home:title")}</h1>
        <p className="lead">{t("home:lead")}</p>
      </section>
      {cycles.length === 0 ? <p>{t("home:noCycle")}</p> : null}
      {cycles.map((c) => {
        const step = NEXT_STEP[c.phase];
        const q = `?cycle=${c.slug}`;
        return (
          <section key={c.slug} className="card" aria-labelledby={`cycle-${c.slug}`}>
            <h2 id={`cycle-${c.slug}`}>{c.name}</h2>
            <p>
              <strong>{t("home:now", { phase: t(PHASE_KEYS[c.phase]) })}</strong>
              {c.phase === "voting" && c.votingClosesOn ? <> — {t("home:votingCloses", { date: f.date(c.votingClosesOn) })}</> : null}
            </p>
            {c.description ? <p>{c.description}</p> : null}
            <PhaseTimeline phase={c.phase} />
            <p>
              {t("home:budget", {
                total: f.money(c.totalBudgetCents, c.currency),
                count: c.districts.length,
                districts: c.districts.map((d) => t("home:districtBudget", { district: d.name, budget: f.money(d.budgetCents, c.currency) })).join(", "),
              })}
            </p>
            {c.phase !== "closed" && c.phase !== "implementation" ? (
              <p>
                <strong>{t("home:howVoteWorks")}</strong> {say(c.ballotRules)} {t("home:countingRule", { rule: isTallyRule(c.tallyRule) ? t(TALLY_RULE_KEYS[c.tallyRule]) : c.tallyRule })}
              </p>
            ) : null}
            <p className="actions">
              {step ? (
                <Link className="button" to={step.to === "/vote" ? step.to : step.to + q}>
                  {t(step.label)}
                </Link>
              ) : null}{" "}
              <Link to={`/ideas${q}`}>{t("home:links.ideas")}</Link> · <Link to={`/proposals${q}`}>{t("home:links.proposals")}</Link> ·{" "}
              <Link to={`/results${q}`}>{t("home:links.results")}</Link> · <Link to={`/projects${q}`}>{t("home:links.projects")}</Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
