import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { z } from "zod";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { createUserSession, getActor, verifyLogin } from "~/auth.server";
import { FormErrors, Notice, TextField } from "~/components/forms";
import { dropFormToken, readForm } from "~/csrf.server";
import { takeDone } from "~/flash.server";
import { formReply } from "~/http.server";
import { loginInput, safeRedirect } from "~/domain/accounts/schema";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { clientAddress, forgive, giveBack, LIMITS, takeAttempt } from "~/rate-limit.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:login.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getActor(request)) return redirect("/");
  // Said once, after a new password was chosen with a reset link; the address is filled in.
  const flash = await takeDone(request);
  return data({ passwordChangedFor: flash.done.passwordChangedFor ?? null }, { headers: flash.headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const ip = clientAddress(context);
  const email = String(formData.get("email") ?? "").trim().toLowerCase().slice(0, 200);
  const checks = [[LIMITS.loginPerIp, ip], [LIMITS.loginPerEmailAndIp, `${email}|${ip}`], [LIMITS.loginPerEmail, email]] as const;
  // Taken before the password is checked, so that guesses sent all at once are counted too.
  const limited = await takeAttempt(...checks);
  if (limited) {
    return formReply(parseWithZod(formData, { schema: loginInput }), { formErrors: [limited], hideFields: ["password"] }, 429);
  }
  const submission = await parseWithZod(formData, {
    schema: loginInput.transform(async (data, ctx) => {
      const user = await verifyLogin(data.email, data.password);
      if (!user) {
        ctx.addIssue({ code: "custom", message: message("auth:errors.noMatch") });
        return null as never;
      }
      return { ...data, user };
    }),
    async: true,
  });
  if (submission.status !== "success") {
    // Only a wrong e-mail or password counts; a form sent with an empty field does not.
    if (!submission.error?.[""]) await giveBack(...checks);
    return formReply(submission, { hideFields: ["password"] });
  }
  await Promise.all([forgive(LIMITS.loginPerEmailAndIp, `${email}|${ip}`), giveBack([LIMITS.loginPerIp, ip], [LIMITS.loginPerEmail, email])]);
  const cookie = await createUserSession(request, submission.value.user.id);
  return redirect(safeRedirect(submission.value.redirectTo), { headers: [["Set-Cookie", cookie], ["Set-Cookie", await dropFormToken()]] });
}

const STAFF_PAGES = /^\/(admin|costing|participation|committees|dev)(\/|\?|$)/;

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { passwordChangedFor } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof loginInput>>({ lastResult, shouldRevalidate: "onBlur", defaultValue: passwordChangedFor ? { email: passwordChangedFor } : undefined });
  const { t } = useTranslation();
  const redirectTo = searchParams.get("redirectTo");
  return (
    <div className="narrow">
      <h1>{t("auth:login.title")}</h1>
      {passwordChangedFor ? <Notice tone="success">{t("auth:login.passwordChanged")}</Notice> : null}
      <p>
        {/* Sent here from a staff page: the resident wording ("to submit ideas") would be the wrong story. */}
        <Trans i18nKey={STAFF_PAGES.test(redirectTo ?? "") ? "auth:login.introStaff" : "auth:login.intro"} components={{ a: <Link to="/vote" /> }} />
      </p>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.email} label={t("auth:login.email")} type="email" autoComplete="email" />
        <TextField meta={fields.password} label={t("auth:login.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="button">{t("auth:login.submit")}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth:login.forgot")}</Link>
      </p>
      <p>
        <Trans i18nKey="auth:login.newHere" components={{ a: <Link to={`/signup${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} /> }} />
      </p>
    </div>
  );
}
