import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FormErrors, Notice, SelectField, TextareaField, TextField } from "~/components/forms";
import { Progress } from "~/components/progress";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { getProject, postProjectUpdate } from "~/db/projects.server";
import { projectPermissions, PROJECT_STATUSES, PROJECT_STATUS_LABELS } from "~/domain/implementation/permissions";
import { projectUpdateInput } from "~/domain/implementation/schema";
import { formatMoney } from "~/domain/money";
import { cyclePermissions } from "~/domain/cycles/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.project.title} · Civic Budget` : "Project · Civic Budget" }];

async function loadProject(request: Request, id: string | undefined) {
  const actor = await getActor(request);
  const project = id ? await getProject(id) : null;
  if (!project || !cyclePermissions.view(actor, project.cycle)) throw new Response("We could not find that project.", { status: 404 });
  return { actor, project };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project } = await loadProject(request, params.id);
  return {
    project: {
      id: project.id,
      title: project.title,
      cycle: { name: project.cycle.name, slug: project.cycle.slug },
      district: project.district.name,
      agency: project.agency?.name ?? null,
      budget: formatMoney(project.budgetCents, project.cycle.currency),
      status: project.status as (typeof PROJECT_STATUSES)[number],
      percentComplete: project.percentComplete,
      proposal: project.proposal,
      updates: project.updates.map((u) => ({ id: u.id, status: u.status as (typeof PROJECT_STATUSES)[number], percentComplete: u.percentComplete, note: u.note, postedOn: u.postedOn })),
    },
    canPost: projectPermissions.postUpdate(actor, project),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, project } = await loadProject(request, params.id);
  const formData = await readForm(request);
  authorize(request, actor, projectPermissions.postUpdate(actor, project), "Only staff of the responsible agency or the PB office can post project updates.");
  const submission = parseWithZod(formData, { schema: projectUpdateInput });
  if (submission.status !== "success") return formReply(submission);
  await postProjectUpdate(project.id, submission.value, actor!);
  return redirect(`/projects/${project.id}?posted=1`);
}

export default function ProjectPage() {
  const { project, canPost, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { status: project.status, percentComplete: String(project.percentComplete), postedOn: today, note: "" },
    shouldRevalidate: "onBlur",
  });
  return (
    <article>
      <p><Link to="/projects">← All projects</Link></p>
      {searchParams.get("posted") ? <Notice tone="success">Update posted. It is now on the public timeline.</Notice> : null}
      <h1>{project.title}</h1>
      <p className="meta">
        {project.cycle.name} · {project.district} · budget {project.budget}{project.agency ? ` · ${project.agency}` : ""}
      </p>
      <p><span className={`status status-${project.status}`}>{PROJECT_STATUS_LABELS[project.status]}</span></p>
      <Progress percent={project.percentComplete} label="Progress of this project" />
      <p className="prose">{project.proposal.description}</p>
      <p><Link to={`/proposals/${project.proposal.id}`}>The proposal residents voted for (#{project.proposal.number})</Link></p>
      <section aria-labelledby="timeline">
        <h2 id="timeline">Updates</h2>
        {project.updates.length === 0 ? <p>No updates yet.</p> : null}
        <ol className="item-list">
          {project.updates.map((u) => (
            <li key={u.id} className="item">
              <p className="meta"><time dateTime={u.postedOn}>{u.postedOn}</time> · {PROJECT_STATUS_LABELS[u.status]} · {u.percentComplete}%</p>
              <p className="prose">{u.note}</p>
            </li>
          ))}
        </ol>
      </section>
      {canPost ? (
        <section className="card" aria-labelledby="post">
          <h2 id="post">Post an update</h2>
          <Form method="post" {...getFormProps(form)}>
            <AuthenticityTokenInput />
            <FormErrors id={form.errorId} errors={form.errors} />
            <SelectField meta={fields.status} label="Status" options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))} />
            <TextField meta={fields.percentComplete} label="Percent complete" type="number" />
            <TextField meta={fields.postedOn} label="Date" type="date" />
            <TextareaField meta={fields.note} label="What happened" hint="Written for residents: what was done, what comes next." rows={4} />
            <button type="submit" className="button">Post update</button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
