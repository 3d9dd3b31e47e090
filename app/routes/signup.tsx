import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { createUserSession } from "~/auth.server";
import { FormErrors, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { createResident, emailTaken } from "~/db/users.server";
import { safeRedirect, signupInput } from "~/domain/accounts/schema";
import { clientAddress, LIMITS, takeAttempt } from "~/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Create an account · Civic Budget" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const limited = await takeAttempt([LIMITS.signupPerIp, clientAddress(context)]);
  if (limited) return formReply(parseWithZod(formData, { schema: signupInput }), { formErrors: [limited], hideFields: ["password"] }, 429);
  const submission = await parseWithZod(formData, {
    schema: signupInput.superRefine(async (data, ctx) => {
      if (await emailTaken(data.email)) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "An account with this email already exists. Sign in instead." });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission, { hideFields: ["password"] });
  const user = await createResident(submission.value);
  const cookie = await createUserSession(request, user.id);
  const to = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export default function Signup() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur" });
  return (
    <div className="narrow">
      <h1>Create a resident account</h1>
      <p>With an account you can submit ideas and support other people's ideas. We only use your email to sign you in and to tell you what happened to your ideas.</p>
      <Form method="post" {...getFormProps(form)} action={`/signup${searchParams.size ? `?${searchParams}` : ""}`}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label="Your name" autoComplete="name" />
        <TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
        <TextField meta={fields.password} label="Password" type="password" autoComplete="new-password" hint="At least 10 characters." />
        <button type="submit" className="button">Create account</button>
      </Form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </div>
  );
}
