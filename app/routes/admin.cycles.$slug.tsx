import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { PhaseTimeline } from "~/components/cycle";
import { nameSlot, WithNames } from "~/components/translated";
import { todayIso } from "~/domain/fields";
import { CheckboxField, FieldErrors, FormErrors, Notice, SAVED_FORM, SelectField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { requireState } from "~/http.server";
import { countBallots, turnoutByChannel, voidVoterCode } from "~/db/ballots.server";
import { updateEligibility, updateVotingDates, advancePhase, cyclePhase, cycleSnapshot, generateVoterCodes, getCycle, listCodeBatches, updateBallotRules } from "~/db/cycles.server";
import { createProjectsFromWinners } from "~/db/projects.server";
import { latestResults, PhaseMovedOn, publishResults, runTally } from "~/db/results.server";
import { translatedLocales } from "~/db/translations.server";
import { generateCodesInput, voidCodeInput } from "~/domain/cycles/codes-schema";
import { normaliseVoterCode } from "~/domain/ballots/voter-codes";
import { BALLOT_METHOD_KEYS, ballotRulesInput, stringValues, tallyRuleName } from "~/domain/cycles/rules-schema";
import { BallotRulesFields } from "~/components/ballot-rules-fields";
import type { SubmissionResult } from "@conform-to/react";
import { ballotRulesLockedReason, cyclePermissions } from "~/domain/cycles/permissions";
import { blockersToAdvance, nextPhase, PHASE_KEYS, votingOpeningFixed, warningsBeforeAdvance, type Phase } from "~/domain/cycles/phases";
import { ideaPermissions } from "~/domain/ideas/permissions";
import { votingChannelPermissions } from "~/domain/ballots/permissions";
import { eligibilityInput, votingDatesInput } from "~/domain/cycles/schema";
import { projectPermissions } from "~/domain/implementation/permissions";
import { resultPermissions } from "~/domain/results/permissions";
import { participationPermissions } from "~/domain/participation/permissions";
import { scoreKindOf } from "~/domain/results/explain";
import { ProjectOutcomes } from "~/components/project-outcomes";
import { BALLOT_METHODS, ballotRulesFor, describeBallotRules } from "~/domain/ballots/rules";
import { INTL_LOCALE, localeName } from "~/i18n/config";
import { useFormat, useMessage } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { localeOf, serverT } from "~/i18n/i18n.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "admin:cycle.metaTitle");

/**
 * A refused step reloads the page's data too. Remix (single fetch) skips loaders after a 4xx action
 * answer, but a 409 here means something changed meanwhile (another tab ran the tally again or
 * published, a voter was checked in on paper): the page must show the count as it is now, with the
 * run ids to publish, or every Publish is refused again until a manual reload. Without JavaScript the
 * refused POST renders the page with fresh loader data anyway. (A 400, a form to correct, reloads
 * harmlessly: the forms keep what was typed.) With single fetch Remix hands this function
 * `defaultShouldRevalidate: true` whenever a route exports it, hence the explicit status check.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  (actionStatus !== undefined && actionStatus >= 400) || defaultShouldRevalidate;

async function guard(request: Request, slug: string | undefined) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), message("admin:errors.onlyOfficeManages"));
  const cycle = slug ? await getCycle({ slug }) : null;
  if (!cycle) throw new Response(message("admin:errors.cycleNotFound"), { status: 404 });
  return { actor: actor!, cycle };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const phase = cyclePhase(cycle);
  const [snapshot, batches, results, published, ballots, cycleLocales, categoryLocales, districtLocales, residencyLocales] = await Promise.all([
    cycleSnapshot(cycle.id),
    listCodeBatches(cycle.id),
    latestResults(cycle.id, { publishedOnly: false }),
    latestResults(cycle.id, { publishedOnly: true }),
    countBallots(cycle.id),
    translatedLocales("cycle", [cycle.id]),
    translatedLocales("category", cycle.categories.map((c) => c.id)),
    translatedLocales("district", cycle.districts.map((d) => d.id)),
    translatedLocales("residency", [cycle.id]),
  ]);
  // A new count after publication is a draft beside the published run, which the public still sees.
  const publishedRun = new Map(published.map((r) => [r.districtId, r.run]));
  const canTally = resultPermissions.tally(actor, { phase });
  // Drafts are shown only while they can be published: after the results phase each district's published count, as the public sees it.
  const shownResults = canTally ? results : published;
  const next = nextPhase(phase);
  return {
    // What the totals count: top-k points on ranked ballots are not votes.
    cycle: { slug: cycle.slug, name: cycle.name, phase, currency: cycle.currency, ballotMethod: cycle.ballotMethod, tallyRule: cycle.tallyRule, score: scoreKindOf(cycle.ballotMethod) },
    // Closing before the announced day is allowed (a council may decide so) but said beside the confirmation.
    closesEarly: phase === "voting" && !!cycle.votingClosesOn && cycle.votingClosesOn > todayIso() ? cycle.votingClosesOn : null,
    opensEarly: phase === "costing" && !!cycle.votingOpensOn && cycle.votingOpensOn > todayIso() ? cycle.votingOpensOn : null,
    rules: stringValues({
      ballotMethod: cycle.ballotMethod,
      minSpendPercent: cycle.minSpendPercent,
      minApprovals: cycle.minApprovals,
      maxApprovals: cycle.maxApprovals,
      maxRanks: cycle.maxRanks,
      tallyRule: cycle.tallyRule,
    }),
    canImportIdeas: ideaPermissions.import(actor, { phase }),
    canEnterPaper: votingChannelPermissions.enterPaperBallots(actor, { phase }),
    eligibility: { accountVoting: cycle.accountVoting, minAge: String(cycle.minAge), residencyRule: cycle.residencyRule },
    votingDates: { votingOpensOn: cycle.votingOpensOn ?? "", votingClosesOn: cycle.votingClosesOn ?? "" },
    canSetDates: cyclePermissions.setVotingDates(actor, { phase }),
    // The equity split changes district budgets: offered while they can still change.
    canSplit: participationPermissions.applySplit(actor, { phase }),
    canGenerateCodes: cyclePermissions.generateCodes(actor, { phase }),
    turnout: (await turnoutByChannel(cycle.id)).byChannel.map((r) => ({ ...r, district: cycle.districts.find((d) => d.id === r.districtId)?.name ?? "" })),
    rulesLocked: ballotRulesLockedReason({ phase, ballotsCast: ballots }),
    // The limits as voters read them (each district's own budget on knapsack ballots).
    lockedLimits: describeBallotRules(ballotRulesFor(cycle, { budgetCents: 0 }), cycle.currency, { perDistrict: true }),
    districts: cycle.districts.map((d) => ({ id: d.id, name: d.name, budgetCents: d.budgetCents })),
    // What voters read in their own language once the PB office has translated it.
    translations: {
      cycle: { id: cycle.id, described: cycle.description.trim() !== "", locales: cycleLocales.get(cycle.id) ?? [] },
      categories: cycle.categories.map((c) => ({ id: c.id, name: c.name, locales: categoryLocales.get(c.id) ?? [] })),
      districts: cycle.districts.map((d) => ({ id: d.id, name: d.name, locales: districtLocales.get(d.id) ?? [] })),
      // Only a rule of the cycle's own: the standard wording comes translated.
      residency: cycle.residencyRule ? { locales: residencyLocales.get(cycle.id) ?? [] } : null,
    },
    next,
    blockers: blockersToAdvance(snapshot, INTL_LOCALE[await localeOf(request)]),
    warnings: warningsBeforeAdvance(snapshot),
    batches: batches.map((b) => ({ id: b.id, label: b.label, district: b.district.name, count: b._count.codes, createdAt: b.createdAt.toISOString().slice(0, 10) })),
    ballots,
    canTally,
    canCreateProjects: projectPermissions.create(actor, { phase }),
    results: shownResults.map((r) => ({
      id: r.id,
      district: { name: r.district.name, writtenIn: r.district.writtenIn },
      status: r.status,
      run: r.run,
      rule: r.rule,
      ballotCount: r.ballotCount,
      spoiledCount: r.spoiledCount,
      spentCents: r.spentCents,
      budgetCents: r.budgetCents,
      // Every project with why it won or lost, as the results page will show it: the office reviews the whole count before publishing.
      projects: r.projects.map((p) => ({ id: p.proposalId, number: p.number, title: p.title, votes: p.votes, costCents: p.costCents, selected: p.selected, note: p.note })),
      replacesRun: r.status === "draft" ? (publishedRun.get(r.districtId) ?? null) : null,
    })),
    anyPublished: published.length > 0,
    winnersWithoutProject: snapshot.winnersWithoutProject.length,
  };
}

const intentSchema = z.object({ intent: z.enum(["advance", "update-rules", "update-eligibility", "update-dates", "generate-codes", "void-code", "run-tally", "publish", "create-projects"]) });
type ActionData = {
  blockers: string[];
  eligibility?: SubmissionResult<string[]>;
  dates?: SubmissionResult<string[]>;
  codes: SubmissionResult<string[]> | null;
  rules?: SubmissionResult<string[]>;
  voiding?: SubmissionResult<string[]>;
  tallyError?: string;
  /** Closing voting not confirmed. */
  confirmMove?: string;
  /** Publishing not confirmed. */
  confirmPublish?: string;
};

