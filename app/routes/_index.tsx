import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Fragment } from "react";
import { getActor } from "~/auth.server";
import { PhaseTimeline } from "~/components/cycle";
import { cyclePhase, listCycles } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { byWhatResidentsCanDoNow, PHASE_KEYS } from "~/domain/cycles/phases";
import { ballotRulesFor, describeBallotRules } from "~/domain/ballots/rules";
import { tallyRuleName } from "~/domain/cycles/rules-schema";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { createI18n, useFormat, useMessage, useWrittenIn, type Translations } from "~/i18n/i18n";
import { projectsForReportBack, reportBackCycle } from "~/db/projects.server";
import { cyclesInLocale, districtNamesIn } from "~/db/translations.server";
import { localeOf } from "~/i18n/i18n.server";
import { OPEN_PHASES, reportBack } from "~/domain/implementation/progress";
import { HiddenContext } from "~/components/forms";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";

// The home page's title is a whole sentence of its own, not "Page · Civic Budget".
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown; translations?: Translations } | undefined;
  const { t } = createI18n(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE, root?.translations ?? {});
  return [{ title: t("home:metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [actor, locale] = await Promise.all([getActor(request), localeOf(request)]);
  // Each cycle's name and description in the reader's language when the PB office has translated them.
  const cycles = await cyclesInLocale(await listCycles({ includeDrafts: cyclePermissions.seeDrafts(actor) }), locale);
  // When a new cycle is open, the page starts with how the previous cycle's projects are doing.
  const found = await reportBackCycle(OPEN_PHASES);
  const previous = found && (await cyclesInLocale([found], locale))[0];
  const districtNames = await districtNamesIn(cycles.flatMap((c) => c.districts), locale);
  const reported = previous ? await projectsForReportBack(previous.id, locale) : [];
  const back = previous ? reportBack(reported, new Date().toISOString().slice(0, 10)) : null;
  const writtenIn = new Map(reported.map((p) => [p.id, p.writtenIn]));
  const withLanguage = <T extends { id: string }>(ps: T[]) => ps.map((p) => ({ ...p, writtenIn: writtenIn.get(p.id) ?? null }));
  const report = previous && back ? { cycle: previous, ...back, cancelled: withLanguage(back.cancelled), delayed: withLanguage(back.delayed) } : null;
  return {
    report,
    cycles: cycles
      .map((c) => ({
        slug: c.slug,
        name: c.name,
        description: c.description,
        writtenIn: c.writtenIn,
        phase: cyclePhase(c),
        currency: c.currency,
        votingOpensOn: c.votingOpensOn,
        votingClosesOn: c.votingClosesOn,
        totalBudgetCents: c.districts.reduce((s, d) => s + d.budgetCents, 0),
        districts: c.districts.map((d) => ({ ...districtNames.get(d.id)!, budgetCents: d.budgetCents })),
        ballotRules: describeBallotRules(ballotRulesFor(c, { budgetCents: 0 }), c.currency, { perDistrict: true }),
        tallyRule: c.tallyRule,
        ballotMethod: c.ballotMethod,
      }))
      .sort(byWhatResidentsCanDoNow), // stable: newest first within a phase
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
  const { cycles, report } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const say = useMessage();
  const writtenIn = useWrittenIn();
  return (
    <>
      <section className="hero">
        <h1>{t("home:title")}</h1>
        <p className="lead">{t("home:lead")}</p>
      </section>
      {cycles.length === 0 ? <p>{t("home:noCycle")}</p> : null}
      {cycles.map((c, i) => {
        const step = NEXT_STEP[c.phase];
        const q = `?cycle=${c.slug}`;
        // Last cycle's report-back follows the cycles open for voting, so "Vote" stays near the top.
        const reportHere = report && i === cycles.findIndex((x) => x.phase !== "voting");
        return (
          <Fragment key={c.slug}>
            {reportHere ? <ReportBack report={report} /> : null}
            <section className="card" aria-labelledby={`cycle-${c.slug}`}>
              <h2 id={`cycle-${c.slug}`}><OfficeText name={c} /></h2>
              <p>
                <strong>{t("home:now", { phase: t(PHASE_KEYS[c.phase]) })}</strong>
                {c.phase === "voting" && c.votingClosesOn ? <> — {t("home:votingCloses", { date: f.date(c.votingClosesOn) })}</> : null}
              </p>
              {c.description ? <p lang={writtenIn(c.writtenIn)}>{c.description}</p> : null}
              <PhaseTimeline phase={c.phase} />
              <p>
                <WithNames
                  template={t("home:budget", {
                    total: f.money(c.totalBudgetCents, c.currency),
                    count: c.districts.length,
                    districts: c.districts.map((d, i) => t("home:districtBudget", { district: nameSlot(i), budget: f.money(d.budgetCents, c.currency) })).join(", "),
                  })}
                  names={c.districts}
                />
              </p>
              {c.phase !== "closed" && c.phase !== "implementation" ? (
                <p>
                  <strong>{t("home:howVoteWorks")}</strong> {say(c.ballotRules)}{" "}
                  {t("home:countingRule", { rule: tallyRuleName(t, c.tallyRule, c.ballotMethod) })}
                </p>
              ) : null}
              <p className="actions">
                {step ? (
                  <Link className="button" to={step.to === "/vote" ? step.to : step.to + q}>
                    {t(step.label)}
                  </Link>
                ) : null}{" "}
                <Link to={`/ideas${q}`}>{t("home:links.ideas")}<HiddenContext><OfficeText name={c} /></HiddenContext></Link> ·{" "}
                <Link to={`/proposals${q}`}>{t("home:links.proposals")}<HiddenContext><OfficeText name={c} /></HiddenContext></Link> ·{" "}
                <Link to={`/results${q}`}>{t("home:links.results")}<HiddenContext><OfficeText name={c} /></HiddenContext></Link> ·{" "}
                <Link to={`/projects${q}`}>{t("home:links.projects")}<HiddenContext><OfficeText name={c} /></HiddenContext></Link>
              </p>
            </section>
          </Fragment>
        );
      })}
      {report && cycles.every((c) => c.phase === "voting") ? <ReportBack report={report} /> : null}
    </>
  );
}

function ReportBack({ report }: { report: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["report"]> }) {
  const { t } = useTranslation();
  const writtenIn = useWrittenIn();
  // Counted as the list filters them: a late milestone makes a project delayed, not only its status.
  const list = (health: string) => `/projects?cycle=${report.cycle.slug}&health=${health}`;
  return (
    <section className="card report-back" aria-labelledby="report-back">
      <h2 id="report-back"><WithNames template={t("home:reportBack.title", { cycle: nameSlot(0) })} names={[report.cycle]} /></h2>
      <p>{t("home:reportBack.lead", { count: report.total })}</p>
      <ul>
        <li>
          <Link to={list("done")}>{t("home:reportBack.done", { count: report.counts.done })}</Link>
        </li>
        <li>
          <Link to={list("on_track")}>{t("home:reportBack.onTrack", { count: report.counts.on_track })}</Link>
        </li>
        <li>
          <Link to={list("delayed")}>{t("home:reportBack.delayed", { count: report.counts.delayed })}</Link>
          {report.delayed.length > 0 ? (
            <>
              {": "}
              {report.delayed.map((p, i) => (
                <span key={p.id}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/projects/${p.id}`} lang={writtenIn(p.writtenIn)}>{p.title}</Link>
                </span>
              ))}
            </>
          ) : null}
        </li>
        <li>
          <Link to={list("cancelled")}>{t("home:reportBack.cancelled", { count: report.counts.cancelled })}</Link>
          {report.cancelled.length > 0 ? (
            <ul>
              {report.cancelled.map((p) => (
                <li key={p.id}>
                  <Link to={`/projects/${p.id}`} lang={writtenIn(p.writtenIn)}>{p.title}</Link>: {p.reason ?? t("home:reportBack.noReason")}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      </ul>
      <p>
        <Link to={`/projects?cycle=${report.cycle.slug}`}><WithNames template={t("home:reportBack.all", { cycle: nameSlot(0) })} names={[report.cycle]} /></Link>
      </p>
    </section>
  );
}
