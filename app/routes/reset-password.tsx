import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FormErrors, Notice, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { resetLinkWorks, resetPassword } from "~/db/users.server";
import { resetPasswordInput } from "~/domain/accounts/schema";
import { redirectWithDone } from "~/flash.server";
import { formReply } from "~/http.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:reset.metaTitle");

const tokenOnly = resetPasswordInput.pick({ token: true });

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = tokenOnly.safeParse({ token: new URL(request.url).searchParams.get("token") ?? undefined });
  // A used, expired or mistyped link says so up front, instead of after a new password is typed.
  if (!parsed.success || !(await resetLinkWorks(parsed.data.token))) return { token: null };
  return { token: parsed.data.token };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: resetPasswordInput });
  if (submission.status !== "success") return formReply(submission, { hideFields: ["password"] });
  const email = await resetPassword(submission.value.token, submission.value.password);
  if (!email) return formReply(submission, { formErrors: [message("auth:errors.resetLinkUsed")], hideFields: ["password"] }, 410);
  return redirectWithDone(request, `/login`, { passwordChangedFor: email });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur" });
  const { t } = useTranslation();
  if (!token) {
    return (
      <div className="narrow">
        <h1>{t("auth:reset.title")}</h1>
        <Notice tone="error">
          <p>{t("auth:reset.linkDead")}</p>
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
