import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { FollowButton } from "~/components/follow";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";
import { projectsInLocale, translationsInto } from "~/db/translations.server";
import { translationPermissions } from "~/domain/translations/permissions";
import { localeOf } from "~/i18n/i18n.server";
import { FieldErrors, FormErrors, HiddenContext, Notice, SelectField, TextareaField, TextField } from "~/components/forms";
import { Progress } from "~/components/progress";
import { OfficeText, TranslatedDescription } from "~/components/translated";
import { readForm } from "~/csrf.server";
import { isFollowing } from "~/db/follows.server";
import { addMilestone, addSpend, completeMilestone, dropMilestone, editMilestone, getProject, postProjectUpdate, takeDownUpdate, withdrawSpend } from "~/db/projects.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { todayIso } from "~/domain/fields";
import { projectPermissions, PROJECT_STATUSES, PROJECT_STATUS_KEYS } from "~/domain/implementation/permissions";
import { daysLate, milestoneState, spendSummary, statusChangeWithout, type MilestoneState } from "~/domain/implementation/progress";
import {
  milestoneDoneInput,
  milestoneDropInput,
  milestoneEditInput,
  milestoneInput,
  photoAltInput,
  projectUpdateInput,
  spendInput,
  spendWithdrawInput,
  updateTakeDownInput,
} from "~/domain/implementation/schema";
import { MAX_PHOTO_BYTES, type PhotoProblem } from "~/domain/implementation/upload";
import { formReply } from "~/http.server";
import { useFormat, useWrittenIn } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { removePhoto, storePhoto } from "~/uploads.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "projects:detail.metaTitle", { title: data.project.title }) : pageTitle(matches, "projects:detail.metaTitleNone");

async function loadProject(request: Request, id: string | undefined) {
  const actor = await getActor(request);
  const project = id ? await getProject(id) : null;
  if (!project || !cyclePermissions.view(actor, project.cycle) || !projectPermissions.view(actor)) {
    throw new Response(message("projects:errors.notFound"), { status: 404 });
  }
  return { actor, project };
}

type Status = (typeof PROJECT_STATUSES)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project } = await loadProject(request, params.id);
  const today = todayIso();
  const spend = spendSummary(project.budgetCents, project.spends);
  // Updates in the reader's language where staff translated them.
  const locale = await localeOf(request);
  const [translated, milestoneTitles] = await Promise.all([
    translationsInto("update", project.updates.map((u) => u.id), locale),
    translationsInto("milestone", project.milestones.map((m) => m.id), locale),
  ]);
  // Title, description, cycle and district as the reader reads them (the proposal's translation).
  const named = (await projectsInLocale([project], locale)).get(project.id)!;
  return {
    canTranslate: translationPermissions.translate(actor, "update", project),
    canTranslateMilestones: translationPermissions.translate(actor, "milestone", project),
    following: await isFollowing(actor?.id, { type: "project", id: project.id }),
    signedIn: !!actor,
    project: {
      id: project.id,
      title: named.title,
      // Shown with the original one click away (the proposal's text, as voted on).
      original: { title: project.title, description: project.proposal.description, writtenIn: project.proposal.writtenIn },
      // The proposal's language, while the project bears its title (staff may rename it, in any language).
      writtenIn: named.writtenIn,
      translation: named.translation,
      cycle: { ...named.cycle, slug: project.cycle.slug },
      district: named.district,
      agency: named.agency,
      budgetCents: project.budgetCents,
      currency: project.cycle.currency,
      status: project.status as Status,
      percentComplete: project.percentComplete,
      proposal: { id: project.proposal.id, number: project.proposal.number },
      // A taken-down update keeps its place and date; its note is not sent at all.
      updates: project.updates.map((u) => ({
        id: u.id,
        status: u.status as Status,
        percentComplete: u.percentComplete,
        note: u.hiddenAt ? "" : translated.get(u.id)?.description ?? u.note,
        translated: !u.hiddenAt && translated.has(u.id),
        writtenIn: translated.has(u.id) ? null : u.writtenIn,
        postedOn: u.postedOn,
        photo: u.photo,
        photoAlt: u.photoAlt,
        takenDown: u.hiddenAt ? { on: u.hiddenAt.toISOString().slice(0, 10), reason: u.hiddenReason ?? "" } : null,
        photoTakenDown: u.photoRemovedAt ? { on: u.photoRemovedAt.toISOString().slice(0, 10), reason: u.photoRemovedReason ?? "" } : null,
        // What the project would show instead once this update is taken down (staff are told before, not after).
        statusWithout: u.hiddenAt ? null : statusChangeWithout(project, project.updates, u.id),
      })),
      milestones: project.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        writtenIn: m.writtenIn,
        // Shown in the reader's language where staff translated it; the form to change it keeps the original.
        translatedTitle: milestoneTitles.get(m.id)?.title ?? null,
        plannedOn: m.plannedOn,
        actualOn: m.actualOn,
        state: milestoneState(m, today, project),
        daysLate: daysLate(m, today, project),
        dropped: m.droppedAt ? { on: m.droppedAt.toISOString().slice(0, 10), reason: m.droppedReason ?? "" } : null,
      })),
      spends: project.spends.map((s) => ({
        id: s.id,
        spentOn: s.spentOn,
        amountCents: s.amountCents,
        description: s.description,
        writtenIn: s.writtenIn,
        reference: s.reference,
        withdrawnOn: s.withdrawnAt ? s.withdrawnAt.toISOString().slice(0, 10) : null,
        withdrawnReason: s.withdrawnReason,
      })),
      spend,
    },
    canPost: projectPermissions.postUpdate(actor, project),
    canManageMilestones: projectPermissions.manageMilestones(actor, project),
    canRecordSpend: projectPermissions.recordSpend(actor, project),
    canTakeDown: projectPermissions.takeDownUpdate(actor, project),
    today,
  };
}

