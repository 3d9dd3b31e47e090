import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { BallotChoices } from "~/components/ballot-choices";
import { Notice } from "~/components/forms";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";
import { ballotFormKey } from "~/ballot-seal.server";
import { readForm } from "~/csrf.server";
import { ballotOptions, castBallot, findVoterCodeById, trackerRecorded } from "~/db/ballots.server";
import { cyclesInLocale, districtNamesIn } from "~/db/translations.server";
import { voterCodeRefusal } from "~/domain/ballots/permissions";
import { ballotRulesFor, checkBallot, describeBallotRules, selectionTotalCents, type BallotRules } from "~/domain/ballots/rules";
import { packChoices, unpackChoices } from "~/domain/ballots/draft";
import { readBallotForm } from "~/domain/ballots/schema";
import { VOTING_MINUTES } from "~/domain/ballots/session";
import { INTL_LOCALE } from "~/i18n/config";
import { useFormat, useLocale, useMessage, useWrittenIn } from "~/i18n/i18n";
import { localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import type { LanguageForm } from "~/root";
import { getActor } from "~/auth.server";
import { forgetBallotDraft, keepBallotDraft, keepReceipt, readBallotDraft, readKeptTracker, readPendingTracker, readVoterSession } from "~/voter-session.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export { noStore as headers } from "~/voter-session.server";

/** Plain HTML, no framework download (it works without JavaScript); /ballot.js keeps the running total. */
// Only the choices step holds unsent ticks; the review's choices are already kept, so a plain link
// to the review in the other language is enough there.
const languageForm: LanguageForm = (data) => ((data as { step?: string } | undefined)?.step === "choose" ? "ballot-form" : undefined);
export const handle = { hydrate: false, languageForm };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data?.step === "review"
    ? pageTitle(matches, "vote:review.metaTitle")
    : pageTitle(matches, "vote:ballot.metaTitle", undefined, { refused: !!data?.draft?.errors.length });

/**
 * The voter's code from the session, still able to vote; otherwise back to the start, saying why.
 * `renew` is the cookie that keeps the session open while the voter is choosing (send it with the answer).
 */
async function requireVoter(request: Request, sent: FormData | null = null) {
  // Leaving the ballot without casting it: the choices kept between its steps go too.
  const leave = async (to: string) => redirect(to, { headers: { "Set-Cookie": await forgetBallotDraft(request) } });
  const { voterCodeId, expiredCodeId, renew } = await readVoterSession(request);
  // A ballot page of another code than this session's (another tab, where someone entered their own code
  // since): never cast or kept under this one. This session and its choices stay as they are.
  const otherCode = (codeId: string) => sent !== null && !sentFor(sent, codeId);
  if (expiredCodeId) {
    if (otherCode(expiredCodeId)) throw redirect("/vote?notice=other-code");
    // Idle too long. If it voted (a page reopened from the history, long after), that is what to say.
    const voted = await findVoterCodeById(expiredCodeId);
    if (voted?.participation) throw await leave(voted.userId !== null ? "/vote?notice=account-voted" : "/vote?notice=already-voted");
    // The voter is here, sending their choices: keep them for when they enter the code again.
    if (sent && voted) throw (await keepSentChoices(request, voted, sent)) ?? (await leave("/vote?notice=expired"));
    throw await leave("/vote?notice=expired");
  }
  // Sent with no voting session at all (signed out in another tab, or the browser closed and reopened).
  if (!voterCodeId && sent) throw redirect("/vote?notice=not-recorded");
  const code = voterCodeId ? await findVoterCodeById(voterCodeId) : null;
  if (!code) throw await leave("/vote?notice=start");
  if (otherCode(code.id)) throw redirect("/vote?notice=other-code");
  // A session started with an account belongs to that account: once it signs out (a shared computer), nobody votes with it.
  if (code.userId !== null && (await getActor(request))?.id !== code.userId) throw await leave(sent ? "/vote?notice=not-recorded" : "/vote?notice=start");
  const refusal = voterCodeRefusal({ voidedAt: code.voidedAt, used: !!code.participation, cyclePhase: code.cycle.phase });
  // Leave the session alone: another tab of this voter may have just stored its receipt there.
  const usedElsewhere = redirect(code.userId !== null ? "/vote?notice=account-voted" : "/vote?notice=already-voted");
  if (refusal === "used") {
    // The ballot sent again from the browser's history (the back button after voting): this session's receipt.
    if (await readKeptTracker(request)) throw redirect("/vote/receipt");
    // A confirmation sent again (a double click on a slow line) goes on to the cast, which tells whether it was this session's.
    if (!sent) throw usedElsewhere;
  }
  // Voting closed, or the code was cancelled, while the ballot was open: say so, rather than "enter your code".
  else if (refusal) throw await leave("/vote?notice=closed");
  const locale = await localeOf(request);
  const options = await ballotOptions(code.cycleId, code.districtId, code.id, locale);
  // The cycle's name as the voter reads it, on the ballot and on the receipt.
  const [{ name, writtenIn }] = await cyclesInLocale([code.cycle], locale);
  const cycleName = { name, writtenIn };
  const districtName = (await districtNamesIn([code.district], locale)).get(code.district.id)!;
  return { code, cycleName, districtName, options, rules: ballotRulesFor(code.cycle, code.district), renewed: { headers: { "Set-Cookie": renew! } }, used: refusal === "used", usedElsewhere };
}

/** Whether a ballot form was made for this voter code (a page made before forms said so passes). */
function sentFor(sent: FormData, codeId: string) {
  const key = sent.get("ballotFor");
  return key === null || key === ballotFormKey(codeId);
}

/** The tracker this voting session's ballot was to get, when a ballot now has it: this session's own. */
async function ownRecordedTracker(request: Request) {
  const pending = await readPendingTracker(request);
  return pending && (await trackerRecorded(pending)) ? pending : null;
}

/**
 * A ballot sent after the session closed (a slow voter, a long read): the code must be entered again
 * (the next person at a shared computer may not vote with it), but what the voter chose is not lost.
 * Its choices wait, for this code only, and come back when it is entered (startVoting).
 */
async function keepSentChoices(request: Request, code: NonNullable<Awaited<ReturnType<typeof findVoterCodeById>>>, sent: FormData) {
  if (voterCodeRefusal({ voidedAt: code.voidedAt, used: false, cyclePhase: code.cycle.phase })) return null;
  const rules = ballotRulesFor(code.cycle, code.district);
  const ids = (await ballotOptions(code.cycleId, code.districtId, code.id, await localeOf(request))).map((o) => o.id);
  const form = readBallotForm(sent, rules.method, ids);
  if (!form) return null;
  const draft = { codeId: code.id, ...packChoices(form.submission, ids), refused: false, reviewed: false };
  return redirect("/vote?notice=expired-kept", { headers: { "Set-Cookie": await keepBallotDraft(request, draft, { renew: false }) } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { code, cycleName, districtName, options, rules, renewed } = await requireVoter(request);
  const locale = INTL_LOCALE[await localeOf(request)];
  // What the voter last sent (kept by the action below): shown again, to review or to fix, with the
  // reasons worked out again from the choices.
  const draft = await readBallotDraft(request, code.id);
  const submission = draft && unpackChoices(draft, options.map((o) => o.id), rules.method);
  const check = submission && checkBallot(rules, options, submission, code.cycle.currency, locale);
  const reviewing = new URL(request.url).searchParams.get("step") === "review" && !!draft?.reviewed && !!check?.ok;
  const refused = draft?.refused && check && !check.ok ? check : null;
  return data(
    {
      cycle: { ...cycleName, currency: code.cycle.currency },
      district: { ...districtName, budgetCents: code.district.budgetCents },
      rules,
      rulesText: describeBallotRules(rules, code.cycle.currency, { locale }),
      // A resident voting with their account has no code to type again: told to declare again instead.
      byAccount: code.userId !== null,
      options,
      step: reviewing ? ("review" as const) : ("choose" as const),
      ballotFor: ballotFormKey(code.id),
      draft: submission && {
        // Ticks as the voter left them (a refused ballot too); ranked ballots in rank order.
        selection: "ids" in submission && !reviewing ? [...submission.ids] : check!.selection,
        ranks: "ranks" in submission ? { ...submission.ranks } : {},
        errors: refused?.errors ?? [],
        problems: refused?.problems,
      },
    },
    renewed,
  );
}

/** This page again, at one step: the review (`?step=review`) or the choices. Other parameters (the language) stay. */
function stepUrl(request: Request, step: "choose" | "review") {
  const url = new URL(request.url);
  if (step === "review") url.searchParams.set("step", "review");
  else url.searchParams.delete("step");
  return url.pathname + url.search;
}

export async function action({ request }: ActionFunctionArgs) {
  // Signing out in another tab ends the voting session and the form's token at once: say the ballot was not recorded.
  const formData = await readForm(request, { whenExpired: "/vote?notice=not-recorded" });
  const { code, cycleName, districtName, options, rules, used, usedElsewhere } = await requireVoter(request, formData);
  const form = readBallotForm(formData, rules.method, options.map((o) => o.id));
  if (!form) throw new Response(message("vote:errors.unreadableBallot"), { status: 400 });
  // Every step but the last answers with a page to go to (post, redirect, get): see keepBallotDraft.
  const goTo = async (step: "choose" | "review", outcome: { refused: boolean; reviewed: boolean }) => {
    const draft = { codeId: code.id, ...packChoices(form.submission, options.map((o) => o.id)), ...outcome };
    return redirect(stepUrl(request, step), { headers: { "Set-Cookie": await keepBallotDraft(request, draft) } });
  };
  if (used && form.intent !== "confirm") return usedElsewhere;
  const check = checkBallot(rules, options, form.submission, code.cycle.currency, INTL_LOCALE[await localeOf(request)]);
  if (form.intent === "change") {
    // Back to the choices ("Change my choices", or a language switch that keeps the ticks): a ballot refused
    // before keeps showing why, in the new language, until the voter reviews it again.
    const refusedBefore = (await readBallotDraft(request, code.id))?.refused ?? false;
    return goTo("choose", { refused: refusedBefore && !check.ok, reviewed: false });
  }
  // A refused ballot comes back exactly as the voter filled it in, with the reasons.
  if (!check.ok) return goTo("choose", { refused: true, reviewed: false });
  if (form.intent === "review") return goTo("review", { refused: false, reviewed: true });
  const cast = await castBallot(code, check.selection, { ranked: rules.method === "ranked", channel: code.userId ? "account" : "online", locale: await localeOf(request), tracker: (await readPendingTracker(request)) ?? undefined });
  // Sent twice (a double click on a slow line, one after the other or at the same instant): the sending
  // recorded was this session's own, so this answer is its receipt too, with its tracker but no list of
  // choices (they may have been other ones).
  const tracker = cast.ok ? cast.tracker : cast.reason === "already-voted" ? await ownRecordedTracker(request) : null;
  if (!tracker) {
    const to = !cast.ok && cast.reason === "closed" ? "/vote?notice=closed" : code.userId !== null ? "/vote?notice=account-voted" : "/vote?notice=already-voted";
    return redirect(to, { headers: { "Set-Cookie": await forgetBallotDraft(request) } });
  }
  const listChoices = cast.ok;
  const titles = new Map(options.map((o) => [o.id, o.title]));
  const languages = new Map(options.map((o) => [o.id, o.writtenIn ?? null]));
  const cookie = await keepReceipt(request, {
    tracker,
    cycle: cycleName.name,
    district: districtName.name,
    projects: (listChoices ? check.selection : []).map((id, i) => (rules.method === "ranked" ? `${i + 1}. ` : "") + (titles.get(id) ?? id)),
    projectsWrittenIn: (listChoices ? check.selection : []).map((id) => languages.get(id) ?? null),
    totalCents: rules.method === "knapsack" && listChoices ? check.totalCents : null,
    currency: code.cycle.currency,
  }, code.cycleId, code.districtId);
  return redirect("/vote/receipt", { headers: { "Set-Cookie": cookie } });
}

export default function Ballot() {
  const { cycle, district, rules, rulesText, byAccount, options, step, ballotFor, draft: result } = useLoaderData<typeof loader>();
  // The form's own fields hold the choices (so a box ticked before the page finished
  // loading counts); the state only mirrors them for the running total.
  const formRef = useRef<HTMLFormElement>(null);
  const initial = new Set(result?.selection ?? []);
  const ranks = result?.ranks ?? {};
  const [selected, setSelected] = useState<string[]>(result?.selection ?? []);
  const sync = () => {
    if (formRef.current) setSelected(new FormData(formRef.current).getAll("project").map(String));
  };
  useEffect(sync, []);
  const { t } = useTranslation();
  const say = useMessage();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  const money = (c: number) => f.money(c, cycle.currency);

  if (step === "review" && result) {
    const chosen = result.selection.map((id) => options.find((o) => o.id === id)!);
    const total = selectionTotalCents(options, result.selection);
    return (
      <div className="narrow">
        <h1>{t("vote:review.title")}</h1>
        <p><OfficeText name={district} /> — <OfficeText name={cycle} /></p>
        {rules.method === "ranked" ? (
          <ol>{chosen.map((o) => <li key={o.id}><span lang={writtenIn(o.writtenIn)}>{o.title}</span> — {money(o.costCents)}</li>)}</ol>
        ) : (
          <ul>{chosen.map((o) => <li key={o.id}><span lang={writtenIn(o.writtenIn)}>{o.title}</span> — {money(o.costCents)}</li>)}</ul>
        )}
        {rules.method === "knapsack" ? (
          <p>
            <Trans i18nKey="vote:review.total" values={{ total: money(total), budget: money(district.budgetCents) }} components={{ strong: <strong /> }} />
          </p>
        ) : null}
        <p>{t("vote:review.final")}</p>
        <Form method="post" id="ballot-form">
          <AuthenticityTokenInput />
          <input type="hidden" name="ballotFor" value={ballotFor} />
          {rules.method === "ranked"
            ? result.selection.map((id, i) => <input key={id} type="hidden" name={`rank-${id}`} value={String(i + 1)} />)
            : result.selection.map((id) => <input key={id} type="hidden" name="project" value={id} />)}
          <p className="actions">
            <button type="submit" name="intent" value="confirm" className="button">{t("vote:review.confirm")}</button>
            <button type="submit" name="intent" value="change" className="button-secondary">{t("vote:review.change")}</button>
          </p>
        </Form>
      </div>
    );
  }

  const total = selectionTotalCents(options, selected);
  return (
    <>
      <h1><WithNames template={t("vote:ballot.title", { district: nameSlot(0) })} names={[district]} /></h1>
      <p><WithNames template={t("vote:ballot.intro", { cycle: nameSlot(0), rules: say(rulesText) })} names={[cycle]} /></p>
      <p className="hint">{t(byAccount ? "vote:ballot.timeLimitAccount" : "vote:ballot.timeLimit", { minutes: VOTING_MINUTES })}</p>
      {result?.errors.length ? (
        <Notice tone="error" focus>
          {result.errors.map((e) => <p key={e}>{say(e)}</p>)}
        </Notice>
      ) : null}
      <Form method="post" id="ballot-form" aria-describedby="ballot-summary" ref={formRef} onChange={sync} data-ballot="">
        <AuthenticityTokenInput />
        <input type="hidden" name="ballotFor" value={ballotFor} />
        <BallotChoices legend={<WithNames template={t("vote:ballot.legend", { district: nameSlot(0) })} names={[district]} />} options={options} rules={rules} initial={initial} ranks={ranks} problems={result?.problems} money={money} />
        <div className="running-total" id="ballot-summary">
          {/* Shown by /ballot.js a few minutes before the session would close (WCAG 2.2.1: warned, and more
              time in one step), in the bar that stays on screen wherever the voter has scrolled to. */}
          <div className="alert alert-info" role="alert" hidden data-session-warning="" data-minutes={VOTING_MINUTES}>
            <p>{t("vote:ballot.timeWarning")}</p>
            <button type="button" className="button-secondary">{t("vote:ballot.moreTime")}</button>
          </div>
          {/* Shown by /ballot.js when asking for more time finds the session already closed. */}
          <div className="alert alert-error" role="alert" hidden data-session-ended="">
            <p>{t(byAccount ? "vote:ballot.sessionEndedAccount" : "vote:ballot.sessionEnded", { minutes: VOTING_MINUTES })}</p>
          </div>
          <BallotSummary rules={rules} total={total} count={selected.length} checked={!!result} money={money} currency={cycle.currency} />
          <p>
            <button type="submit" name="intent" value="review" className="button">{t("vote:ballot.review")}</button>
          </p>
        </div>
      </Form>
      <script src="/ballot.js" defer />
    </>
  );
}

/**
 * The running total (knapsack) or count (approval), kept up to date by /ballot.js as the voter
 * chooses. Without JavaScript it could not follow the ticks, so it stays hidden and a fixed line
 * says what the server last checked instead (/ballot.js swaps the two).
 */
function BallotSummary({
  rules,
  total,
  count,
  checked,
  money,
  currency,
}: {
  rules: BallotRules;
  total: number;
  count: number;
  /** The selection shown is the one the server last checked (after Review or an error). */
  checked: boolean;
  money: (c: number) => string;
  currency: string;
}) {
  const { t } = useTranslation();
  const locale = INTL_LOCALE[useLocale()];
  if (rules.method === "knapsack") {
    const over = total > rules.budgetCents;
    // The data-* attributes let /ballot.js update the total without the framework.
    return (
      <>
        <p data-static-summary="" data-testid="static-summary">
          {checked
            ? t("vote:summary.checkedTotal", { total: money(total), budget: money(rules.budgetCents) })
            : t("vote:summary.budgetOnly", { budget: money(rules.budgetCents) })}
        </p>
        <p
          hidden
          aria-live="polite"
          data-ballot-summary=""
          data-method="knapsack"
          data-budget={rules.budgetCents}
          data-currency={currency}
          data-locale={locale}
          data-left={t("vote:summary.left", { amount: "{amount}" })}
          data-over={t("vote:summary.over", { amount: "{amount}" })}
        >
          <Trans
            i18nKey="vote:summary.selected"
            values={{ total: money(total), budget: money(rules.budgetCents) }}
            components={{ total: <strong data-testid="running-total" /> }}
          />
          <span data-remaining="">
            {over ? (
              <strong className="error"> — {t("vote:summary.over", { amount: money(total - rules.budgetCents) })}</strong>
            ) : (
              ` — ${t("vote:summary.left", { amount: money(rules.budgetCents - total) })}`
            )}
          </span>
        </p>
        <div className={`meter${over ? " over" : ""}`} aria-hidden="true" data-meter="" hidden>
          <span style={{ width: `${Math.min(100, (total / rules.budgetCents) * 100)}%` }} />
        </div>
      </>
    );
  }
  if (rules.method === "approval") {
    const range = rules.minApprovals === rules.maxApprovals ? String(rules.minApprovals) : t("vote:summary.range", { min: rules.minApprovals, max: rules.maxApprovals });
    const summary = (n: number) => <Trans i18nKey="vote:summary.approval" count={n} values={{ range }} components={{ n: <strong data-testid="running-count" /> }} />;
    // Each plural form once, for /ballot.js to fill in the count without the framework.
    const forms = [...new Set([0, 1, 2, 5, 21, 1_000_000].map((n) => new Intl.PluralRules(locale).select(n)))];
    return (
      <>
        <p data-static-summary="" data-testid="static-summary">
          {checked ? t("vote:summary.checkedCount", { count, range }) : t("vote:summary.countOnly", { count: rules.maxApprovals, range })}
        </p>
        <p
          hidden
          aria-live="polite"
          data-ballot-summary=""
          data-method="approval"
          data-locale={locale}
          data-max={rules.maxApprovals}
          data-too-many={t("vote:summary.tooMany", { max: rules.maxApprovals })}
        >
          {summary(count)}
        </p>
        {forms.map((form) => (
          <template key={form} data-plural={form}>
            {summary([0, 1, 2, 5, 21, 1_000_000].find((n) => new Intl.PluralRules(locale).select(n) === form)!)}
          </template>
        ))}
      </>
    );
  }
  return <p>{t("vote:summary.ranked", { max: rules.maxRanks })}</p>;
}
