import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { createUserSession } from "~/auth.server";
import { FormErrors, TextField } from "~/components/forms";
import { dropFormToken, readForm } from "~/csrf.server";
import { markAccountNews } from "~/flash.server";
import { formReply } from "~/http.server";
import { createResident, emailTaken } from "~/db/users.server";
import { safeRedirect, signupInput } from "~/domain/accounts/schema";
import { localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { clientAddress, LIMITS, takeAttempt } from "~/rate-limit.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:signup.metaTitle");

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const limited = await takeAttempt([LIMITS.signupPerIp, clientAddress(context)]);
  if (limited) return formReply(parseWithZod(formData, { schema: signupInput }), { formErrors: [limited], hideFields: ["password"] }, 429);
  const submission = await parseWithZod(formData, {
    schema: signupInput.superRefine(async (data, ctx) => {
      if (await emailTaken(data.email)) {
        ctx.addIssue({ code: "custom", path: ["email"], message: message("auth:errors.emailTaken") });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission, { hideFields: ["password"] });
  const user = await createResident(submission.value, await localeOf(request));
  const cookie = await createUserSession(request, user.id);
  const to = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  return redirect(to, { headers: [["Set-Cookie", cookie], ["Set-Cookie", await dropFormToken()], ["Set-Cookie", await markAccountNews("welcome")]] });
}

export default function Signup() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur" });
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("auth:signup.title")}</h1>
      <p>{t("auth:signup.intro")}</p>
      <Form method="post" {...getFormProps(form)} action={`/signup${searchParams.size ? `?${searchParams}` : ""}`}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("auth:signup.name")} autoComplete="name" />
        <TextField meta={fields.email} label={t("auth:signup.email")} type="email" autoComplete="email" />
        <TextField meta={fields.password} label={t("auth:signup.password")} type="password" autoComplete="new-password" hint={t("auth:signup.passwordHint")} />
        <button type="submit" className="button">{t("auth:signup.submit")}</button>
      </Form>
      <p>
        <Trans i18nKey="auth:signup.haveAccount" components={{ a: <Link to="/login" /> }} />
      </p>
    </div>
  );
}
