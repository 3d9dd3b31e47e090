import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirectWithDone } from "~/flash.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { SelectField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { assignToAgency } from "~/db/costing.server";
import { listAgencies } from "~/db/cycles.server";
import { costingPermissions } from "~/domain/costing/permissions";
import { sendForCostingInput } from "~/domain/proposals/schema";
import { loadProposal } from "~/guards.server";
import { formReply } from "~/http.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "costing:assign.metaTitle");

async function loadForAssignment(request: Request, id: string | undefined) {
  const loaded = await loadProposal(request, id);
  authorize(request, loaded.actor, costingPermissions.assign(loaded.actor, { phase: loaded.phase }, loaded.proposal), message("costing:errors.assignForbidden"));
  return { ...loaded, actor: loaded.actor! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await loadForAssignment(request, params.id);
  const agencies = await listAgencies();
  return {
    proposal: { id: proposal.id, number: proposal.number, title: proposal.title, agency: proposal.agency?.name ?? null, agencyId: proposal.agencyId },
    agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal } = await loadForAssignment(request, params.id);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: sendForCostingInput });
  if (submission.status !== "success") return formReply(submission);
  const agencies = await listAgencies();
  if (!agencies.some((a) => a.id === submission.value.agencyId)) {
    return formReply(submission, { fieldErrors: { agencyId: [message("proposals:errors.agencyNotListed")] } });
  }
  // Nothing to move: said so, rather than "assigned" for a change that did not happen.
  if (submission.value.agencyId === proposal.agencyId) {
    return formReply(submission, { fieldErrors: { agencyId: [message("costing:assign.sameAgency", { agency: agencies.find((a) => a.id === proposal.agencyId)!.name })] } });
  }
  await assignToAgency(proposal.id, submission.value.agencyId, actor);
  const to = agencies.find((a) => a.id === submission.value.agencyId)!.name;
  return redirectWithDone(request, "/costing", { assigned: String(proposal.number), title: proposal.title, to });
}

export default function AssignPage() {
  const { proposal, agencies } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, defaultValue: { agencyId: proposal.agencyId ?? "" } });
  const { t } = useTranslation();
  return (
    <>
      <p><Link to="/costing">{t("costing:form.back")}</Link></p>
      <h1>{t("costing:assign.title", { number: proposal.number, title: proposal.title })}</h1>
      <p>{proposal.agency ? t("costing:assign.current", { agency: proposal.agency }) : t("costing:assign.none")}</p>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <SelectField meta={fields.agencyId} label={t("costing:assign.agency")} options={agencies} />
        <button type="submit" className="button">{t("costing:assign.submit")}</button>
      </Form>
    </>
  );
}
