import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirectWithDone } from "~/flash.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { FormErrors, TextareaField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { handBackProposal } from "~/db/costing.server";
import { handBackInput } from "~/domain/costing/estimate";
import { costingPermissions } from "~/domain/costing/permissions";
import { loadProposal } from "~/guards.server";
import { formReply } from "~/http.server";
import { localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "costing:handBack.metaTitle");

async function loadForHandBack(request: Request, id: string | undefined) {
  const loaded = await loadProposal(request, id);
  authorize(request, loaded.actor, costingPermissions.handBack(loaded.actor, { phase: loaded.phase }, loaded.proposal), message("costing:handBack.refused"));
  return { ...loaded, actor: loaded.actor! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await loadForHandBack(request, params.id);
  return { proposal: { id: proposal.id, number: proposal.number, title: proposal.title, agency: proposal.agency?.name ?? "" } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal } = await loadForHandBack(request, params.id);
  const submission = parseWithZod(await readForm(request), { schema: handBackInput });
  if (submission.status !== "success") return formReply(submission);
  const handed = await handBackProposal(proposal.id, submission.value.reason, actor, await localeOf(request));
  // Moved or handed back meanwhile (another tab, the lead): said so, with the reason kept.
  if (!handed) return formReply(submission, { formErrors: [message("costing:handBack.errors.moved")] }, 409);
  return redirectWithDone(request, "/costing", { handedBack: String(proposal.number), title: proposal.title });
}

export default function HandBackPage() {
  const { proposal } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur" });
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <p><Link to={`/costing/${proposal.id}`}>{t("costing:handBack.back")}</Link></p>
      <h1>{t("costing:handBack.title", { number: proposal.number, title: proposal.title })}</h1>
      <p>{t("costing:handBack.intro", { agency: proposal.agency })}</p>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField meta={fields.reason} label={t("costing:handBack.reason")} hint={t("costing:handBack.reasonHint")} rows={4} />
        <button type="submit" className="button">{t("costing:handBack.submit")}</button>
      </Form>
    </div>
  );
}
