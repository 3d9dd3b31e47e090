import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FormErrors, Notice, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { resetLinkWorks, resetPassword } from "~/db/users.server";
import { linkTokenInput, RESET_LINK_MINUTES, resetPasswordInput } from "~/domain/accounts/schema";
import { redirectWithDone } from "~/flash.server";
import { formReply } from "~/http.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { clientAddress, LIMITS, takeAttempt } from "~/rate-limit.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:reset.metaTitle");

// The page holds a working link: not kept in a shared computer's cache.
export { noStore as headers } from "~/voter-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = linkTokenInput.safeParse({ token: new URL(request.url).searchParams.get("token") ?? undefined });
  // A used, expired or mistyped link says so up front, instead of after a new password is typed.
  if (!parsed.success || !(await resetLinkWorks(parsed.data.token))) return { token: null, minutes: RESET_LINK_MINUTES };
  return { token: parsed.data.token, minutes: RESET_LINK_MINUTES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const limited = await takeAttempt([LIMITS.resetUsePerIp, clientAddress(context)]);
  if (limited) return formReply(parseWithZod(formData, { schema: resetPasswordInput }), { formErrors: [limited], hideFields: ["password"] }, 429);
  const submission = parseWithZod(formData, { schema: resetPasswordInput });
  if (submission.status !== "success") return formReply(submission, { hideFields: ["password"] });
  const email = await resetPassword(submission.value.token, submission.value.password);
  if (!email) return formReply(submission, { formErrors: [message("auth:errors.resetLinkUsed", { minutes: RESET_LINK_MINUTES })], hideFields: ["password"] }, 410);
  return redirectWithDone(request, `/login`, { passwordChangedFor: email });
}

export default function ResetPassword() {
  const { token, minutes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur" });
  const { t } = useTranslation();
  if (!token) {
    return (
      <div className="narrow">
        <h1>{t("auth:reset.title")}</h1>
        <Notice tone="error">
          <p>{t("auth:reset.linkDead", { minutes })}</p>
        </Notice>
        <p>
          <Link to="/forgot-password" className="button">{t("auth:reset.askAgain")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("auth:reset.title")}</h1>
      <p>{t("auth:reset.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="token" value={token} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.password} label={t("auth:reset.password")} type="password" autoComplete="new-password" hint={t("auth:signup.passwordHint")} />
        <button type="submit" className="button">{t("auth:reset.submit")}</button>
      </Form>
      {form.errors?.length ? (
        <p>
          <Link to="/forgot-password">{t("auth:reset.askAgain")}</Link>
        </p>
      ) : null}
    </div>
  );
}
