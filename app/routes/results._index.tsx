import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { VotesChart } from "~/components/results-chart";
import { cyclePhase } from "~/db/cycles.server";
import { publicCycleAndPicker } from "~/guards.server";
import { latestResults } from "~/db/results.server";
import { PHASE_KEYS } from "~/domain/cycles/phases";
import { numberedTitle, scoreKindOf } from "~/domain/results/explain";
import { ProjectOutcomes } from "~/components/project-outcomes";
import { CountedWith } from "~/components/counted-with";
import { tallyRuleName } from "~/domain/cycles/rules-schema";
import { z } from "zod";
import { useFormat, useLocale, useWrittenIn, type OfficeName } from "~/i18n/i18n";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";
import { INTL_LOCALE } from "~/i18n/config";
import { greedyDifference, unspentReason } from "~/domain/results/satisfaction";
import { pageTitle } from "~/i18n/meta";
import { localeOf } from "~/i18n/i18n.server";
import { districtNamesIn, resultTitlesIn } from "~/db/translations.server";
import { HiddenContext } from "~/components/forms";
import type { ReactNode } from "react";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data?.cycle ? pageTitle(matches, "results:list.cycleMetaTitle", { cycle: data.cycle.name }) : pageTitle(matches, "results:list.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const query = z.object({ cycle: z.string().optional() }).parse(Object.fromEntries(new URL(request.url).searchParams));
  const { cycle, cycles } = await publicCycleAndPicker(actor, query.cycle, await localeOf(request), "results");
  if (!cycle) return { cycle: null, cycles: [], results: [] };
  const results = await latestResults(cycle.id, { publishedOnly: true });
  // Project titles in the reader's language where the proposal was translated (the council's files keep the originals).
  const titleOf = await resultTitlesIn(results.flatMap((r) => r.projects.map((p) => p.proposalId)), await localeOf(request));
  const districtNames = await districtNamesIn(results.map((r) => r.district), await localeOf(request));
  return {
    cycle: {
      slug: cycle.slug,
      name: cycle.name,
      writtenIn: cycle.writtenIn,
      currency: cycle.currency,
      phase: cyclePhase(cycle),
      ballotMethod: cycle.ballotMethod,
      score: scoreKindOf(cycle.ballotMethod),
      // Top-k points: a first choice earns maxRanks points (../shared/tally-rules.md).
      firstChoicePoints: cycle.maxRanks,
    },
    cycles,
    results: results.map((r) => ({
      id: r.id,
      district: districtNames.get(r.district.id)!,
      budgetCents: r.budgetCents,
      spentCents: r.spentCents,
      ballotCount: r.ballotCount,
      spoiledCount: r.spoiledCount,
      rule: r.rule,
      run: r.run,
      software: r.software,
      ballotsHash: r.ballotsHash,
      publishedAt: r.publishedAt?.toISOString().slice(0, 10) ?? "",
      summary: JSON.parse(r.summary) as Partial<Record<"withAWinner" | "withAWinnerUnderGreedy", { satisfied: number; voters: number }> & { greedyWinners: string[] }>,
      // The public number is the project's id in the .pb file and a recount's output, and what the tie-break compares.
      projects: r.projects.map((p) => ({ id: p.proposalId, number: p.number, ...titleOf(p), votes: p.votes, costCents: p.costCents, selected: p.selected, note: p.note })),
    })),
  };
}