const intentInput = z.object({
  intent: z.enum(["update", "milestone-add", "milestone-edit", "milestone-done", "milestone-drop", "spend-add", "spend-withdraw", "update-take-down"]).catch("update"),
});

const PHOTO_PROBLEMS = {
  tooLarge: message("projects:errors.photoTooLarge", { max: MAX_PHOTO_BYTES / 1024 / 1024 }),
  notImage: "projects:errors.photoType",
  empty: "projects:errors.photoEmpty",
} as const satisfies Record<PhotoProblem, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, project } = await loadProject(request, params.id);
  // Before the body is read: a photo post of up to 12 MB from someone who may change nothing here is not buffered.
  const mayChangeSomething = projectPermissions.postUpdate(actor, project) || projectPermissions.manageMilestones(actor, project) || projectPermissions.recordSpend(actor, project);
  authorize(request, actor, mayChangeSomething, message("projects:errors.onlyAgencyStaffChange"));
  const formData = await readForm(request);
  const { intent } = intentInput.parse(Object.fromEntries(formData));
  const back = (done: string) => redirect(`/projects/${project.id}?${done}=1`);
  const today = todayIso();

  if (intent === "milestone-add" || intent === "milestone-edit" || intent === "milestone-done" || intent === "milestone-drop") {
    authorize(request, actor, projectPermissions.manageMilestones(actor, project), message("projects:errors.onlyAgencyStaffMilestones"));
    if (intent === "milestone-add") {
      const submission = parseWithZod(formData, { schema: milestoneInput(today) });
      if (submission.status !== "success") return formReply(submission);
      await addMilestone(project.id, submission.value, actor!, await localeOf(request));
      return back("milestone");
    }
    if (intent === "milestone-drop") {
      const submission = parseWithZod(formData, { schema: milestoneDropInput });
      if (submission.status !== "success") return formReply(submission);
      if (!(await dropMilestone(project.id, submission.value.milestoneId, submission.value.reason, actor!))) throw new Response(message("projects:errors.milestoneNotDroppable"), { status: 404 });
      return back("dropped");
    }
    if (intent === "milestone-edit") {
      const submission = parseWithZod(formData, { schema: milestoneEditInput(today) });
      if (submission.status !== "success") return formReply(submission);
      if (!(await editMilestone(project.id, submission.value, actor!, await localeOf(request)))) throw new Response(message("projects:errors.milestoneNotFound"), { status: 404 });
      return back("milestone");
    }
    const submission = parseWithZod(formData, { schema: milestoneDoneInput(today) });
    if (submission.status !== "success") return formReply(submission);
    if (!(await completeMilestone(project.id, submission.value, actor!))) throw new Response(message("projects:errors.milestoneNotFound"), { status: 404 });
    return back("milestone");
  }

  if (intent === "update-take-down") {
    authorize(request, actor, projectPermissions.takeDownUpdate(actor, project), message("projects:errors.onlyAgencyStaff"));
    const submission = parseWithZod(formData, { schema: updateTakeDownInput });
    if (submission.status !== "success") return formReply(submission);
    const { updateId, reason, what } = submission.value;
    const taken = await takeDownUpdate(project.id, updateId, reason, actor!, what);
    if (!taken.ok) throw new Response(taken.reason, { status: 404 });
    return back(what === "photo" ? "photoTakenDown" : "takenDown");
  }

  if (intent === "spend-add" || intent === "spend-withdraw") {
    authorize(request, actor, projectPermissions.recordSpend(actor, project), message("projects:errors.onlyAgencyStaffSpend"));
    if (intent === "spend-withdraw") {
      const submission = parseWithZod(formData, { schema: spendWithdrawInput });
      if (submission.status !== "success") return formReply(submission);
      const withdrawn = await withdrawSpend(project.id, submission.value.spendId, submission.value.reason, actor!);
      if (!withdrawn.ok) throw new Response(withdrawn.reason, { status: 404 });
      return back("withdrawn");
    }
    const submission = parseWithZod(formData, { schema: spendInput(today, project.budgetCents) });
    if (submission.status !== "success") return formReply(submission);
    await addSpend(project.id, submission.value, actor!, await localeOf(request));
    return back("spent");
  }

  authorize(request, actor, projectPermissions.postUpdate(actor, project), message("projects:errors.onlyAgencyStaff"));
  // A browser can never send a chosen file back: it is left out of the reply.
  const reply = { hideFields: ["photo"] };
  const submission = parseWithZod(formData, { schema: projectUpdateInput(today) });
  const file = formData.get("photo");
  const hasPhoto = file instanceof File && (file.size > 0 || file.name !== "");
  const alt = hasPhoto ? photoAltInput.safeParse(formData.get("photoAlt") ?? undefined) : null;
  const altErrors = alt && !alt.success ? { photoAlt: alt.error.issues.map((i) => i.message) } : undefined;
  if (submission.status !== "success") return formReply(submission, { ...reply, fieldErrors: { ...submission.error, ...altErrors } as Record<string, string[]> });
  if (altErrors) return formReply(submission, { ...reply, fieldErrors: altErrors });
  let photo: string | undefined;
  if (hasPhoto) {
    const stored = await storePhoto(file);
    if ("problem" in stored) return formReply(submission, { ...reply, fieldErrors: { photo: [PHOTO_PROBLEMS[stored.problem]] } });
    photo = stored.name;
  }
  try {
    await postProjectUpdate(project.id, { ...submission.value, ...(photo ? { photo, photoAlt: alt!.data! } : {}) }, actor!, await localeOf(request));
  } catch (error) {
    if (photo) await removePhoto(photo);
    throw error;
  }
  return back("posted");
}

