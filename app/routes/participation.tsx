import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FieldErrors, Notice } from "~/components/forms";
import { CompareBars, SimpleBars } from "~/components/participation-charts";
import { ANSWER_KEYS, CHANNEL_KEYS, QUESTION_KEYS } from "~/components/participation-labels";
import { readForm } from "~/csrf.server";
import { redirectWithDone, takeDone } from "~/flash.server";
import { listCycles, resolveCycle } from "~/db/cycles.server";
import { cyclesInLocale, districtNamesIn } from "~/db/translations.server";
import { localeOf } from "~/i18n/i18n.server";
import { participationFigures, saveCensus, saveSurveyCategories, surveyAnswered, surveySetup } from "~/db/participation.server";
import { message } from "~/i18n/message";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { participationPermissions } from "~/domain/participation/permissions";
import { FEWEST_ANSWERS_SHOWN, PAPER_LOCALE, surveyBreakdown, turnout } from "~/domain/participation/representation";
import { CENSUS_QUESTIONS, FIXED_QUESTIONS, categoriesAnswersNeed, categoriesSchema, ethnicityChoices, readCategoryNames, readCensusForm } from "~/domain/participation/survey";
import { localeName } from "~/i18n/config";
import { useFormat, useLocale, useMessage, useWrittenIn } from "~/i18n/i18n";
import { nameSlot, WithNames } from "~/components/translated";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "participation:dashboard.pageTitle");

async function guard(request: Request) {
  const actor = await getActor(request);
  authorize(request, actor, participationPermissions.viewDashboard(actor), message("participation:dashboard.forbidden"));
  const includeDrafts = cyclePermissions.seeDrafts(actor);
  const slug = new URL(request.url).searchParams.get("cycle");
  const cycle = await resolveCycle(slug, { includeDrafts });
  if (!cycle) throw new Response(message("common:error.cycleNotFound"), { status: 404 });
  return { actor: actor!, cycle, includeDrafts };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, cycle, includeDrafts } = await guard(request);
  const [figures, cycles, flash] = await Promise.all([participationFigures(cycle.id), listCycles({ includeDrafts }), takeDone(request)]);
  const total = figures.channels.reduce((s, c) => s + c.voters, 0);
  // The office's names in the reader's language, as the results page gives them.
  const locale = await localeOf(request);
  const [[shown], named, districtNames] = await Promise.all([cyclesInLocale([cycle], locale), cyclesInLocale(cycles, locale), districtNamesIn(figures.districts, locale)]);
  const districts = figures.districts.map((d) => ({ ...d, ...districtNames.get(d.id)! }));
  return data({
    // "Saved", once after saving: not again on a reload, nor beside a later refused form.
    notice: flash.done.notice ?? null,
    cycle: { slug: cycle.slug, name: shown.name, writtenIn: shown.writtenIn },
    cycles: named.map((c) => ({ slug: c.slug, name: c.name, writtenIn: c.writtenIn })),
    canSetUp: participationPermissions.setUpSurvey(actor),
    canSplit: participationPermissions.previewSplit(actor),
    total,
    turnout: turnout(districts).map((row, i) => ({ ...row, writtenIn: districts[i].writtenIn })),
    channels: figures.channels,
    locales: figures.locales,
    answered: figures.answers.length,
    waitingAnswers: figures.waitingAnswers,
    ...surveyBreakdown(figures.answers, figures.setup.census, figures.setup.ethnicities),
    ethnicities: figures.setup.ethnicities,
    ethnicityNames: figures.setup.ethnicityNames,
    census: figures.setup.census,
  }, { headers: flash.headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request);
  authorize(request, actor, participationPermissions.setUpSurvey(actor), "participation:setup.forbidden");
  const formData = await readForm(request);
  const back = (notice: string) => redirectWithDone(request, `/participation?cycle=${encodeURIComponent(cycle.slug)}`, { notice });
  const intent = formData.get("intent");
  if (intent === "categories") {
    // Refused, the page keeps both lists as typed.
    const typed = { ethnicities: String(formData.get("ethnicities") ?? ""), spanish: String(formData.get("ethnicitiesEs") ?? "") };
    const refuse = (errors: { categories?: string; spanish?: string }) => data({ categoriesError: errors.categories ?? null, namesError: errors.spanish ?? null, typed, censusErrors: {} as Record<string, string> }, { status: 400 });
    const parsed = categoriesSchema.safeParse(typed.ethnicities);
    if (!parsed.success) return refuse({ categories: parsed.error.issues[0].message });
    const kept = categoriesAnswersNeed((await surveySetup(cycle.id)).ethnicities, parsed.data, await surveyAnswered(cycle.id));
    if (kept.length) return refuse({ categories: message("participation:setup.errors.categoryAnswered", { categories: kept.map((c) => `“${c}”`).join(", ") }) });
    const spanish = readCategoryNames(typed.spanish, parsed.data);
    if (!spanish.ok) return refuse({ spanish: spanish.error });
    await saveSurveyCategories(cycle.id, parsed.data, actor, spanish.names ? { es: spanish.names } : {});
    return back("categories");
  }
  if (intent === "census") {
    const { ethnicities } = await surveySetup(cycle.id);
    const read = readCensusForm(formData, ethnicities);
    if (!read.ok) return data({ categoriesError: null, namesError: null, typed: null, censusErrors: read.errors }, { status: 400 });
    await saveCensus(cycle.id, read.census, actor);
    return back("census");
  }
  throw new Response(message("common:error.badRequest"), { status: 400 });
}