export default function Results() {
  const { cycle, cycles, results } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  if (!cycle) return <><h1>{t("results:list.title")}</h1><p>{t("results:list.noCycle")}</p></>;
  const money = (c: number) => f.money(c, cycle.currency);
  const percent = (s: { satisfied: number; voters: number }) => f.percent(s.voters ? s.satisfied / s.voters : 0);
  const points = cycle.score === "points";
  return (
    <>
      <h1><WithNames template={t("results:list.heading", { cycle: nameSlot(0) })} names={[cycle]} /></h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      {results.length === 0 ? (
        <p>{t("results:list.none", { phase: t(PHASE_KEYS[cycle.phase]) })}</p>
      ) : (
        <p>
          <CountedWith rule={results[0].rule} ballotMethod={cycle.ballotMethod} score={cycle.score} firstChoicePoints={cycle.firstChoicePoints} />{" "}
          <Trans
            i18nKey="results:list.downloads"
            components={{
              csv: <a href={`/results/export.csv?cycle=${cycle.slug}`} download />,
              json: <a href={`/results/export.json?cycle=${cycle.slug}`} download />,
              report: <a href={`/results/report?cycle=${cycle.slug}`} />,
              trackers: <Link to={`/results/trackers?cycle=${cycle.slug}`} />,
            }}
          />
        </p>
      )}
      {results.map((r) => (
        <section key={r.id} className="card" aria-labelledby={`d-${r.id}`}>
          <h2 id={`d-${r.id}`}><OfficeText name={r.district} /></h2>
          <p>
            {t("results:district.summary", {
              count: r.ballotCount,
              budget: money(r.budgetCents),
              spent: money(r.spentCents),
              // One decimal: $71,700 of $72,000 is 99.6%, not a "100%" that hides $300 left over.
              percent: f.percent(r.budgetCents ? r.spentCents / r.budgetCents : 0, 1),
              date: r.publishedAt ? f.date(r.publishedAt) : "",
            })}
          </p>
          <Unspent budgetCents={r.budgetCents} spentCents={r.spentCents} projects={r.projects} money={money} />
          {r.spoiledCount ? <p>{t("results:district.spoiled", { count: r.spoiledCount })}</p> : null}
          <h3>{t("results:district.winners")}</h3>
          {r.projects.some((p) => p.selected) ? (
            <ul>
              {r.projects.filter((p) => p.selected).map((p) => (
                <li key={p.id}>
                  <Link to={`/proposals/${p.id}`} lang={writtenIn(p.writtenIn)}>{p.title}</Link> — {t(points ? "results:district.winnerPoints" : "results:district.winnerVotes", { count: p.votes, cost: money(p.costCents) })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("results:district.noWinners")}</p>
          )}
          {r.ballotCount > 0 ? <VotesChart projects={r.projects} /> : null}
          {r.ballotCount === 0 ? (
            // Shares of no voters, and what greedy does with no votes at all, would say nothing true.
            <p>{t("results:district.noBallots")}</p>
          ) : r.summary.withAWinner && r.rule !== "greedy" && r.summary.withAWinnerUnderGreedy ? (
            <>
              <table className="compact">
                <caption>{t("results:district.satisfactionHeading")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results:district.countingRule")}</th>
                    <th scope="col" className="num">{t("results:district.satisfactionShare")}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t("results:district.satisfactionRule", { rule: tallyRuleName(t, r.rule, cycle.ballotMethod) })}</th>
                    <td className="num">{percent(r.summary.withAWinner)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t(points ? "results:district.satisfactionGreedyPoints" : "results:district.satisfactionGreedy")}</th>
                    <td className="num">{percent(r.summary.withAWinnerUnderGreedy)}</td>
                  </tr>
                </tbody>
              </table>
              {r.summary.greedyWinners ? <GreedyDifference projects={r.projects} greedyWinners={r.summary.greedyWinners} points={points} /> : null}
            </>
          ) : r.summary.withAWinner ? (
            <p>{t("results:district.satisfaction", { percent: percent(r.summary.withAWinner) })}</p>
          ) : null}
          <ProjectOutcomes district={r.district} projects={r.projects} score={cycle.score} currency={cycle.currency} />
          <p className="muted">
            <Trans
              i18nKey="results:district.audit"
              values={{ rule: r.rule, run: r.run, software: r.software, hash: r.ballotsHash }}
              components={{ rule: <code />, code: <code data-testid="ballots-hash" />, pb: <DownloadLink href={`/results/ballots/${r.id}.pb`} context={<OfficeText name={r.district} />} /> }}
            />
          </p>
        </section>
      ))}
    </>
  );
}

/** Which projects plain greedy would have funded instead, by name: what the two shares above mean in practice. */
function GreedyDifference({ projects, greedyWinners, points }: { projects: { number: number | null; title: string; writtenIn: string | null; selected: boolean }[]; greedyWinners: string[]; points: boolean }) {
  const { t } = useTranslation();
  const list = new Intl.ListFormat(INTL_LOCALE[useLocale()], { type: "conjunction" });
  const { onlyUnderGreedy, onlyUnderRule } = greedyDifference(projects, greedyWinners);
  // Each title marked with its language where it is shown untranslated.
  const titles: OfficeName[] = [];
  const names = (ps: typeof projects) => list.format(ps.map((p) => nameSlot(titles.push({ name: numberedTitle(p), writtenIn: p.writtenIn }) - 1)));
  const by = points ? "Points" : "Votes";
  const text =
    onlyUnderGreedy.length === 0 && onlyUnderRule.length === 0
      ? t("results:district.greedySame")
      : onlyUnderGreedy.length === 0
        ? t(`results:district.greedyWithout${by}`, { rule: names(onlyUnderRule) })
        : onlyUnderRule.length === 0
          ? t(`results:district.greedyAlso${by}`, { greedy: names(onlyUnderGreedy) })
          : t(`results:district.greedyInstead${by}`, { greedy: names(onlyUnderGreedy), rule: names(onlyUnderRule) });
  return <p><WithNames template={text} names={titles} /></p>;
}

/** What was not spent, and why, so money left over is not a mystery. */
function Unspent({ budgetCents, spentCents, projects, money }: { budgetCents: number; spentCents: number; projects: { costCents: number; selected: boolean }[]; money: (cents: number) => string }) {
  const { t } = useTranslation();
  const unspent = unspentReason(budgetCents, spentCents, projects);
  if (!unspent) return null;
  const key = { "all-funded": "results:district.unspentAllFunded", "nothing-fits": "results:district.unspentNothingFits", rule: "results:district.unspentRule" }[unspent.why];
  return <p>{t(key, { left: money(unspent.leftCents) })}</p>;
}

/** One district's download among several: Trans gives the link's words as children. */
function DownloadLink({ href, context, children }: { href: string; context: ReactNode; children?: ReactNode }) {
  return (
    <a href={href} download>
      {children}
      <HiddenContext>{context}</HiddenContext>
    </a>
  );
}
