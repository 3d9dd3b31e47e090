import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FollowButton } from "~/components/follow";
import { isFollowing } from "~/db/follows.server";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FormErrors, Notice, SelectField, TextareaField, TextField } from "~/components/forms";
import { Progress } from "~/components/progress";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { getProject, postProjectUpdate } from "~/db/projects.server";
import { projectPermissions, PROJECT_STATUSES, PROJECT_STATUS_KEYS } from "~/domain/implementation/permissions";
import { projectUpdateInput } from "~/domain/implementation/schema";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "projects:detail.metaTitle", { title: data.project.title }) : pageTitle(matches, "projects:detail.metaTitleNone");

async function loadProject(request: Request, id: string | undefined) {
  const actor = await getActor(request);
  const project = id ? await getProject(id) : null;
  if (!project || !cyclePermissions.view(actor, project.cycle)) throw new Response(message("projects:errors.notFound"), { status: 404 });
  return { actor, project };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project } = await loadProject(request, params.id);
  return {
    following: await isFollowing(actor?.id, { type: "project", id: project.id }),
    signedIn: !!actor,
    project: {
      id: project.id,
      title: project.title,
      cycle: { name: project.cycle.name, slug: project.cycle.slug },
      district: project.district.name,
      agency: project.agency?.name ?? null,
      budgetCents: project.budgetCents,
      currency: project.cycle.currency,
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
  authorize(request, actor, projectPermissions.postUpdate(actor, project), message("projects:errors.onlyAgencyStaff"));
  const submission = parseWithZod(formData, { schema: projectUpdateInput });
  if (submission.status !== "success") return formReply(submission);
  await postProjectUpdate(project.id, submission.value, actor!);
  return redirect(`/projects/${project.id}?posted=1`);
}

export default function ProjectPage() {
  const { project, canPost, today, following, signedIn } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { status: project.status, percentComplete: String(project.percentComplete), postedOn: today, note: "" },
    shouldRevalidate: "onBlur",
  });
  return (
    <article>
      <p><Link to="/projects">{t("projects:detail.back")}</Link></p>
      {searchParams.get("posted") ? <Notice tone="success">{t("projects:detail.posted")}</Notice> : null}
      <h1>{project.title}</h1>
      <p className="meta">
        {project.cycle.name} · {project.district} · {t("projects:detail.budget", { budget: f.money(project.budgetCents, project.currency) })}
        {project.agency ? ` · ${project.agency}` : ""}
      </p>
      <FollowButton target={{ type: "project", id: project.id }} following={following} signedIn={signedIn} />
      <p><span className={`status status-${project.status}`}>{t(PROJECT_STATUS_KEYS[project.status])}</span></p>
      <Progress percent={project.percentComplete} label={t("projects:detail.progressLabel")} />
      <p className="prose">{project.proposal.description}</p>
      <p><Link to={`/proposals/${project.proposal.id}`}>{t("projects:detail.proposalLink", { number: project.proposal.number })}</Link></p>
      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("projects:detail.updates")}</h2>
        {project.updates.length === 0 ? <p>{t("projects:detail.noUpdates")}</p> : null}
        <ol className="item-list">
          {project.updates.map((u) => (
            <li key={u.id} className="item">
              <p className="meta"><time dateTime={u.postedOn}>{f.date(u.postedOn)}</time> · {t(PROJECT_STATUS_KEYS[u.status])} · {f.percent(u.percentComplete / 100)}</p>
              <p className="prose">{u.note}</p>
            </li>
          ))}
        </ol>
      </section>
      {canPost ? (
        <section className="card" aria-labelledby="post">
          <h2 id="post">{t("projects:detail.postTitle")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <AuthenticityTokenInput />
            <FormErrors id={form.errorId} errors={form.errors} />
            <SelectField meta={fields.status} label={t("projects:detail.status")} options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(PROJECT_STATUS_KEYS[s]) }))} />
            <TextField meta={fields.percentComplete} label={t("projects:detail.percentComplete")} type="number" />
            <TextField meta={fields.postedOn} label={t("projects:detail.date")} type="date" />
            <TextareaField meta={fields.note} label={t("projects:detail.note")} hint={t("projects:detail.noteHint")} rows={4} />
            <button type="submit" className="button">{t("projects:detail.submit")}</button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