type Reply = SubmissionResult<string[]> & { initialValue?: Record<string, unknown> };

function answeredIntent(lastResult: unknown) {
  const initial = (lastResult as Reply | undefined)?.initialValue;
  return { intent: typeof initial?.intent === "string" ? initial.intent : "update", milestoneId: initial?.milestoneId, spendId: initial?.spendId, updateId: initial?.updateId };
}

const MILESTONE_STATE_KEYS = {
  done: "projects:milestones.state.done",
  late: "projects:milestones.state.late",
  upcoming: "projects:milestones.state.upcoming",
  dropped: "projects:milestones.state.dropped",
  unreached: "projects:milestones.state.unreached",
} as const satisfies Record<MilestoneState, string>;

export default function ProjectPage() {
  const { project, canPost, canManageMilestones, canRecordSpend, canTakeDown, today, following, signedIn, canTranslate, canTranslateMilestones } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const answered = answeredIntent(lastResult);
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  // Named (and keyed) by how many updates there are, like the milestone and spending forms below:
  // once an update is posted the form starts again from the project as it now is, so a second
  // press does not post the same note twice.
  // No default for the photo: conform cannot give a file input a value (it throws when the form starts again).
  const [form, fields] = useForm<{ status: string; percentComplete: string; postedOn: string; note: string; photo: File; photoAlt: string }>({
    id: `update-${project.updates.length}`,
    lastResult: answered.intent === "update" ? lastResult : undefined,
    defaultValue: { status: project.status, percentComplete: String(project.percentComplete), postedOn: today, note: "", photoAlt: "" },
    shouldRevalidate: "onBlur",
  });
  // The note typed is kept in the tab until posted (a photo is not: files are never kept).
  const updateFormRef = useRef<HTMLFormElement>(null);
  const updateDraft = useKeptDraft(updateFormRef, `project-update:${project.id}`, { formKey: project.updates.length });
  // The forms that add a milestone or a spending entry are named (and keyed) by how many there
  // are: once one is saved the form starts empty, without the last try's errors, so nothing is
  // entered twice by accident; a refused try keeps what was typed.
  const [milestoneForm, milestoneFields] = useForm({
    id: `milestone-add-${project.milestones.length}`,
    lastResult: answered.intent === "milestone-add" ? lastResult : undefined,
    shouldRevalidate: "onBlur",
  });
  const [spendForm, spendFields] = useForm({
    id: `spend-add-${project.spends.length}`,
    lastResult: answered.intent === "spend-add" ? lastResult : undefined,
    defaultValue: { spentOn: today, amount: "", description: "", reference: "" },
    shouldRevalidate: "onBlur",
  });

  // One public timeline, newest first: updates and milestones (a milestone at its actual date once done, else its planned date).
  const timeline = [
    ...project.updates.map((u) => ({ kind: "update" as const, date: u.postedOn, update: u })),
    ...project.milestones.map((m) => ({ kind: "milestone" as const, date: m.actualOn ?? m.plannedOn, milestone: m })),
  ].sort((a, b) => (a.date === b.date ? (a.kind === "milestone" ? -1 : 1) : a.date < b.date ? 1 : -1));
  const { spend } = project;
  const late = project.milestones.filter((m) => m.state === "late").length;

  return (
    <article>
      <p><Link to="/projects">{t("projects:detail.back")}</Link></p>
      {searchParams.get("posted") ? <Notice tone="success">{t("projects:detail.posted")}</Notice> : null}
      {searchParams.get("milestone") ? <Notice tone="success">{t("projects:milestones.saved")}</Notice> : null}
      {searchParams.get("spent") ? <Notice tone="success">{t("projects:spend.saved")}</Notice> : null}
      {searchParams.get("withdrawn") ? <Notice tone="success">{t("projects:spend.withdrawnNotice")}</Notice> : null}
      {searchParams.get("takenDown") ? <Notice tone="success">{t("projects:takeDown.notice")}</Notice> : null}
      {searchParams.get("photoTakenDown") ? <Notice tone="success">{t("projects:takeDown.photoNotice")}</Notice> : null}
      {searchParams.get("dropped") ? <Notice tone="success">{t("projects:milestones.droppedNotice")}</Notice> : null}
      <h1 lang={writtenIn(project.writtenIn)}>{project.title}</h1>
      <p className="meta">
        <OfficeText name={project.cycle} /> · <OfficeText name={project.district} /> · {t("projects:detail.budget", { budget: f.money(project.budgetCents, project.currency) })}
        {project.agency ? <> · <OfficeText name={project.agency} /></> : null}
      </p>
      <FollowButton target={{ type: "project", id: project.id }} following={following} signedIn={signedIn} />
      <p>
        <span className={`status status-${project.status}`} data-testid="project-status">{t(PROJECT_STATUS_KEYS[project.status])}</span>
        {late > 0 ? <> {t("projects:milestones.lateCount", { count: late })}</> : null}
      </p>
      <Progress percent={project.percentComplete} label={t("projects:detail.progressLabel")} />
      <TranslatedDescription original={project.original} translation={project.translation} translateHref={null} />
      <p><Link to={`/proposals/${project.proposal.id}`}>{t("projects:detail.proposalLink", { number: project.proposal.number })}</Link></p>

      <section aria-labelledby="money">
        <h2 id="money">{t("projects:spend.title")}</h2>
        <p>
          {t("projects:spend.summary", {
            spent: f.money(spend.spentCents, project.currency),
            budget: f.money(project.budgetCents, project.currency),
          })}{" "}
          {spend.overBudget ? (
            <strong className="error">{t("projects:spend.over", { amount: f.money(spend.overByCents, project.currency) })}</strong>
          ) : (
            // Money a cancelled project did not spend is not "remaining" to it.
            t(project.status === "cancelled" ? "projects:spend.unspentCancelled" : "projects:spend.remaining", { amount: f.money(spend.remainingCents, project.currency) })
          )}
        </p>
        <Progress
          percent={Number.isFinite(spend.share) ? spend.share * 100 : 100}
          label={t("projects:spend.barLabel")}
          text={Number.isFinite(spend.share) ? f.percent(spend.share) : undefined}
          tone={spend.overBudget ? "over" : undefined}
        />
        {project.spends.length === 0 ? <p>{t("projects:spend.none")}</p> : (
          // On a phone each entry becomes a block of labelled lines: four columns do not fit 390px.
          <div className="table-scroll">
            <table className="stack-narrow">
              <caption className="sr-only">{t("projects:spend.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("projects:spend.date")}</th>
                  <th scope="col">{t("projects:spend.description")}</th>
                  <th scope="col">{t("projects:spend.reference")}</th>
                  <th scope="col" className="num">{t("projects:spend.amount")}</th>
                </tr>
              </thead>
              <tbody>
                {project.spends.map((s) => (
                  <tr key={s.id} className={s.withdrawnOn ? "withdrawn" : undefined}>
                    <td data-label={t("projects:spend.date")}><time dateTime={s.spentOn}>{f.date(s.spentOn)}</time></td>
                    <td data-label={t("projects:spend.description")}>
                      <span lang={writtenIn(s.writtenIn)}>{s.withdrawnOn ? <del>{s.description}</del> : s.description}</span>
                      {s.withdrawnOn ? (
                        <p className="hint">{t("projects:spend.withdrawn", { date: f.date(s.withdrawnOn), reason: s.withdrawnReason ?? "" })}</p>
                      ) : canRecordSpend ? (
                        <WithdrawWithReason
                          intent="spend-withdraw"
                          entry={{ name: "spendId", id: s.id }}
                          text={{ summary: t("projects:spend.withdraw"), label: t("projects:spend.withdrawLabel", { description: s.description }), reason: t("projects:spend.withdrawReason"), hint: t("projects:spend.withdrawHint"), submit: t("projects:spend.withdrawSubmit") }}
                          lastResult={answered.intent === "spend-withdraw" && answered.spendId === s.id ? lastResult : undefined}
                        />
                      ) : null}
                    </td>
                    <td data-label={t("projects:spend.reference")}>{s.reference ?? "—"}</td>
                    <td className="num" data-label={t("projects:spend.amount")}>{s.withdrawnOn ? <del>{f.money(s.amountCents, project.currency)}</del> : f.money(s.amountCents, project.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("projects:detail.updates")}</h2>
        {timeline.length === 0 ? <p>{t("projects:detail.noUpdates")}</p> : null}
        <ol className="item-list project-timeline">
          {timeline.map((entry) =>
            entry.kind === "update" ? (
              <li key={`u-${entry.update.id}`} className="item">
                <p className="meta">
                  <time dateTime={entry.update.postedOn}>{f.date(entry.update.postedOn)}</time> · {t("projects:detail.updateLabel")}
                  {entry.update.takenDown ? null : ` · ${t(PROJECT_STATUS_KEYS[entry.update.status])} · ${f.percent(entry.update.percentComplete / 100)}`}
                </p>
                {entry.update.takenDown ? (
                  <p className="moderation-note">{t("projects:takeDown.done", { date: f.date(entry.update.takenDown.on), reason: entry.update.takenDown.reason })}</p>
                ) : (
                  <p className="prose" lang={writtenIn(entry.update.writtenIn)}>{entry.update.note}</p>
                )}
                {entry.update.translated ? <p className="hint">{t("translations:shown")}</p> : null}
                {canTranslate && !entry.update.takenDown ? (
                  <p>
                    <Link to={`/translate/update/${entry.update.id}`}>{t("translations:link")}<HiddenContext>{f.date(entry.date)}</HiddenContext></Link>
                  </p>
                ) : null}
                {entry.update.photoTakenDown ? (
                  <p className="moderation-note">{t("projects:takeDown.photoDone", { date: f.date(entry.update.photoTakenDown.on), reason: entry.update.photoTakenDown.reason })}</p>
                ) : null}
                {entry.update.photo ? (
                  <figure className="update-photo">
                    <a href={`/photos/${entry.update.photo}.jpg`}>
                      <img src={`/photos/${entry.update.photo}-preview.webp`} alt={entry.update.photoAlt ?? ""} loading="lazy" />
                    </a>
                    <figcaption className="hint">{t("projects:detail.photoFull")}</figcaption>
                  </figure>
                ) : null}
                {canTakeDown && !entry.update.takenDown ? (
                  <WithdrawWithReason
                    intent="update-take-down"
                    entry={{ name: "updateId", id: entry.update.id }}
                    text={{ summary: t("projects:takeDown.summary"), label: t("projects:takeDown.label", { date: f.date(entry.update.postedOn) }), reason: t("projects:takeDown.reason"), hint: t("projects:takeDown.hint"), submit: t("projects:takeDown.submit") }}
                    lastResult={answered.intent === "update-take-down" && answered.updateId === entry.update.id ? lastResult : undefined}
                    choices={{
                      name: "what",
                      legend: t("projects:takeDown.what"),
                      options: [
                        ...(entry.update.photo ? [{ value: "photo", label: t("projects:takeDown.onlyPhoto") }] : []),
                        {
                          value: "update",
                          label: t("projects:takeDown.wholeUpdate"),
                          hint: entry.update.statusWithout
                              ? t("projects:takeDown.statusGoesBack", {
                                  status: t(PROJECT_STATUS_KEYS[entry.update.statusWithout.status as Status]),
                                  percent: f.percent(entry.update.statusWithout.percentComplete / 100),
                                })
                              : undefined,
                        },
                      ],
                    }}
                  />
                ) : null}
              </li>
            ) : (
              <li key={`m-${entry.milestone.id}`} className={`item milestone milestone-${entry.milestone.state}`}>
                <p className="meta">
                  <time dateTime={entry.date}>{f.date(entry.date)}</time> · {t("projects:milestones.label")} ·{" "}
                  <span className={entry.milestone.state === "late" ? "status status-delayed" : "status"}>{t(MILESTONE_STATE_KEYS[entry.milestone.state])}</span>
                </p>
                <p>
                  <strong lang={entry.milestone.translatedTitle ? undefined : writtenIn(entry.milestone.writtenIn)}>
                    {entry.milestone.dropped ? <del>{entry.milestone.translatedTitle ?? entry.milestone.title}</del> : (entry.milestone.translatedTitle ?? entry.milestone.title)}
                  </strong>
                  {canTranslateMilestones && !entry.milestone.dropped ? (
                    <>
                      {" "}
                      <Link to={`/translate/milestone/${entry.milestone.id}`}>{t("translations:link")}<HiddenContext>{entry.milestone.title}</HiddenContext></Link>
                    </>
                  ) : null}
                </p>
                <p className="hint">
                  {entry.milestone.dropped
                    ? t("projects:milestones.droppedOn", { date: f.date(entry.milestone.dropped.on), reason: entry.milestone.dropped.reason })
                    : entry.milestone.state === "done"
                    ? entry.milestone.daysLate > 0
                      ? t("projects:milestones.doneLate", { planned: f.date(entry.milestone.plannedOn), count: entry.milestone.daysLate })
                      : t("projects:milestones.doneOnTime", { planned: f.date(entry.milestone.plannedOn) })
                    : entry.milestone.state === "late"
                      ? t("projects:milestones.lateBy", { planned: f.date(entry.milestone.plannedOn), count: entry.milestone.daysLate })
                      : entry.milestone.state === "unreached"
                        ? t(project.status === "cancelled" ? "projects:milestones.unreachedCancelled" : "projects:milestones.unreachedCompleted", { planned: f.date(entry.milestone.plannedOn) })
                        : t("projects:milestones.plannedFor", { planned: f.date(entry.milestone.plannedOn) })}
                </p>
              </li>
            ),
          )}
        </ol>
      </section>

      {canManageMilestones ? (
        <section className="card" aria-labelledby="milestones-manage">
          <h2 id="milestones-manage">{t("projects:milestones.manageTitle")}</h2>
          {project.milestones.filter((m) => !m.dropped).map((m) => (
            <MilestoneRow
              key={m.id}
              milestone={m}
              today={today}
              lastResult={answered.intent === "milestone-edit" && answered.milestoneId === m.id ? lastResult : undefined}
              dropResult={answered.intent === "milestone-drop" && answered.milestoneId === m.id ? lastResult : undefined}
            />
          ))}
          <h3>{t("projects:milestones.addTitle")}</h3>
          <Form key={project.milestones.length} method="post" {...getFormProps(milestoneForm)}>
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value="milestone-add" />
            <FormErrors id={milestoneForm.errorId} errors={milestoneForm.errors} />
            <TextField meta={milestoneFields.title} label={t("projects:milestones.title")} />
            <TextField meta={milestoneFields.plannedOn} label={t("projects:milestones.plannedOn")} type="date" />
            <TextField meta={milestoneFields.actualOn} label={t("projects:milestones.actualOn")} hint={t("projects:milestones.actualHint")} type="date" />
            <button type="submit" className="button">{t("projects:milestones.add")}</button>
          </Form>
        </section>
      ) : null}

      {canRecordSpend ? (
        <section className="card" aria-labelledby="spend-add-title">
          <h2 id="spend-add-title">{t("projects:spend.addTitle")}</h2>
          <Form key={project.spends.length} method="post" {...getFormProps(spendForm)}>
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value="spend-add" />
            <FormErrors id={spendForm.errorId} errors={spendForm.errors} />
            <TextField meta={spendFields.spentOn} label={t("projects:spend.date")} type="date" />
            <TextField meta={spendFields.amount} label={t("projects:spend.amountField", { currency: project.currency })} hint={t("projects:spend.amountHint")} />
            <TextField meta={spendFields.description} label={t("projects:spend.description")} />
            <TextField meta={spendFields.reference} label={t("projects:spend.referenceField")} hint={t("projects:spend.referenceHint")} />
            <button type="submit" className="button">{t("projects:spend.add")}</button>
          </Form>
        </section>
      ) : null}

      {canPost ? (
        <section className="card" aria-labelledby="post">
          <h2 id="post">{t("projects:detail.postTitle")}</h2>
          <Form key={project.updates.length} method="post" encType="multipart/form-data" {...getFormProps(form)} ref={updateFormRef}>
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value="update" />
            <KeptDraftNotice {...updateDraft} />
            <FormErrors id={form.errorId} errors={form.errors} />
            <SelectField meta={fields.status} label={t("projects:detail.status")} options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(PROJECT_STATUS_KEYS[s]) }))} />
            <TextField meta={fields.percentComplete} label={t("projects:detail.percentComplete")} type="number" />
            <TextField meta={fields.postedOn} label={t("projects:detail.date")} type="date" />
            <TextareaField meta={fields.note} label={t("projects:detail.note")} hint={t("projects:detail.noteHint")} rows={4} />
            <PhotoField meta={fields.photo} />
            <TextField meta={fields.photoAlt} label={t("projects:detail.photoAlt")} hint={t("projects:detail.photoAltHint")} />
            <button type="submit" className="button">{t("projects:detail.submit")}</button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

function PhotoField({ meta }: { meta: Parameters<typeof getInputProps>[0] }) {
  const { t } = useTranslation();
  const { key, ...props } = getInputProps(meta, { type: "file", ariaDescribedBy: `${meta.id}-hint` });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{t("projects:detail.photo")}</label>
      <p id={`${meta.id}-hint`} className="hint">{t("projects:detail.photoHint", { max: MAX_PHOTO_BYTES / 1024 / 1024 })}</p>
      <input key={key} {...props} accept="image/jpeg,image/png,image/webp" />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/**
 * Withdrawing a spending entry, taking down an update or dropping a milestone, always with a public
 * reason (the entry stays listed, struck through or replaced by the reason). Folded away until needed.
 */
function WithdrawWithReason({
  intent,
  entry,
  text,
  lastResult,
  choices,
}: {
  intent: "spend-withdraw" | "update-take-down" | "milestone-drop";
  entry: { name: "spendId" | "updateId" | "milestoneId"; id: string };
  text: { summary: string; label: string; reason: string; hint: string; submit: string };
  lastResult: unknown;
  /** What to withdraw, when there is a choice (an update, or only its photo); the first is chosen unless the answer says otherwise. */
  choices?: { name: string; legend: string; options: { value: string; label: string; hint?: string }[] };
}) {
  const [form, fields] = useForm({
    id: `${intent}-${entry.id}`,
    lastResult: lastResult as SubmissionResult<string[]> | undefined,
    shouldRevalidate: "onBlur",
  });
  const chosen = choices ? String((lastResult as Reply | undefined)?.initialValue?.[choices.name] ?? choices.options[0].value) : null;
  return (
    <details open={lastResult !== undefined}>
      <summary>{text.summary}</summary>
      <Form method="post" {...getFormProps(form)} aria-label={text.label}>
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={entry.name} value={entry.id} />
        {choices && choices.options.length > 1 ? (
          <fieldset>
            <legend>{choices.legend}</legend>
            {choices.options.map((o) => (
              <div key={o.value}>
                <label>
                  <input type="radio" name={choices.name} value={o.value} defaultChecked={o.value === chosen} aria-describedby={o.hint ? `${form.id}-${o.value}-hint` : undefined} /> {o.label}
                </label>
                {o.hint ? <p className="hint" id={`${form.id}-${o.value}-hint`}>{o.hint}</p> : null}
              </div>
            ))}
          </fieldset>
        ) : choices?.options[0].hint ? (
          <p className="hint">{choices.options[0].hint}</p>
        ) : null}
        <TextField meta={fields.reason} label={text.reason} hint={text.hint} />
        <button type="submit" className="button-secondary">{text.submit}</button>
      </Form>
    </details>
  );
}

function MilestoneRow({
  milestone,
  today,
  lastResult,
  dropResult,
}: {
  milestone: { id: string; title: string; plannedOn: string; actualOn: string | null; state: MilestoneState };
  today: string;
  lastResult: unknown;
  dropResult: unknown;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `milestone-${milestone.id}`,
    lastResult: lastResult as SubmissionResult<string[]> | undefined,
    defaultValue: { title: milestone.title, plannedOn: milestone.plannedOn, actualOn: milestone.actualOn ?? "" },
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="milestone-edit">
      <Form method="post" {...getFormProps(form)} aria-label={t("projects:milestones.editLabel", { title: milestone.title })}>
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="milestone-edit" />
        <input type="hidden" name="milestoneId" value={milestone.id} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="inline-fields">
          <TextField meta={fields.title} label={t("projects:milestones.title")} />
          <TextField meta={fields.plannedOn} label={t("projects:milestones.plannedOn")} type="date" />
          <TextField meta={fields.actualOn} label={t("projects:milestones.actualOn")} type="date" />
        </div>
        <button type="submit" className="button-secondary">{t("projects:milestones.save")}</button>
      </Form>
      {milestone.state !== "done" ? (
        <>
          <Form method="post" aria-label={t("projects:milestones.doneLabel", { title: milestone.title })}>
            <AuthenticityTokenInput />
            <input type="hidden" name="intent" value="milestone-done" />
            <input type="hidden" name="milestoneId" value={milestone.id} />
            <input type="hidden" name="actualOn" value={today} />
            <button type="submit" className="button">{t("projects:milestones.markDone", { title: milestone.title })}</button>
          </Form>
          {/* Only what is still planned can be dropped: a milestone done happened. */}
          <WithdrawWithReason
            intent="milestone-drop"
            entry={{ name: "milestoneId", id: milestone.id }}
            text={{ summary: t("projects:milestones.drop"), label: t("projects:milestones.dropLabel", { title: milestone.title }), reason: t("projects:milestones.dropReason"), hint: t("projects:milestones.dropHint"), submit: t("projects:milestones.dropSubmit") }}
            lastResult={dropResult}
          />
        </>
      ) : null}
    </div>
  );
}