const CHANNEL_KEYS = { online: "admin:eligibility.channels.online", account: "admin:eligibility.channels.account", paper: "admin:eligibility.channels.paper" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw new Response(message("admin:errors.unknownAction"), { status: 400 });
  const phase = cyclePhase(cycle);
  const back = (notice: string) => redirect(`/admin/cycles/${cycle.slug}?notice=${notice}`);
  switch (parsed.data.intent) {
    case "advance": {
      // Phases only move forward, and each move is public: it needs the box ticked, with or without JavaScript.
      if (formData.get("confirmMove") !== "yes") {
        return refused({ blockers: [], codes: null, confirmMove: message(phase === "voting" ? "admin:cycle.confirmCloseMissing" : "admin:cycle.confirmMoveMissing") });
      }
      const from = formData.get("from");
      const result = await advancePhase(cycle.id, actor, typeof from === "string" ? from : undefined, INTL_LOCALE[await localeOf(request)]);
      return result.ok ? back("advanced") : refused({ blockers: result.blockers, codes: null }, 409);
    }
    case "update-rules": {
      const submission = parseWithZod(formData, { schema: ballotRulesInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: null, rules: submission.reply() });
      const result = await updateBallotRules(cycle.id, submission.value, actor);
      if (!result.ok) return refused({ blockers: [], codes: null, rules: submission.reply({ formErrors: [result.reason] }) });
      return back("rules");
    }
    case "update-eligibility": {
      // Like the ballot rules: who may vote is settled before the first ballot.
      if (ballotRulesLockedReason({ phase, ballotsCast: await countBallots(cycle.id) })) throw new Response(message("admin:eligibility.locked"), { status: 409 });
      const submission = parseWithZod(formData, { schema: eligibilityInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: null, eligibility: submission.reply() });
      // Checked again as it is saved: a first ballot may have been cast since.
      if (!(await updateEligibility(cycle.id, submission.value, actor)).ok) throw new Response(message("admin:eligibility.locked"), { status: 409 });
      return back("eligibility");
    }
    case "update-dates": {
      requireState(cyclePermissions.setVotingDates(actor, { phase }), message("admin:dates.locked"));
      if (votingOpeningFixed(phase)) formData.set("votingOpensOn", cycle.votingOpensOn ?? "");
      const submission = parseWithZod(formData, { schema: votingDatesInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: null, dates: submission.reply() });
      await updateVotingDates(cycle.id, submission.value, actor);
      return back("dates");
    }
    case "generate-codes": {
      requireState(cyclePermissions.generateCodes(actor, { phase }), message("admin:codes.locked"));
      const submission = parseWithZod(formData, { schema: generateCodesInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: submission.reply() });
      const label = submission.value.label || (await serverT(request))("admin:codes.defaultLabel");
      const made = await generateVoterCodes(cycle.id, submission.value.districtId, submission.value.count, label, actor);
      if (!made.ok) return refused({ blockers: [], codes: submission.reply({ fieldErrors: { districtId: [made.reason] } }) });
      return back("codes");
    }
    case "void-code": {
      // Once voting closes no code can vote: there is nothing left to cancel.
      requireState(cyclePermissions.generateCodes(actor, { phase }), message("admin:codes.voidLocked"));
      const submission = parseWithZod(formData, { schema: voidCodeInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: null, voiding: submission.reply() });
      const code = normaliseVoterCode(submission.value.code);
      const result = code ? await voidVoterCode(cycle.id, code, submission.value.reason, actor) : { ok: false as const, error: message("admin:errors.void.notACode") };
      if (!result.ok) return refused({ blockers: [], codes: null, voiding: submission.reply({ fieldErrors: { code: [result.error] } }) });
      return back("voided");
    }
    case "run-tally":
      requireState(resultPermissions.tally(actor, { phase }), message("admin:errors.closeVotingFirst")); // the guard already let only the PB office in
      try {
        await runTally(cycle.id, actor, { onlyIn: "results" });
      } catch (error) {
        if (error instanceof PhaseMovedOn) requireState(false, message("admin:errors.countOnlyInResults"));
        throw error;
      }
      return back("tallied");
    case "publish":
      requireState(resultPermissions.tally(actor, { phase }), message("admin:errors.publishInResults"));
      // Public at once and never hidden again (a later count can only replace it): one tap is not enough.
      if (formData.get("confirmPublish") !== "yes") return refused({ blockers: [], codes: null, confirmPublish: message("admin:tally.confirmPublishMissing") });
      {
        const reviewed = z.array(z.string().max(40)).max(500).safeParse(formData.getAll("run"));
        const published = await publishResults(cycle.id, actor, reviewed.success ? reviewed.data : []);
        if (!published.ok) return refused({ blockers: [], codes: null, tallyError: published.reason }, 409);
        return back("published");
      }
    case "create-projects":
      requireState(projectPermissions.create(actor, { phase }), message("admin:errors.projectsAfterResults"));
      await createProjectsFromWinners(cycle.id, actor);
      return back("projects");
  }
}

