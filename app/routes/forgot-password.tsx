import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FormErrors, Notice, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { startPasswordReset } from "~/db/users.server";
import { forgotPasswordInput, RESET_LINK_MINUTES } from "~/domain/accounts/schema";
import { redirectWithDone, takeDone } from "~/flash.server";
import { formReply } from "~/http.server";
import { localeOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { logger } from "~/logger.server";
import { clientAddress, LIMITS, takeAttempt } from "~/rate-limit.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:forgot.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  // The address asked for, said once after the redirect (not in the page's address, where it would stay in the history).
  const flash = await takeDone(request);
  return data({ sentTo: flash.done.resetSentTo ?? null, minutes: RESET_LINK_MINUTES }, { headers: flash.headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: forgotPasswordInput });
  if (submission.status !== "success") return formReply(submission);
  const { email } = submission.value;
  const limited = await takeAttempt([LIMITS.resetPerIp, clientAddress(context)], [LIMITS.resetPerEmail, email]);
  if (limited) return formReply(submission, { formErrors: [limited] }, 429);
  // The same answer, as fast, whether or not an account uses the address: the link is made and
  // queued after answering (awaiting it would make a real account's answer slower, and so tell).
  void startPasswordReset(email, await localeOf(request)).catch((error: unknown) => logger.error({ err: error }, "password reset mail not queued"));
  return redirectWithDone(request, "/forgot-password", { resetSentTo: email });
}

export default function ForgotPassword() {
  const { sentTo } = useLoaderData<typeof loader>();
  // A new form once a link is sent: the refusal of an earlier try does not stay under the field.
  return <AskForLink key={sentTo ?? ""} />;
}

function AskForLink() {
  const { sentTo, minutes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur", defaultValue: { email: sentTo ?? "" } });
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("auth:forgot.title")}</h1>
      {sentTo ? (
        <Notice tone="success">
          <p>{t("auth:forgot.sent", { email: sentTo, minutes })}</p>
          <p>{t("auth:forgot.sentHint")}</p>
        </Notice>
      ) : (
        <p>{t("auth:forgot.intro")}</p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.email} label={t("auth:forgot.email")} type="email" autoComplete="email" />
        <button type="submit" className="button">{sentTo ? t("auth:forgot.again") : t("auth:forgot.submit")}</button>
      </Form>
      <p>
        <Trans i18nKey="auth:forgot.voters" components={{ a: <Link to="/vote" /> }} />
      </p>
      <p>
        <Link to="/login">{t("auth:forgot.backToLogin")}</Link>
      </p>
    </div>
  );
}
