import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { FormErrors, Notice, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { findVoterCode } from "~/db/ballots.server";
import { cyclesInVoting } from "~/db/cycles.server";
import { CODE_REFUSAL_MESSAGES, voterCodeRefusal } from "~/domain/ballots/permissions";
import { voterCodeInput } from "~/domain/ballots/schema";
import { normaliseVoterCode } from "~/domain/ballots/voter-codes";
import { startVoting } from "~/voter-session.server";
import { alreadyLimited, clientAddress, LIMITS, recordFailure } from "~/rate-limit.server";

export { noStore as headers } from "~/voter-session.server";

export const meta: MetaFunction = () => [{ title: "Vote · Civic Budget" }];

export async function loader(_: LoaderFunctionArgs) {
  return { voting: await cyclesInVoting() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  // Only wrong codes count: a busy polling station on one address is not slowed down.
  const ip = clientAddress(context);
  const limited = await alreadyLimited([LIMITS.voterCodePerIp, ip]);
  if (limited) return formReply(parseWithZod(formData, { schema: voterCodeInput }), { formErrors: [limited] }, 429);
  const submission = await parseWithZod(formData, {
    schema: voterCodeInput.transform(async (data, ctx) => {
      const code = normaliseVoterCode(data.code);
      const found = code ? await findVoterCode(code) : null;
      const refusal = voterCodeRefusal(
        found ? { voidedAt: found.voidedAt, used: !!found.participation, cyclePhase: found.cycle.phase } : null,
      );
      if (refusal) {
        ctx.addIssue({ code: "custom", path: ["code"], message: CODE_REFUSAL_MESSAGES[refusal] });
        return z.NEVER;
      }
      return found!;
    }),
    async: true,
  });
  if (submission.status !== "success") {
    await recordFailure([LIMITS.voterCodePerIp, ip]);
    return formReply(submission);
  }
  return redirect("/vote/ballot", { headers: { "Set-Cookie": await startVoting(request, submission.value.id) } });
}

export default function Vote() {
  const { voting } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ lastResult });
  const notice = searchParams.get("notice");
  return (
    <div className="narrow">
      <h1>Vote</h1>
      {notice === "already-voted" ? <Notice tone="error">This voter code has already been used to vote. Each code votes once; your first ballot is the one that counts.</Notice> : null}
      {notice === "start" ? <Notice>Please enter your voter code to start.</Notice> : null}
      {notice === "closed" ? (
        <Notice tone="error">Your ballot was not recorded: voting closed, or this code was cancelled, before you confirmed. Contact the PB office if you think this is wrong.</Notice>
      ) : null}
      {voting.length ? (
        <p>
          Voting is open: {voting.map((v) => `${v.name}${v.closes ? ` (closes ${v.closes})` : ""}`).join("; ")}. Enter the voter code from your letter or from the PB
          office. Your ballot is secret: it is stored without your code or your name.
        </p>
      ) : (
        <p>No vote is open right now.</p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.code} label="Voter code" hint="12 letters and digits, like ACDE-FGHJ-KMNP. Dashes and spaces are optional." autoComplete="off" />
        <button type="submit" className="button">Continue to my ballot</button>
      </Form>
    </div>
  );
}