/** A list typed one item a line (the survey's categories, their Spanish names), with its hint and error. */
function ListField({ id, name, label, hint, value, error, lang }: { id: string; name: string; label: string; hint: string; value: string; error?: string | null; lang?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">{hint}</p>
      <textarea id={id} name={name} lang={lang} rows={8} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} />
      <FieldErrors id={`${id}-error`} errors={error ? [error] : undefined} />
    </div>
  );
}

/** `stacked`: the chart under the table, for tables with more columns than half a screen holds. */
function TableAndChart({ chart, table, label, stacked = false }: { chart: ReactNode; table: ReactNode; label: string; stacked?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={stacked ? "chart-pair chart-pair-stacked" : "chart-pair"}>
      {/* A table wider than a phone scrolls: focusable, so keyboard users can scroll it too. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>{table}</div>
      <figure className="chart-figure">
        {chart}
        <figcaption className="muted">{t("participation:dashboard.chartNote")}</figcaption>
      </figure>
    </div>
  );
}

export default function ParticipationDashboard() {
  const { t } = useTranslation();
  const say = useMessage();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  const d = useLoaderData<typeof loader>();
  const locale = useLocale();
  const answer = useActionData<typeof action>();
  const notice = answer ? null : d.notice;
  const pct = (x: number | null) => (x === null ? "—" : f.percent(x, 1));
  // The cycle's own categories in the reader's language when the PB office gave them.
  const categoryLabels = new Map(ethnicityChoices(d.ethnicities, d.ethnicityNames, locale).map((c) => [c.value, c.label]));
  const answerLabel = (question: string, value: string) =>
    ANSWER_KEYS[question]?.[value] ? t(ANSWER_KEYS[question][value]) : question === "ethnicity" ? (categoryLabels.get(value) ?? value) : value;
  const languageName = (l: string) => (l === PAPER_LOCALE ? t("participation:dashboard.language.paper") : localeName(l));
  return (
    <>
      <h1><WithNames template={t("participation:dashboard.title", { cycle: nameSlot(0) })} names={[d.cycle]} /></h1>
      <p>{t("participation:dashboard.intro")}</p>
      {notice === "categories" ? <Notice tone="success">{t("participation:setup.categories.saved")}</Notice> : null}
      {notice === "census" ? <Notice tone="success">{t("participation:setup.census.saved")}</Notice> : null}
      <Form method="get" className="inline-form">
        <label htmlFor="dashboard-cycle">{t("participation:dashboard.cycle")}</label>
        <select id="dashboard-cycle" name="cycle" defaultValue={d.cycle.slug}>
          {d.cycles.map((c) => <option key={c.slug} value={c.slug} lang={writtenIn(c.writtenIn)}>{c.name}</option>)}
        </select>
        <button type="submit" className="button-secondary">{t("participation:dashboard.show")}</button>
      </Form>
      {d.canSplit ? <p><Link to={`/admin/cycles/${d.cycle.slug}/split`}>{t("participation:dashboard.splitLink")}</Link></p> : null}

      <section aria-labelledby="turnout-heading">
        <h2 id="turnout-heading">{t("participation:dashboard.turnout.heading")}</h2>
        <TableAndChart
          label={t("participation:dashboard.turnout.caption")}
          table={
            <table>
              <caption className="sr-only">{t("participation:dashboard.turnout.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("participation:dashboard.turnout.district")}</th>
                  <th scope="col" className="num">{t("participation:dashboard.turnout.population")}</th>
                  <th scope="col" className="num">{t("participation:dashboard.turnout.voters")}</th>
                  <th scope="col" className="num">{t("participation:dashboard.turnout.turnout")}</th>
                </tr>
              </thead>
              <tbody>
                {d.turnout.map((r) => (
                  <tr key={r.district}>
                    <th scope="row" lang={writtenIn(r.writtenIn)}>{r.district}</th>
                    <td className="num">{f.number(r.population)}</td>
                    <td className="num">{f.number(r.voters)}</td>
                    <td className="num">{r.turnout === null ? t("participation:dashboard.turnout.noPopulation") : pct(r.turnout)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          chart={<SimpleBars unit="%" rows={d.turnout.map((r) => ({ label: r.district, value: Number(((r.turnout ?? 0) * 100).toPrecision(3)) }))} />}
        />
      </section>

      <div className="grid-2">
        <section aria-labelledby="channel-heading">
          <h2 id="channel-heading">{t("participation:dashboard.channel.heading")}</h2>
          {d.total ? (
            <>
              <table>
                <caption className="sr-only">{t("participation:dashboard.channel.caption")}</caption>
                <thead><tr><th scope="col">{t("participation:dashboard.channel.channel")}</th><th scope="col" className="num">{t("participation:dashboard.channel.voters")}</th><th scope="col" className="num">{t("participation:dashboard.channel.share")}</th></tr></thead>
                <tbody>
                  {d.channels.map((c) => (
                    <tr key={c.channel}><th scope="row">{CHANNEL_KEYS[c.channel] ? t(CHANNEL_KEYS[c.channel]) : c.channel}</th><td className="num">{f.number(c.voters)}</td><td className="num">{pct(c.voters / d.total)}</td></tr>
                  ))}
                </tbody>
              </table>
              <SimpleBars rows={d.channels.map((c) => ({ label: CHANNEL_KEYS[c.channel] ? t(CHANNEL_KEYS[c.channel]) : c.channel, value: c.voters }))} />
            </>
          ) : <p>{t("participation:dashboard.none")}</p>}
        </section>
        <section aria-labelledby="language-heading">
          <h2 id="language-heading">{t("participation:dashboard.language.heading")}</h2>
          {d.total ? (
            <>
              <table>
                <caption className="sr-only">{t("participation:dashboard.language.caption")}</caption>
                <thead><tr><th scope="col">{t("participation:dashboard.language.language")}</th><th scope="col" className="num">{t("participation:dashboard.language.voters")}</th><th scope="col" className="num">{t("participation:dashboard.language.share")}</th></tr></thead>
                <tbody>
                  {d.locales.map((l) => (
                    <tr key={l.locale}><th scope="row">{languageName(l.locale)}</th><td className="num">{f.number(l.voters)}</td><td className="num">{pct(l.voters / d.total)}</td></tr>
                  ))}
                </tbody>
              </table>
              <SimpleBars rows={d.locales.map((l) => ({ label: languageName(l.locale), value: l.voters }))} />
            </>
          ) : <p>{t("participation:dashboard.none")}</p>}
        </section>
      </div>

      <section aria-labelledby="survey-heading">
        <h2 id="survey-heading">{t("participation:dashboard.survey.heading")}</h2>
        <p>{t("participation:dashboard.survey.count", { count: d.answered })} {t("participation:dashboard.survey.explain")}</p>
        {d.waitingAnswers > 0 ? <p className="muted">{t("participation:dashboard.survey.waiting", { count: d.waitingAnswers })}</p> : null}
        {d.answered === 0 ? <p>{t("participation:dashboard.survey.noAnswers")}</p> : null}
        {d.tooFewAnswers ? <p>{t("participation:dashboard.survey.tooFew", { count: FEWEST_ANSWERS_SHOWN })}</p> : null}
        {d.representation.length > 0
          ? d.representation.map((q) => {
              const question = t(QUESTION_KEYS[q.question]);
              const under = q.rows.filter((r) => r.underRepresented).map((r) => answerLabel(q.question, r.answer));
              return (
                <section key={q.question} aria-labelledby={`q-${q.question}`} className="card">
                  <h3 id={`q-${q.question}`}>{question}</h3>
                  <p className="muted">{t("participation:dashboard.survey.answered", { count: q.answered })}</p>
                  {q.question !== "firstTime" ? (
                    <p className={under.length ? "under-summary" : undefined} data-testid={`under-${q.question}`}>
                      {under.length
                        ? t("participation:dashboard.survey.underList", { question, groups: under.join(", ") })
                        : t("participation:dashboard.survey.noneUnder", { question })}
                    </p>
                  ) : null}
                  <TableAndChart
                    label={question}
                    stacked
                    table={
                      // On a phone each answer becomes a block of labelled lines: five columns do not fit 360px.
                      <table className="stack-narrow">
                        <caption className="sr-only">{question}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("participation:dashboard.survey.answer")}</th>
                            <th scope="col" className="num">{t("participation:dashboard.survey.answers")}</th>
                            <th scope="col" className="num">{t("participation:dashboard.survey.share")}</th>
                            {q.question !== "firstTime" ? <th scope="col" className="num">{t("participation:dashboard.survey.census")}</th> : null}
                            {q.question !== "firstTime" ? <th scope="col">{t("participation:dashboard.survey.status")}</th> : null}
                          </tr>
                        </thead>
                        <tbody>
                          {q.rows.map((r) => (
                            <tr key={r.answer} className={r.underRepresented ? "row-under" : undefined}>
                              <th scope="row">{answerLabel(q.question, r.answer)}</th>
                              <td className="num" data-label={t("participation:dashboard.survey.answers")}>{f.number(r.count)}</td>
                              <td className="num" data-label={t("participation:dashboard.survey.share")}>{pct(r.surveyShare)}</td>
                              {q.question !== "firstTime" ? <td className="num" data-label={t("participation:dashboard.survey.census")}>{pct(r.censusShare)}</td> : null}
                              {q.question !== "firstTime" ? (
                                <td data-label={t("participation:dashboard.survey.status")}>
                                  {r.underRepresented ? (
                                    <strong className="status status-under">{t("participation:dashboard.survey.under")}</strong>
                                  ) : r.censusShare === null ? (
                                    <span className="muted">{t("participation:dashboard.survey.noCensus")}</span>
                                  ) : (
                                    t("participation:dashboard.survey.represented")
                                  )}
                                </td>
                              ) : null}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    }
                    chart={
                      <CompareBars
                        surveyLabel={t("participation:dashboard.survey.chartSurvey")}
                        censusLabel={t("participation:dashboard.survey.chartCensus")}
                        rows={q.rows.map((r) => ({
                          label: answerLabel(q.question, r.answer),
                          survey: Math.round(r.surveyShare * 1000) / 10,
                          census: r.censusShare === null ? null : Math.round(r.censusShare * 1000) / 10,
                        }))}
                      />
                    }
                  />
                </section>
              );
            })
          : null}
      </section>

      {d.canSetUp ? (
        <>
          <section className="card" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{t("participation:setup.categories.heading")}</h2>
            <Form method="post">
              <AuthenticityTokenInput />
              <ListField id="ethnicities" name="ethnicities" label={t("participation:setup.categories.label")} hint={t("participation:setup.categories.hint")} value={answer?.typed?.ethnicities ?? d.ethnicities.join("\n")} error={answer?.categoriesError} />
              <ListField
                id="ethnicities-es"
                name="ethnicitiesEs"
                lang="es"
                label={t("participation:setup.categories.namesLabel")}
                hint={t("participation:setup.categories.namesHint")}
                value={answer?.typed?.spanish ?? (d.ethnicityNames.es ?? []).join("\n")}
                error={answer?.namesError}
              />
              <button type="submit" name="intent" value="categories" className="button-secondary">{t("participation:setup.categories.save")}</button>
            </Form>
          </section>
          <section className="card" aria-labelledby="census-heading">
            <h2 id="census-heading">{t("participation:setup.census.heading")}</h2>
            <p className="hint">{t("participation:setup.census.hint")}</p>
            <Form method="post">
              <AuthenticityTokenInput />
              {CENSUS_QUESTIONS.map((question) => {
                const answers: readonly string[] = question === "ethnicity" ? d.ethnicities : FIXED_QUESTIONS[question];
                if (!answers.length) return null;
                const groupError = answer?.censusErrors?.[`census.${question}`];
                return (
                  <fieldset key={question} aria-describedby={groupError ? `census-${question}-error` : undefined}>
                    <legend>{t(QUESTION_KEYS[question])}</legend>
                    {groupError ? <p id={`census-${question}-error`} className="error" role="alert">{say(groupError)}</p> : null}
                    <div className="census-grid">
                      {answers.map((a, i) => {
                        const name = `census.${question}.${i}`;
                        const error = answer?.censusErrors?.[name];
                        const bp = d.census[question]?.[a];
                        return (
                          <div className="field" key={a}>
                            <label htmlFor={name}>{t("participation:setup.census.percentOf", { answer: answerLabel(question, a) })}</label>
                            <input
                              id={name}
                              name={name}
                              type="text"
                              inputMode="decimal"
                              size={6}
                              defaultValue={bp === undefined ? "" : String(bp / 100)}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${name}-error` : undefined}
                            />
                            <FieldErrors id={`${name}-error`} errors={error ? [error] : undefined} />
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                );
              })}
              <button type="submit" name="intent" value="census" className="button-secondary">{t("participation:setup.census.save")}</button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
