import { useEffect, useState } from "react";
import { publishedResultsOf } from "~/guards.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CountedWith } from "~/components/counted-with";
import { tallyRuleName } from "~/domain/cycles/rules-schema";
import { explainNote, numberedTitle, parseNote, scoreKindOf } from "~/domain/results/explain";
import { cyclesInLocale, districtNamesIn, resultTitlesIn } from "~/db/translations.server";
import { useFormat, useWrittenIn } from "~/i18n/i18n";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";
import { localeOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "results:report.metaTitleCycle", { cycle: data.cycle.name }) : pageTitle(matches, "results:report.metaTitle");

/** A printable report for the council: one page per district. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { cycle: original, results } = await publishedResultsOf(request);
  // Names and titles in the reader's language where the PB office translated them, as on the results page.
  const locale = await localeOf(request);
  const [[cycle], districtNames, titleOf] = await Promise.all([
    cyclesInLocale([original], locale),
    districtNamesIn(results.map((r) => r.district), locale),
    resultTitlesIn(results.flatMap((r) => r.projects.map((p) => p.proposalId)), locale),
  ]);
  return {
    cycle: {
      name: cycle.name,
      writtenIn: cycle.writtenIn,
      currency: cycle.currency,
      ballotMethod: cycle.ballotMethod,
      score: scoreKindOf(cycle.ballotMethod),
      firstChoicePoints: cycle.maxRanks,
      votingOpensOn: cycle.votingOpensOn,
      votingClosesOn: cycle.votingClosesOn,
    },
    districts: results.map((r) => ({
      id: r.id,
      ...districtNames.get(r.district.id)!,
      rule: r.rule,
      run: r.run,
      ballots: r.ballotCount,
      spoiled: r.spoiledCount,
      hash: r.ballotsHash,
      budgetCents: r.budgetCents,
      spentCents: r.spentCents,
      publishedAt: r.publishedAt?.toISOString().slice(0, 10) ?? "",
      winners: r.projects.filter((p) => p.selected).map((p) => ({ number: p.number, ...titleOf(p), votes: p.votes, costCents: p.costCents })),
      // The council adopts the whole result: what was not funded is on the page too, as the results page lists it.
      notFunded: r.projects.filter((p) => !p.selected).map((p) => ({ number: p.number, ...titleOf(p), votes: p.votes, costCents: p.costCents, note: p.note })),
    })),
  };
}

// On a phone the tables scroll sideways inside the page; on paper they fit the page.
export default function CouncilReport() {
  const { cycle, districts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  const money = (c: number) => f.money(c, cycle.currency);
  const scoreLabel = t(cycle.score === "points" ? "results:district.points" : "results:district.votes");
  const period =
    cycle.votingOpensOn && cycle.votingClosesOn
      ? t("results:report.votingPeriod", { opens: f.date(cycle.votingOpensOn), closes: f.date(cycle.votingClosesOn) })
      : null;
  const cycleTotals = t("results:report.cycleTotals", {
    count: districts.length,
    ballots: f.number(districts.reduce((n, d) => n + d.ballots, 0)),
    funded: money(districts.reduce((n, d) => n + d.spentCents, 0)),
    budget: money(districts.reduce((n, d) => n + d.budgetCents, 0)),
  });
  // The button needs JavaScript; without it the hint alone tells people to print.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  return (
    <div className="report">
      <p className="no-print">
        {t("results:report.printHint")}{" "}
        {scripted ? <button type="button" className="link-button" onClick={() => window.print()}>{t("results:report.print")}</button> : null}
      </p>
      {districts.length === 0 ? <p><WithNames template={t("results:report.none", { cycle: nameSlot(0) })} names={[cycle]} /></p> : null}
      {districts.map((d) => (
        <section key={d.id} className="report-page" aria-labelledby={`r-${d.id}`}>
          <h1 id={`r-${d.id}`}><OfficeText name={cycle} />: <OfficeText name={d} /></h1>
          <p>
            {t("results:report.published", {
              date: d.publishedAt ? f.date(d.publishedAt) : "",
              count: d.ballots,
              rule: tallyRuleName(t, d.rule, cycle.ballotMethod),
              run: d.run,
            })}
          </p>
          {period ? <p>{period}</p> : null}
          {/* Each district's page stands alone on paper: how it was counted, ties and points included. */}
          <p>
            <CountedWith rule={d.rule} ballotMethod={cycle.ballotMethod} score={cycle.score} firstChoicePoints={cycle.firstChoicePoints} />
          </p>
          {d.spoiled ? <p>{t("results:district.spoiled", { count: d.spoiled })}</p> : null}
          <div className="table-scroll">
            <table>
              <caption>{t("results:report.fundedCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results:report.winningProject")}</th>
                  <th scope="col" className="num">{scoreLabel}</th>
                  <th scope="col" className="num">{t("results:district.cost")}</th>
                </tr>
              </thead>
              <tbody>
                {d.winners.map((w) => <tr key={w.title}><td lang={writtenIn(w.writtenIn)}>{numberedTitle(w)}</td><td className="num">{f.number(w.votes)}</td><td className="num">{money(w.costCents)}</td></tr>)}
                {d.winners.length === 0 ? <tr><td colSpan={3}>{t("results:district.noWinners")}</td></tr> : null}
              </tbody>
              <tfoot>
                <tr><th scope="row" colSpan={2}>{t("results:report.totalFunded")}</th><td className="num"><strong>{money(d.spentCents)}</strong></td></tr>
                <tr><th scope="row" colSpan={2}>{t("results:report.districtBudget")}</th><td className="num">{money(d.budgetCents)}</td></tr>
              </tfoot>
            </table>
          </div>
          {d.notFunded.length ? (
            // On a phone, one block per project, each figure named (the outcome is a sentence).
            <table className="stack-narrow">
              <caption>{t("results:report.notFundedCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results:report.project")}</th>
                  <th scope="col" className="num">{scoreLabel}</th>
                  <th scope="col" className="num">{t("results:district.cost")}</th>
                  <th scope="col">{t("results:district.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {d.notFunded.map((p) => (
                  <tr key={p.title}>
                    <td lang={writtenIn(p.writtenIn)}>{numberedTitle(p)}</td>
                    <td className="num" data-label={scoreLabel}>{f.number(p.votes)}</td>
                    <td className="num" data-label={t("results:district.cost")}>{money(p.costCents)}</td>
                    <td data-label={t("results:district.outcome")}>{explainNote(parseNote(p.note), money, (key, values) => t(key, values), cycle.score)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p>{cycleTotals}</p>
          <p><Trans i18nKey="results:report.hash" values={{ hash: d.hash }} components={{ code: <code /> }} /></p>
        </section>
      ))}
    </div>
  );
}
