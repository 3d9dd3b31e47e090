import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { authorize, getActor } from "~/auth.server";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SendConfirmationAgain } from "~/components/follow";
import { z } from "zod";
import { CheckboxField, FormErrors, Notice, SelectField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { accountParticipations, accountVoterCode, findVoterCode, findVoterCodeById } from "~/db/ballots.server";
import { accountVotingCycles, cyclesInVoting } from "~/db/cycles.server";
import { cyclesInLocale, districtNamesIn, residencyRulesIn } from "~/db/translations.server";
import { nameSlot, WithNames } from "~/components/translated";
import { CODE_REFUSAL_MESSAGES, notVotingMessage, secondBallotRefusal, voterCodeRefusal, votingChannelPermissions } from "~/domain/ballots/permissions";
import { accountVotingInput, voterCodeInput } from "~/domain/ballots/schema";
import { CODE_LENGTH, normaliseVoterCode } from "~/domain/ballots/voter-codes";
import { readVoterSession, startVoting } from "~/voter-session.server";
import { KEPT_CHOICES_HOURS, VOTING_MINUTES } from "~/domain/ballots/session";
import { clientAddress, giveBack, LIMITS, takeAttempt } from "~/rate-limit.server";
import { choiceOf, useFormat, type Choice, type OfficeName } from "~/i18n/i18n";
import { dateIn, localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export { noStore as headers } from "~/voter-session.server";

/** Voting pages are plain HTML, no framework download (they work without JavaScript). */
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "vote:start.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const [voting, actor, allAccountCycles] = await Promise.all([cyclesInVoting(locale), getActor(request), accountVotingCycles()]);
  // Cycles this person may vote in with their account (visitors are offered sign-in), named in their language.
  const accountCycles = await cyclesInLocale(allAccountCycles.filter((c) => !actor || votingChannelPermissions.offerAccountVoting(actor, c)), locale);
  const [voted, rules, districtNames] = await Promise.all([
    actor ? accountParticipations(actor.id, accountCycles.map((c) => c.id)) : new Map<string, string>(),
    residencyRulesIn(accountCycles, locale),
    districtNamesIn(accountCycles.flatMap((c) => c.districts), locale),
  ]);
  return {
    voting,
    signedIn: !!actor,
    // Offered, but only taken up with a confirmed address (see voteWithAccount): where the link went.
    confirmFirst: actor && allAccountCycles.some((c) => votingChannelPermissions.confirmAddressFirst(actor, c)) ? actor.email : null,
    accountCycles: accountCycles.map((c) => ({
      slug: c.slug,
      name: c.name,
      writtenIn: c.writtenIn,
      minAge: c.minAge,
      residencyRule: rules.get(c.id) ?? c.residencyRule,
      districts: c.districts.map((d) => choiceOf(d.id, districtNames.get(d.id)!)),
      votedIn: voted.has(c.id) ? districtNames.get(voted.get(c.id)!)! : null,
    })),
  };
}

/** The cycle in which this browser's voting session (a letter code) cast a ballot, if it did. */
async function sessionVotedIn(request: Request) {
  const { voterCodeId, expiredCodeId } = await readVoterSession(request);
  const code = await findVoterCodeById((voterCodeId ?? expiredCodeId) ?? "");
  return code?.participation && code.userId === null ? code.cycleId : null;
}

/** A signed-in resident declares they may vote, and gets a ballot for their district. */
async function voteWithAccount(request: Request, formData: FormData) {
  const actor = await getActor(request);
  const submission = parseWithZod(formData, { schema: accountVotingInput });
  const cycle = (await accountVotingCycles()).find((c) => c.slug === formData.get("cycle"));
  authorize(request, actor, !!cycle && votingChannelPermissions.offerAccountVoting(actor, cycle), message("vote:account.refused"));
  authorize(request, actor, votingChannelPermissions.voteWithAccount(actor, cycle!), message("vote:account.confirmFirst", { email: actor!.email }));
  if (submission.status !== "success") return formReply(submission);
  const code = await accountVoterCode(cycle!.id, submission.value.districtId, actor!.id);
  if (!code) return formReply(submission, { fieldErrors: { districtId: [message("vote:account.errors.district")] } });
  if (secondBallotRefusal(cycle!.id, { accountVotedIn: new Set(), sessionVotedIn: await sessionVotedIn(request) })) {
    return formReply(submission, { formErrors: [message("vote:account.errors.sessionVoted")] });
  }
  if (code.participation) return redirect("/vote?notice=account-voted");
  return redirect("/vote/ballot", { headers: { "Set-Cookie": await startVoting(request, code.id) } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "account") return voteWithAccount(request, formData);
  // Only wrong codes count: a busy polling station on one address is not slowed down.
  const ip = clientAddress(context);
  // Taken before the code is looked up (codes sent all at once are counted too), given back when it was right.
  const limited = await takeAttempt([LIMITS.voterCodePerIp, ip]);
  if (limited) return formReply(parseWithZod(formData, { schema: voterCodeInput }), { formErrors: [limited] }, 429);
  const submission = await parseWithZod(formData, {
    schema: voterCodeInput.transform(async (data, ctx) => {
      const code = normaliseVoterCode(data.code);
      // Too short, or a letter no code has: said how a code looks, before "we could not find it".
      if (!code) {
        ctx.addIssue({ code: "custom", path: ["code"], message: message("vote:errors.code.malformed", { length: CODE_LENGTH }) });
        return z.NEVER;
      }
      const found = await findVoterCode(code);
      const refusal = voterCodeRefusal(
        found ? { voidedAt: found.voidedAt, used: !!found.participation, cyclePhase: found.cycle.phase } : null,
      );
      if (refusal === "not-voting") {
        const locale = await localeOf(request);
        const [cycle] = await cyclesInLocale([found!.cycle], locale);
        const day = (d: string | null) => (d ? dateIn(locale, d) : null);
        ctx.addIssue({ code: "custom", path: ["code"], message: notVotingMessage(cycle, { closed: day(cycle.votingClosesOn), opens: day(cycle.votingOpensOn) }) });
        return z.NEVER;
      }
      if (refusal) {
        ctx.addIssue({ code: "custom", path: ["code"], message: CODE_REFUSAL_MESSAGES[refusal] });
        return z.NEVER;
      }
      // Signed in with an account that already voted in this cycle: not a second ballot by letter code.
      const actor = await getActor(request);
      const accountVotedIn = new Set(actor ? (await accountParticipations(actor.id, [found!.cycleId])).keys() : []);
      if (secondBallotRefusal(found!.cycleId, { accountVotedIn, sessionVotedIn: null })) {
        ctx.addIssue({ code: "custom", path: ["code"], message: message("vote:errors.code.accountVoted", { name: actor!.name }) });
        return z.NEVER;
      }
      return found!;
    }),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission);
  await giveBack([LIMITS.voterCodePerIp, ip]);
  return redirect("/vote/ballot", { headers: { "Set-Cookie": await startVoting(request, submission.value.id) } });
}

export default function Vote() {
  const { voting, signedIn, confirmFirst, accountCycles } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Two forms answer through one action: each shows only its own answer.
  const answered = (lastResult?.initialValue as { intent?: string } | undefined)?.intent === "account" ? "account" : "code";
  const [form, fields] = useForm({ lastResult: answered === "code" ? lastResult : undefined });
  const { t } = useTranslation();
  const f = useFormat();
  const notice = searchParams.get("notice");
  const open = voting.map((v, i) => (v.closes ? t("vote:start.cycleCloses", { name: nameSlot(i), date: f.date(v.closes) }) : nameSlot(i))).join("; ");
  return (
    <div className="narrow">
      <h1>{t("vote:start.title")}</h1>
      {/* Focus starts on why the voter is back here, unless the form below has just answered (then on the field). */}
      {notice === "already-voted" ? <Notice tone="error" focus={!lastResult}>{t("vote:start.notice.alreadyVoted")}</Notice> : null}
      {notice === "account-voted" ? <Notice tone="error" focus={!lastResult}>{t("vote:start.notice.accountVoted")}</Notice> : null}
      {notice === "start" ? <Notice>{t("vote:start.notice.start")}</Notice> : null}
      {notice === "closed" ? <Notice tone="error" focus={!lastResult}>{t("vote:start.notice.closed")}</Notice> : null}
      {notice === "expired" ? <Notice tone="error" focus={!lastResult}>{t("vote:start.notice.expired", { minutes: VOTING_MINUTES })}</Notice> : null}
      {notice === "other-code" ? <Notice tone="error" focus={!lastResult}>{t("vote:start.notice.otherCode")}</Notice> : null}
      {notice === "not-recorded" ? <Notice tone="error" focus={!lastResult}>{t("vote:start.notice.notRecorded")}</Notice> : null}
      {notice === "expired-kept" ? <Notice tone="error" focus={!lastResult}>{t("vote:start.notice.expiredKept", { minutes: VOTING_MINUTES, hours: KEPT_CHOICES_HOURS })}</Notice> : null}
      {voting.length ? <p><WithNames template={t("vote:start.open", { cycles: open })} names={voting} /></p> : <p>{t("vote:start.noneOpen")}</p>}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.code} label={t("vote:start.codeLabel")} hint={t("vote:start.codeHint")} autoComplete="off" autoFocus={!!fields.code.errors?.length} />
        <button type="submit" className="button">{t("vote:start.submit")}</button>
      </Form>
      {accountCycles.map((c) => (
        <AccountVoting key={c.slug} cycle={c} signedIn={signedIn} confirmFirst={confirmFirst} lastResult={answered === "account" ? lastResult : undefined} />
      ))}
    </div>
  );
}

function AccountVoting({
  cycle,
  signedIn,
  confirmFirst,
  lastResult,
}: {
  cycle: { slug: string; name: string; writtenIn: string | null; minAge: number; residencyRule: string; districts: Choice[]; votedIn: OfficeName | null };
  signedIn: boolean;
  confirmFirst: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: `account-${cycle.slug}`, lastResult: (lastResult?.initialValue as { cycle?: string } | undefined)?.cycle === cycle.slug ? lastResult : undefined });
  return (
    <section className="card" aria-labelledby={`account-${cycle.slug}-heading`}>
      <h2 id={`account-${cycle.slug}-heading`}><WithNames template={t("vote:account.title", { cycle: nameSlot(0) })} names={[cycle]} /></h2>
      {!signedIn ? (
        <p>
          <Link to="/login?redirectTo=/vote">{t("vote:account.signIn")}</Link>
        </p>
      ) : cycle.votedIn ? (
        <p role="status"><WithNames template={t("vote:account.voted", { district: nameSlot(0) })} names={[cycle.votedIn]} /></p>
      ) : confirmFirst ? (
        <>
          <p>{t("vote:account.confirmFirst", { email: confirmFirst })}</p>
          <SendConfirmationAgain />
        </>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="account" />
          <input type="hidden" name="cycle" value={cycle.slug} />
          <p>{t("vote:account.intro")}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField meta={fields.districtId} label={t("vote:account.district")} options={cycle.districts} />
          <CheckboxField meta={fields.age} label={cycle.minAge > 0 ? t("vote:account.age", { age: cycle.minAge }) : t("vote:account.anyAge")} />
          <CheckboxField meta={fields.residency} label={t("vote:account.residency", { rule: cycle.residencyRule || t("vote:account.defaultRule") })} />
          <CheckboxField meta={fields.onlyOnce} label={t("vote:account.onlyOnce")} />
          <button type="submit" className="button">{t("vote:account.submit")}</button>
        </Form>
      )}
    </section>
  );
}
