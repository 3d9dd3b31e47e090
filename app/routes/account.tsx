import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, destroyUserSession, getActor, getSession } from "~/auth.server";
import { SendConfirmationAgain } from "~/components/follow";
import { CheckboxField, FormErrors, HiddenContext, Notice, TextField } from "~/components/forms";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";
import { readForm } from "~/csrf.server";
import { openCyclesVotedIn } from "~/db/ballots.server";
import { followsOf } from "~/db/follows.server";
import { cyclesInLocale, titlesIn } from "~/db/translations.server";
import { changePassword, closeAccount, ownAccount, renameAccount } from "~/db/users.server";
import { accountPermissions, closeAccountRefusal } from "~/domain/accounts/permissions";
import { accountInput } from "~/domain/accounts/schema";
import { IDEA_STATUS_KEYS } from "~/domain/ideas/permissions";
import { markAccountNews, redirectWithDone, takeDone } from "~/flash.server";
import { formReply, requireState } from "~/http.server";
import { localeOf } from "~/i18n/i18n.server";
import { useMessage } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { forgive, LIMITS, takeAttempt } from "~/rate-limit.server";
import { endVoterSession } from "~/voter-session.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:account.metaTitle");

async function guard(request: Request) {
  const actor = await getActor(request);
  authorize(request, actor, accountPermissions.manageOwnAccount(actor), message("auth:account.signIn"));
  return actor!;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await guard(request);
  const locale = await localeOf(request);
  const [account, follows, flash, voting] = await Promise.all([ownAccount(actor.id), followsOf(actor.id, locale), takeDone(request), openCyclesVotedIn(actor.id)]);
  const [titles, cycles] = await Promise.all([
    titlesIn("idea", account.ideas, locale),
    cyclesInLocale([...new Map(account.ideas.map((i) => [i.cycle.id, i.cycle])).values()], locale),
  ]);
  return data(
    {
      name: account.name,
      email: account.email,
      confirmed: account.emailConfirmedAt !== null,
      // A hidden idea stays its author's to see (with why, on its page): listed as hidden.
      ideas: account.ideas.map((i) => ({ id: i.id, number: i.number, ...titles.get(i.id)!, status: i.status, hidden: i.hiddenAt !== null, cycle: cycles.find((c) => c.id === i.cycle.id)! })),
      follows,
      canClose: accountPermissions.closeOwnAccount(actor),
      closeRefused: closeAccountRefusal((await cyclesInLocale(voting, locale)).map((c) => c.name)),
      done: flash.done.account ?? null,
    },
    { headers: flash.headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await guard(request);
  const submission = parseWithZod(await readForm(request), { schema: accountInput });
  if (submission.status !== "success") return formReply(submission, { hideFields: ["current", "password"] });
  if (submission.value.intent === "name") {
    await renameAccount(actor.id, submission.value.name);
    return redirectWithDone(request, "/account", { account: "renamed" });
  }
  if (submission.value.intent === "close") {
    authorize(request, actor, accountPermissions.closeOwnAccount(actor), message("auth:account.closeRefusedRole"));
    const refusal = closeAccountRefusal((await cyclesInLocale(await openCyclesVotedIn(actor.id), await localeOf(request))).map((c) => c.name));
    requireState(!refusal, refusal ?? "");
  }
  // Both remaining forms check the current password: counted per account before it is checked.
  const limited = await takeAttempt([LIMITS.currentPasswordPerAccount, actor.id]);
  if (limited) return formReply(submission, { formErrors: [limited], hideFields: ["current", "password"] }, 429);
  const wrongPassword = () => formReply(submission, { fieldErrors: { current: [message("auth:account.errors.current")] }, hideFields: ["current", "password"] });
  if (submission.value.intent === "close") {
    if (!(await closeAccount(actor.id, submission.value.current))) return wrongPassword();
    // Signed out on this device too (its session is gone with the others); the next page says so.
    const headers = new Headers([["Set-Cookie", await destroyUserSession(request)]]);
    headers.append("Set-Cookie", await endVoterSession(request));
    headers.append("Set-Cookie", await markAccountNews("closed"));
    return redirect("/", { headers });
  }
  // This device stays signed in; every other one is signed out (whoever knew the old password).
  const token = String((await getSession(request)).get("sessionId") ?? "");
  if (!(await changePassword(actor.id, submission.value.current, submission.value.password, await localeOf(request), token))) return wrongPassword();
  await forgive(LIMITS.currentPasswordPerAccount, actor.id);
  return redirectWithDone(request, "/account", { account: "password" });
}

export default function Account() {
  const { name, email, confirmed, ideas, follows, canClose, closeRefused, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  // Two forms answer through one action: each shows only its own answer.
  const intent = (lastResult?.initialValue as { intent?: string } | undefined)?.intent;
  return (
    <div className="narrow">
      <h1>{t("auth:account.title")}</h1>
      {done === "renamed" ? <Notice tone="success">{t("auth:account.renamed")}</Notice> : null}
      {done === "password" ? <Notice tone="success">{t("auth:account.passwordChanged")}</Notice> : null}

      <section aria-labelledby="details">
        <h2 id="details">{t("auth:account.detailsHeading")}</h2>
        <p>
          {t("auth:account.email", { email })} {confirmed ? t("auth:account.confirmed") : t("auth:confirm.pending", { email })}
        </p>
        {confirmed ? null : <SendConfirmationAgain />}
        <p>
          <a href="/account/data.json" download>{t("auth:account.download")}</a> <span className="muted">{t("auth:account.downloadHint")}</span>
        </p>
        <NameForm name={name} lastResult={intent === "name" ? lastResult : undefined} />
      </section>

      <PasswordForm lastResult={intent === "password" ? lastResult : undefined} />

      <section aria-labelledby="following">
        <h2 id="following">{t("auth:account.followsHeading")}</h2>
        {follows.length === 0 ? <p className="muted">{t("auth:account.noFollows")}</p> : null}
        <ul>
          {follows.map((f) => (
            <li key={f.id}>
              {f.path && f.title ? (
                <Link to={f.path}>
                  <OfficeText name={{ name: f.title, writtenIn: f.writtenIn }} />
                </Link>
              ) : (
                t("auth:account.hiddenIdea")
              )}{" "}
              <Form method="post" action="/follows" className="inline-form">
                <AuthenticityTokenInput />
                <input type="hidden" name="targetType" value={f.type} />
                <input type="hidden" name="targetId" value={f.id} />
                <input type="hidden" name="follow" value="no" />
                <input type="hidden" name="back" value="account" />
                <button type="submit" className="link-button">
                  {t("auth:account.unfollow")}
                  <HiddenContext>{f.title ?? t("auth:account.hiddenIdea")}</HiddenContext>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ideas">
        <h2 id="ideas">{t("auth:account.ideasHeading")}</h2>
        {ideas.length === 0 ? (
          <p className="muted">
            {t("auth:account.noIdeas")} <Link to="/ideas/new">{t("auth:account.newIdea")}</Link>
          </p>
        ) : null}
        <ul>
          {ideas.map((i) => (
            <li key={i.id}>
              <Link to={`/ideas/${i.id}`}>
                <WithNames template={t("ideas:list.ideaTitle", { number: i.number, title: nameSlot(0) })} names={[{ name: i.title, writtenIn: i.writtenIn }]} />
              </Link>{" "}
              · <OfficeText name={i.cycle} /> ·{" "}
              {i.hidden ? t("auth:account.hidden") : IDEA_STATUS_KEYS[i.status] ? t(IDEA_STATUS_KEYS[i.status]) : i.status}
            </li>
          ))}
        </ul>
      </section>

      <CloseForm canClose={canClose} refused={closeRefused} lastResult={intent === "close" ? lastResult : undefined} />
    </div>
  );
}

function CloseForm({ canClose, refused, lastResult }: { canClose: boolean; refused: string | null; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const say = useMessage();
  const [form, fields] = useForm({ id: "account-close", lastResult });
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{t("auth:account.closeHeading")}</h2>
      <p>{t("auth:account.closeWhat")}</p>
      {canClose && refused ? <p className="muted">{say(refused)}</p> : null}
      {canClose && !refused ? (
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="close" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField meta={fields.current} label={t("auth:account.current")} type="password" autoComplete="current-password" />
          <CheckboxField meta={fields.understood} label={t("auth:account.understood")} />
          <button type="submit" className="button-secondary danger">{t("auth:account.close")}</button>
        </Form>
      ) : null}
      {canClose ? null : <p className="muted">{t("auth:account.closeAskOffice")}</p>}
    </section>
  );
}

function NameForm({ name, lastResult }: { name: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: "account-name", lastResult, defaultValue: { name } });
  return (
    <Form method="post" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="name" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField meta={fields.name} label={t("auth:account.name")} hint={t("auth:account.nameHint")} autoComplete="name" />
      <button type="submit" className="button-secondary">{t("auth:account.saveName")}</button>
    </Form>
  );
}

function PasswordForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: "account-password", lastResult });
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t("auth:account.passwordHeading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="password" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.current} label={t("auth:account.current")} type="password" autoComplete="current-password" />
        <TextField meta={fields.password} label={t("auth:account.newPassword")} type="password" autoComplete="new-password" hint={t("auth:signup.passwordHint")} />
        <p className="muted">{t("auth:account.passwordHint")}</p>
        <button type="submit" className="button-secondary">{t("auth:account.changePassword")}</button>
      </Form>
    </section>
  );
}
