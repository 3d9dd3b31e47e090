import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
import { useFormat } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";

export { noStore as headers } from "~/voter-session.server";

/** Voting pages are plain HTML, no framework download (they work without JavaScript). */
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "vote:start.metaTitle");

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
  const { t } = useTranslation();
  const f = useFormat();
  const notice = searchParams.get("notice");
  const open = voting.map((v) => (v.closes ? t("vote:start.cycleCloses", { name: v.name, date: f.date(v.closes) }) : v.name)).join("; ");
  return (
    <div className="narrow">
      <h1>{t("vote:start.title")}</h1>
      {notice === "already-voted" ? <Notice tone="error">{t("vote:start.notice.alreadyVoted")}</Notice> : null}
      {notice === "start" ? <Notice>{t("vote:start.notice.start")}</Notice> : null}
      {notice === "closed" ? <Notice tone="error">{t("vote:start.notice.closed")}</Notice> : null}
      {voting.length ? <p>{t("vote:start.open", { cycles: open })}</p> : <p>{t("vote:start.noneOpen")}</p>}
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.code} label={t("vote:start.codeLabel")} hint={t("vote:start.codeHint")} autoComplete="off" />
        <button type="submit" className="button">{t("vote:start.submit")}</button>
      </Form>
    </div>
  );
}