/** A refused step: the page again, with what went wrong (400 for a bad form, 409 for a guard). */
const refused = (answer: ActionData, status = 400) => data(answer, { status });

const NOTICE_KEYS: Record<string, string> = {
  created: "admin:cycle.notice.created",
  advanced: "admin:cycle.notice.advanced",
  codes: "admin:cycle.notice.codes",
  tallied: "admin:cycle.notice.tallied",
  published: "admin:cycle.notice.published",
  projects: "admin:cycle.notice.projects",
  voided: "admin:cycle.notice.voided",
  rules: "admin:cycle.notice.rules",
  eligibility: "admin:eligibility.saved",
  dates: "admin:dates.saved",
};

const RESULT_STATUS_KEYS: Record<string, string> = {
  draft: "admin:tally.status.draft",
  published: "admin:tally.status.published",
};

const isBallotMethod = (m: string): m is (typeof BALLOT_METHODS)[number] => (BALLOT_METHODS as readonly string[]).includes(m);

/** What moving to each phase does, said next to the button (moving to results, closing voting, has its own confirmation). */
const MOVE_EXPLAINED = {
  draft: "admin:moveExplained.ideas",
  ideas: "admin:moveExplained.ideas",
  proposals: "admin:moveExplained.proposals",
  costing: "admin:moveExplained.costing",
  voting: "admin:moveExplained.voting",
  implementation: "admin:moveExplained.implementation",
  closed: "admin:moveExplained.closed",
} as const satisfies Record<Exclude<Phase, "results">, string>;

