import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize } from "~/auth.server";
import { FormErrors, TextareaField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { reviseProposal } from "~/db/proposals.server";
import { proposalPermissions } from "~/domain/proposals/permissions";
import { editProposalInput } from "~/domain/proposals/schema";
import { loadProposal } from "~/guards.server";

export const meta: MetaFunction = () => [{ title: "Edit proposal · Civic Budget" }];

async function guard(request: Request, id: string | undefined) {
  const loaded = await loadProposal(request, id);
  authorize(
    request,
    loaded.actor,
    proposalPermissions.edit(loaded.actor, { phase: loaded.phase }, loaded.proposal),
    "Only budget delegates can edit a proposal, and only while it is a draft or after a “not feasible” verdict.",
  );
  return loaded;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await guard(request, params.id);
  return { proposal: { id: proposal.id, number: proposal.number, title: proposal.title, description: proposal.description, status: proposal.status } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, proposal } = await guard(request, params.id);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: editProposalInput });
  if (submission.status !== "success") return formReply(submission);
  const number = await reviseProposal(proposal.id, submission.value, actor!);
  return redirect(`/proposals/${proposal.id}?revised=${number}`);
}

export default function EditProposal() {
  const { proposal } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { title: proposal.title, description: proposal.description, note: "" },
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <h1>Edit proposal #{proposal.number}</h1>
      <p>Saving creates a new revision; earlier versions stay readable.{proposal.status === "not_feasible" ? " After this edit the proposal goes back to draft, so you can send it for costing again." : ""}</p>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.title} label="Title" />
        <TextareaField meta={fields.description} label="Description" rows={8} />
        <TextField meta={fields.note} label="What changed? (optional)" hint="E.g. “Moved the benches to the shady side after residents' comments.”" />
        <button type="submit" className="button">Save revision</button> <Link to={`/proposals/${proposal.id}`}>Cancel</Link>
      </Form>
    </div>
  );
}
