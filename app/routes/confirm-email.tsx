import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { confirmationLinkAccount, confirmEmail, sendConfirmationAgain } from "~/db/users.server";
import { accountPermissions } from "~/domain/accounts/permissions";
import { CONFIRM_LINK_DAYS, confirmEmailInput, linkTokenInput, safeRedirect } from "~/domain/accounts/schema";
import { localeOf } from "~/i18n/i18n.server";
import { useMessage } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { LIMITS, takeAttempt } from "~/rate-limit.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:confirm.metaTitle");

// The page holds a working link: not kept in a shared computer's cache.
export { noStore as headers } from "~/voter-session.server";

/**
 * The link e-mailed at sign-up opens this page; the address is confirmed by its button (a POST), not
 * by opening the link, so a mail program that fetches links to scan them confirms nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = linkTokenInput.safeParse({ token: new URL(request.url).searchParams.get("token") ?? undefined });
  const account = parsed.success ? await confirmationLinkAccount(parsed.data.token) : null;
  // A used link opened again (Back, just after confirming) by someone whose address is confirmed: said so, not "no longer works".
  const actor = account ? null : await getActor(request);
  const confirmed = actor?.emailConfirmed ? actor.email : null;
  return { token: account && parsed.success ? parsed.data.token : null, name: account?.name ?? null, confirmed, days: CONFIRM_LINK_DAYS };
}

type Outcome = { confirmed: string } | { sentTo: string; back: string } | { alreadyConfirmed: true; back: string } | { refused: string };

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: confirmEmailInput });
  if (submission.status !== "success") return data<Outcome>({ refused: message("auth:errors.resetLinkBroken") }, 400);
  if (submission.value.intent === "confirm") {
    const email = await confirmEmail(submission.value.token);
    if (!email) return data<Outcome>({ refused: message("auth:confirm.linkDead", { days: CONFIRM_LINK_DAYS }) }, 410);
    return data<Outcome>({ confirmed: email });
  }
  // A new link: for the signed-in person's own address only.
  const actor = await getActor(request);
  authorize(request, actor, accountPermissions.askConfirmationLink(actor), message("auth:confirm.signInFirst"));
  const back = safeRedirect(submission.value.redirectTo);
  const limited = await takeAttempt([LIMITS.confirmPerAccount, actor!.id]);
  if (limited) return data<Outcome>({ refused: limited }, 429);
  const sent = await sendConfirmationAgain(actor!.id, await localeOf(request));
  return data<Outcome>(sent ? { sentTo: actor!.email, back } : { alreadyConfirmed: true, back });
}

export default function ConfirmEmail() {
  const { token, name, confirmed, days } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation();
  const say = useMessage();
  return (
    <div className="narrow">
      <h1>{t("auth:confirm.title")}</h1>
      {outcome && "confirmed" in outcome ? (
        <>
          <Notice tone="success">
            <p>{t("auth:confirm.done", { email: outcome.confirmed })}</p>
          </Notice>
          <p>
            <Link to="/">{t("auth:confirm.home")}</Link>
          </p>
        </>
      ) : outcome && ("sentTo" in outcome || "alreadyConfirmed" in outcome) ? (
        <>
          <Notice tone="success">
            <p>{"sentTo" in outcome ? t("auth:confirm.sent", { email: outcome.sentTo, days }) : t("auth:confirm.alreadyConfirmed")}</p>
          </Notice>
          <p>
            <Link to={outcome.back}>{t("auth:confirm.back")}</Link>
          </p>
        </>
      ) : outcome && "refused" in outcome ? (
        <Notice tone="error">
          <p>{say(outcome.refused)}</p>
        </Notice>
      ) : !token && confirmed ? (
        <Notice tone="success">
          <p>{t("auth:confirm.done", { email: confirmed })}</p>
        </Notice>
      ) : !token ? (
        <Notice tone="error">
          <p>{t("auth:confirm.linkDead", { days })}</p>
        </Notice>
      ) : (
        <>
          <p>{t("auth:confirm.intro", { name })}</p>
          <Form method="post">
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button">
              {t("auth:confirm.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