export default function ManageCycle() {
  const { cycle, closesEarly, opensEarly, canSplit, rules, rulesLocked, lockedLimits, canImportIdeas, canEnterPaper, eligibility, votingDates, canSetDates, canGenerateCodes, turnout, districts, translations, next, blockers, warnings, batches, ballots, canTally, canCreateProjects, results, anyPublished, winnersWithoutProject } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const say = useMessage();
  const f = useFormat();
  const money = (c: number) => f.money(c, cycle.currency);
  // A form saved (the page came back with its notice) starts again from what was saved (see SAVED_FORM).
  const notice = actionData ? null : searchParams.get("notice");
  const resultFor = <T,>(result: T | undefined, savedNotice: string) => result ?? (notice === savedNotice ? SAVED_FORM : undefined);
  const [rulesForm, rulesFields] = useForm<z.input<typeof ballotRulesInput>>({ lastResult: resultFor(actionData?.rules, "rules"), id: "rules", defaultValue: rules });
  const [voidForm, voidFields] = useForm<z.input<typeof voidCodeInput>>({ lastResult: resultFor(actionData?.voiding, "voided"), id: "void-code" });
  const [eligibilityForm, eligibilityFields] = useForm({
    lastResult: resultFor(actionData?.eligibility, "eligibility"),
    id: "eligibility",
    defaultValue: { ...eligibility, accountVoting: eligibility.accountVoting ? "yes" : undefined },
  });
  const [datesForm, datesFields] = useForm({ lastResult: resultFor(actionData?.dates, "dates"), id: "dates", defaultValue: votingDates });
  const [codesForm, codesFields] = useForm<z.input<typeof generateCodesInput>>({ lastResult: resultFor(actionData?.codes ?? undefined, "codes"), id: "codes", defaultValue: { count: "100", label: "" } });
  // The address keeps the last success (?notice=); a refused post since then must not show it beside its errors.
  const noticeKey = actionData ? undefined : NOTICE_KEYS[searchParams.get("notice") ?? (searchParams.get("created") ? "created" : "")];
  const shownBlockers = actionData?.blockers?.length ? actionData.blockers : blockers;
  return (
    <>
      <p><Link to="/admin">{t("admin:cycle.back")}</Link></p>
      <h1>{cycle.name}</h1>
      {noticeKey ? <Notice tone="success">{t(noticeKey)}</Notice> : null}
      <p>
        <Trans
          i18nKey="admin:cycle.summary"
          count={ballots}
          values={{
            phase: t(PHASE_KEYS[cycle.phase]),
            method: isBallotMethod(cycle.ballotMethod) ? t(BALLOT_METHOD_KEYS[cycle.ballotMethod]) : cycle.ballotMethod,
            rule: tallyRuleName(t, cycle.tallyRule, cycle.ballotMethod),
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      <PhaseTimeline phase={cycle.phase} />
      {canEnterPaper ? (
        <p>
          <Link to={`/admin/cycles/${cycle.slug}/paper`}>{t("vote:paper.link")}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/admin/cycles/${cycle.slug}/details`}>{t("admin:details.link")}</Link>
      </p>
      <p>
        <Link to={`/admin/cycles/${cycle.slug}/committees`}>{t("committees:admin.link")}</Link>
      </p>
      {canImportIdeas ? (
        <p>
          <Link to={`/admin/cycles/${cycle.slug}/import-ideas`}>{t("imports:link")}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/admin/cycles/${cycle.slug}/criteria`}>{t("costing:criteria.link")}</Link>
      </p>
      {canSplit ? (
        <p>
          <Link to={`/admin/cycles/${cycle.slug}/split`}>{t("participation:dashboard.splitLink")}</Link>
        </p>
      ) : null}
      {next ? (
        <section className="card" aria-labelledby="advance">
          <h2 id="advance">{t("admin:cycle.nextPhase", { phase: t(PHASE_KEYS[next]) })}</h2>
          {shownBlockers.length ? (
            <div className={actionData?.blockers?.length ? "alert alert-error" : "alert"} role={actionData?.blockers?.length ? "alert" : undefined} data-testid="advance-blockers">
              <p>{t("admin:cycle.notYet")}</p>
              <ul>{shownBlockers.map((b) => <li key={b}>{say(b)}</li>)}</ul>
            </div>
          ) : null}
          {warnings.length ? (
            <div className="alert" data-testid="advance-warnings">
              <ul>{warnings.map((w) => <li key={w}>{say(w)}</li>)}</ul>
            </div>
          ) : null}
          {shownBlockers.length && cycle.phase === "voting" && canEnterPaper ? (
            <p><Link to={`/admin/cycles/${cycle.slug}/paper`}>{t("admin:cycle.toPaperBoxes")}</Link></p>
          ) : null}
          {/* What the move does, before it is made: phases only move forward. */}
          {next !== "results" ? (
            <p>
              {t(MOVE_EXPLAINED[next])}
              {opensEarly ? ` ${t("admin:moveExplained.opensEarly", { date: f.date(opensEarly) })}` : ""}
            </p>
          ) : null}
          {/* Blocked: no button to press (the list above says what is missing). */}
          {blockers.length === 0 ? (
            <Form method="post" className="stack">
              <AuthenticityTokenInput />
              <div className="field checkbox">
                <input type="checkbox" id="confirm-move" name="confirmMove" value="yes" aria-describedby="confirm-move-errors" aria-invalid={actionData?.confirmMove ? true : undefined} />
                <label htmlFor="confirm-move">
                  {cycle.phase === "voting" ? t("admin:cycle.confirmClose") : t("admin:cycle.confirmMove", { phase: t(PHASE_KEYS[next]) })}
                  {cycle.phase === "voting" && closesEarly ? ` ${t("admin:cycle.closesEarly", { date: f.date(closesEarly) })}` : ""}
                </label>
                <FieldErrors id="confirm-move-errors" errors={actionData?.confirmMove ? [actionData.confirmMove] : undefined} />
              </div>
              {/* The phase this page shows: a click from a page out of date moves nothing (see advancePhase). */}
              <input type="hidden" name="from" value={cycle.phase} />
              <button type="submit" name="intent" value="advance" className="button">
                {cycle.phase === "voting" ? t("admin:cycle.closeVoting") : t("admin:cycle.moveTo", { phase: t(PHASE_KEYS[next]) })}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <section className="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t("admin:rulesFields.legend")}</h2>
        {rulesLocked ? (
          <>
            {/* Sent from a page opened before voting opened: said plainly that nothing was saved. */}
            {rulesForm.errors?.length ? <Notice tone="error" focus>{t("admin:cycle.rulesNotSaved")}</Notice> : null}
            <p className="alert">{say(rulesLocked)}</p>
            <p>
              {t("admin:cycle.lockedRules", {
                method: isBallotMethod(rules.ballotMethod) ? t(BALLOT_METHOD_KEYS[rules.ballotMethod]) : rules.ballotMethod,
                limits: say(lockedLimits),
                rule: tallyRuleName(t, rules.tallyRule, rules.ballotMethod),
              })}
            </p>
          </>
        ) : (
          <Form method="post" {...getFormProps(rulesForm)}>
            <AuthenticityTokenInput />
            <FormErrors id={rulesForm.errorId} errors={rulesForm.errors} />
            <BallotRulesFields fields={rulesFields} underHeading />
            <button type="submit" name="intent" value="update-rules" className="button-secondary">{t("admin:cycle.saveRules")}</button>
          </Form>
        )}
      </section>
      {canSetDates ? (
        <section className="card" aria-labelledby="dates-heading">
          <h2 id="dates-heading">{t("admin:dates.title")}</h2>
          <p className="hint">{t("admin:dates.intro")}</p>
          <Form method="post" {...getFormProps(datesForm)}>
            <AuthenticityTokenInput />
            {votingOpeningFixed(cycle.phase) ? (
              <p>{votingDates.votingOpensOn ? t("admin:dates.openedOn", { date: f.date(votingDates.votingOpensOn) }) : t("admin:dates.openedNow")}</p>
            ) : (
              <TextField meta={datesFields.votingOpensOn} label={t("admin:newCycle.votingOpens")} type="date" />
            )}
            <TextField meta={datesFields.votingClosesOn} label={t("admin:newCycle.votingCloses")} type="date" />
            <button type="submit" name="intent" value="update-dates" className="button-secondary">{t("admin:dates.save")}</button>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="eligibility-heading">
        <h2 id="eligibility-heading">{t("admin:eligibility.title")}</h2>
        {rulesLocked ? (
          <p>
            {eligibility.accountVoting
              ? t("admin:eligibility.lockedOn", { age: eligibility.minAge, rule: (eligibility.residencyRule || t("vote:account.defaultRule")).replace(/\.$/, "") })
              : t("admin:eligibility.lockedOff")}
          </p>
        ) : (
          <Form method="post" {...getFormProps(eligibilityForm)}>
            <AuthenticityTokenInput />
            <CheckboxField meta={eligibilityFields.accountVoting} label={t("admin:eligibility.accountVoting")} />
            <p className="hint">{t("admin:eligibility.accountVotingRisk")}</p>
            <TextField meta={eligibilityFields.minAge} label={t("admin:eligibility.minAge")} type="number" />
            <TextField meta={eligibilityFields.residencyRule} label={t("admin:eligibility.residencyRule")} hint={t("admin:eligibility.residencyHint")} />
            <button type="submit" name="intent" value="update-eligibility" className="button-secondary">{t("admin:eligibility.save")}</button>
          </Form>
        )}
        {turnout.length ? (
          <div className="table-scroll">
            <table>
              <caption>{t("admin:eligibility.turnoutCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin:eligibility.district")}</th>
                  <th scope="col">{t("admin:eligibility.channel")}</th>
                  <th scope="col">{t("admin:eligibility.voters")}</th>
                </tr>
              </thead>
              <tbody>
                {turnout.map((r) => (
                  <tr key={`${r.districtId}-${r.channel}`}>
                    <td>{r.district}</td>
                    <td>{t(CHANNEL_KEYS[r.channel as keyof typeof CHANNEL_KEYS] ?? CHANNEL_KEYS.online)}</td>
                    <td>{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <Translations {...translations} />
      <section className="card" aria-labelledby="codes-heading">
        <h2 id="codes-heading">{t("admin:codes.title")}</h2>
        {canGenerateCodes ? (
          <Form method="post" {...getFormProps(codesForm)}>
            <AuthenticityTokenInput />
            <FormErrors id={codesForm.errorId} errors={codesForm.errors} />
            <SelectField
              meta={codesFields.districtId}
              label={t("admin:codes.district")}
              options={districts.map((d) => ({ value: d.id, label: t("admin:codes.districtOption", { name: d.name, budget: money(d.budgetCents) }) }))}
            />
            <TextField meta={codesFields.count} label={t("admin:codes.count")} type="number" />
            <TextField meta={codesFields.label} label={t("admin:codes.label")} hint={t("admin:codes.labelHint")} />
            <button type="submit" name="intent" value="generate-codes" className="button-secondary">{t("admin:codes.generate")}</button>
          </Form>
        ) : (
          <p>{t("admin:codes.locked")}</p>
        )}
        {batches.length ? (
          // On a phone, one block per batch: five columns and two links do not fit across.
          <table className="stack-narrow">
            <thead>
              <tr>
                <th scope="col">{t("admin:codes.batch")}</th>
                <th scope="col">{t("admin:codes.district")}</th>
                <th scope="col" className="num">{t("admin:codes.codes")}</th>
                <th scope="col">{t("admin:codes.created")}</th>
                <th scope="col">{t("admin:codes.csv")}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td data-label={t("admin:codes.batch")}>{b.label}</td>
                  <td data-label={t("admin:codes.district")}>{b.district}</td>
                  <td className="num" data-label={t("admin:codes.codes")}>{f.number(b.count)}</td>
                  <td data-label={t("admin:codes.created")}>{f.date(b.createdAt)}</td>
                  <td>
                    <a href={`/admin/codes/${b.id}.csv`} download>{t("admin:codes.downloadCsv")}</a>
                    {canGenerateCodes ? <> · <Link to={`/admin/codes/${b.id}/print`}>{t("admin:codes.printSlips")}</Link></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p>{t("admin:codes.none")}</p>}
        {/* Slips and cancelling serve codes that can still vote (see cyclePermissions.printSlips). */}
        {canGenerateCodes ? (
          <>
            <h3>{t("admin:codes.voidTitle")}</h3>
            <Form method="post" {...getFormProps(voidForm)}>
              <AuthenticityTokenInput />
              <TextField meta={voidFields.code} label={t("admin:codes.voidCode")} />
              <TextField meta={voidFields.reason} label={t("admin:codes.voidReason")} hint={t("admin:codes.voidReasonHint")} />
              <button type="submit" name="intent" value="void-code" className="button-secondary">{t("admin:codes.voidSubmit")}</button>
            </Form>
          </>
        ) : null}
      </section>
      {canTally || results.length ? (
        <section className="card" aria-labelledby="tally">
          <h2 id="tally">{t("admin:tally.title")}</h2>
          {actionData?.tallyError ? <Notice tone="error">{say(actionData.tallyError)}</Notice> : null}
          {canTally ? (
            <Form method="post" className="actions">
              <AuthenticityTokenInput />
              <button type="submit" name="intent" value="run-tally" className="button-secondary">{t("admin:tally.run")}</button>
              {results.filter((r) => r.status === "draft").map((r) => <input key={r.id} type="hidden" name="run" value={r.id} />)}
              {results.some((r) => r.status === "draft") ? (
                <>
                  <div className="field checkbox">
                    <input type="checkbox" id="confirm-publish" name="confirmPublish" value="yes" aria-describedby="confirm-publish-errors" aria-invalid={actionData?.confirmPublish ? true : undefined} />
                    <label htmlFor="confirm-publish">{t("admin:tally.confirmPublish")}</label>
                    <FieldErrors id="confirm-publish-errors" errors={actionData?.confirmPublish ? [actionData.confirmPublish] : undefined} />
                  </div>
                  <button type="submit" name="intent" value="publish" className="button">{t("admin:tally.publish")}</button>
                </>
              ) : null}
            </Form>
          ) : null}
          {results.map((r) => (
            <div key={r.id}>
              <h3>
                <WithNames template={t("admin:tally.heading", { district: nameSlot(0), run: r.run })} names={[r.district]} />{" "}
                <span className={`status status-${r.status}`}>{RESULT_STATUS_KEYS[r.status] ? t(RESULT_STATUS_KEYS[r.status]) : r.status}</span>
              </h3>
              {r.replacesRun !== null ? <Notice tone="error">{t("admin:tally.replaces", { run: r.replacesRun })}</Notice> : null}
              {r.ballotCount === 0 ? <Notice tone="error">{t("admin:tally.noBallots")}</Notice> : null}
              <p>{t("admin:tally.summary", { count: r.ballotCount, spent: money(r.spentCents), budget: money(r.budgetCents) })}</p>
              {r.spoiledCount ? <p>{t("results:district.spoiled", { count: r.spoiledCount })}</p> : null}
              {r.status === "draft" ? (
                <p>
                  <Trans i18nKey="admin:tally.recountDraft" values={{ rule: r.rule }} components={{ pb: <a href={`/results/ballots/${r.id}.pb`} download />, code: <code /> }} />
                </p>
              ) : null}
              <ProjectOutcomes district={r.district} projects={r.projects} score={cycle.score} currency={cycle.currency} />
            </div>
          ))}
          {canCreateProjects && anyPublished && winnersWithoutProject > 0 ? (
            <Form method="post">
              <AuthenticityTokenInput />
              <button type="submit" name="intent" value="create-projects" className="button">{t("admin:tally.createProjects")}</button>
            </Form>
          ) : null}
          {anyPublished && winnersWithoutProject === 0 ? (
            <p>
              <Trans i18nKey="admin:tally.projectsMade" components={{ a: <Link to={`/projects?cycle=${cycle.slug}`} /> }} />
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** Links to translate the cycle's own texts, each saying which languages it has so far. */
function Translations({
  cycle,
  categories,
  districts,
  residency,
}: {
  cycle: { id: string; described: boolean; locales: string[] };
  categories: { id: string; name: string; locales: string[] }[];
  districts: { id: string; name: string; locales: string[] }[];
  residency: { locales: string[] } | null;
}) {
  const { t } = useTranslation();
  const languages = (locales: string[]) =>
    locales.length ? t("translations:office.languages", { languages: locales.map(localeName).join(", ") }) : t("translations:office.none");
  return (
    <section className="card" aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t("translations:office.title")}</h2>
      <p>{t("translations:office.lead")}</p>
      <ul>
        <li>
          <Link to={`/translate/cycle/${cycle.id}`}>{t(cycle.described ? "translations:office.cycle" : "translations:office.cycleName")}</Link> — {languages(cycle.locales)}
        </li>
        {categories.map((c) => (
          <li key={c.id}>
            <Link to={`/translate/category/${c.id}`}>{c.name}</Link> — {languages(c.locales)}
          </li>
        ))}
        {districts.map((d) => (
          <li key={d.id}>
            <Link to={`/translate/district/${d.id}`}>{t("translations:office.district", { name: d.name })}</Link> — {languages(d.locales)}
          </li>
        ))}
        {residency ? (
          <li>
            <Link to={`/translate/residency/${cycle.id}`}>{t("translations:office.residency")}</Link> — {languages(residency.locales)}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
