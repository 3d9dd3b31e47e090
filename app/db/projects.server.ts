import { DEFAULT_LOCALE } from "~/i18n/config";
import type { Actor } from "~/domain/auth/roles";
import { milestoneNews, spendSummary, statusWithout, type MilestoneDates } from "~/domain/implementation/progress";
import { message } from "~/i18n/message";
import { audit } from "./audit.server";
import { changeWithMail, notifyFollowers, titleOf, type MailValue } from "./follows.server";
import { prisma, type Tx } from "./client.server";
import { latestResults } from "./results.server";
import { projectsInLocale, translationsInto } from "./translations.server";
import { projectUsesProposalTranslation } from "~/domain/translations/permissions";
import { removePhoto } from "~/uploads.server";

/**
 * Every winner of the published results becomes a project (once; a double click
 * finds them already made), with the budget voters funded: the cost in the result.
 */
export async function createProjectsFromWinners(cycleId: string, actor: Actor) {
  const results = await latestResults(cycleId, { publishedOnly: true });
  const funded = new Map(results.flatMap((r) => r.projects.filter((p) => p.selected).map((p) => [p.proposalId, p.costCents] as const)));
  return prisma.$transaction(async (tx) => {
    const proposals = await tx.proposal.findMany({ where: { id: { in: [...funded.keys()] }, project: null } });
    for (const p of proposals) {
      const project = await tx.project.create({
        data: { proposalId: p.id, cycleId, districtId: p.districtId, agencyId: p.agencyId, title: p.title, budgetCents: funded.get(p.id)! },
      });
      await audit(tx, actor, "project.create", { type: "project", id: project.id }, { proposalId: p.id });
    }
    return proposals.length;
  });
}

export async function listProjects(filter: { cycleId?: string; districtIds?: string[]; status?: string }) {
  return prisma.project.findMany({
    where: {
      cycleId: filter.cycleId || undefined,
      districtId: filter.districtIds ? { in: filter.districtIds } : undefined,
      status: filter.status || undefined,
      cycle: { phase: { not: "draft" } },
    },
    orderBy: [{ cycle: { createdAt: "desc" } }, { title: "asc" }],
    include: {
      cycle: true,
      district: true,
      agency: true,
      proposal: { select: { title: true, writtenIn: true } },
      updates: { where: { hiddenAt: null }, orderBy: { postedOn: "desc" }, take: 1 },
      milestones: { select: { plannedOn: true, actualOn: true, droppedAt: true } },
      spends: { select: { amountCents: true, withdrawnAt: true } },
    },
  });
}

export async function getProject(id: string) {
  return prisma.project.findUnique({
    where: { id },
    include: {
      cycle: true,
      district: true,
      agency: true,
      proposal: { select: { id: true, number: true, title: true, description: true, writtenIn: true } },
      updates: { orderBy: [{ postedOn: "desc" }, { createdAt: "desc" }] },
      milestones: { orderBy: [{ plannedOn: "asc" }, { createdAt: "asc" }] },
      spends: { orderBy: [{ spentOn: "desc" }, { createdAt: "desc" }] },
    },
  });
}

const target = (projectId: string) => ({ type: "project", id: projectId }) as const;

const MAILS = {
  update: { subject: "follows:mail.projectUpdate.subject", body: "follows:mail.projectUpdate.body" },
  pastUpdate: { subject: "follows:mail.projectPastUpdate.subject", body: "follows:mail.projectPastUpdate.body" },
  milestoneDone: { subject: "follows:mail.milestoneDone.subject", body: "follows:mail.milestoneDone.body" },
  milestoneDelayed: { subject: "follows:mail.milestoneDelayed.subject", body: "follows:mail.milestoneDelayed.body" },
  milestoneDropped: { subject: "follows:mail.milestoneDropped.subject", body: "follows:mail.milestoneDropped.body" },
  spend: { subject: "follows:mail.spend.subject", body: "follows:mail.spend.body" },
  spendWithdrawn: { subject: "follows:mail.spendWithdrawn.subject", body: "follows:mail.spendWithdrawn.body" },
} as const;

/** One e-mail to each of the project's followers, naming the project. */
async function tellFollowers(tx: Tx, projectId: string, mail: keyof typeof MAILS, values: Record<string, MailValue>) {
  const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { title: true, proposalId: true, proposal: { select: { title: true } } } });
  const title = titleOf(project.title, "proposal", project.proposalId, projectUsesProposalTranslation(project));
  await notifyFollowers(tx, target(projectId), { ...MAILS[mail], values: { title, ...values } });
}

/** Tells followers that a milestone was done or delayed (see milestoneNews); nothing for other changes. */
async function tellOfMilestone(tx: Tx, projectId: string, before: MilestoneDates | null, after: MilestoneDates & { title: string }) {
  const news = milestoneNews(before, after);
  if (news?.news === "done") await tellFollowers(tx, projectId, "milestoneDone", { milestone: after.title, done: { day: news.on }, planned: { day: after.plannedOn } });
  if (news?.news === "delayed") await tellFollowers(tx, projectId, "milestoneDelayed", { milestone: after.title, before: { day: news.from }, after: { day: news.to } });
}

/** Tells followers of a spending entry recorded or withdrawn (with the reason), and what is spent so far (withdrawn entries do not count). */
async function tellOfSpend(tx: Tx, projectId: string, spend: { amountCents: number; spentOn: string; description: string; withdrawnReason: string | null }) {
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { budgetCents: true, cycle: { select: { currency: true } }, spends: { select: { amountCents: true, withdrawnAt: true } } },
  });
  const money = (cents: number) => ({ cents, currency: project.cycle.currency });
  const values = {
    amount: money(spend.amountCents),
    date: { day: spend.spentOn },
    description: spend.description,
    spent: money(spendSummary(project.budgetCents, project.spends).spentCents),
    budget: money(project.budgetCents),
  };
  if (spend.withdrawnReason === null) await tellFollowers(tx, projectId, "spend", values);
  else await tellFollowers(tx, projectId, "spendWithdrawn", { ...values, reason: spend.withdrawnReason });
}

export async function postProjectUpdate(
  projectId: string,
  input: { status: string; percentComplete: number; note: string; postedOn: string; photo?: string; photoAlt?: string },
  actor: Actor,
  writtenIn: string = DEFAULT_LOCALE,
) {
  return changeWithMail(async (tx) => {
    // The newest update still shown (a taken-down one no longer says where the project stands).
    const latest = await tx.projectUpdate.findFirst({ where: { projectId, hiddenAt: null }, orderBy: [{ postedOn: "desc" }, { createdAt: "desc" }], select: { postedOn: true } });
    const update = await tx.projectUpdate.create({ data: { projectId, authorId: actor.id, ...input, writtenIn } });
    // A backdated update joins the timeline without overwriting the current status, and followers are not
    // told of a status the project does not have now.
    const current = !latest || input.postedOn >= latest.postedOn;
    if (current) {
      await tx.project.update({ where: { id: projectId }, data: { status: input.status, percentComplete: input.percentComplete } });
    }
    await audit(tx, actor, "project.update", target(projectId), { updateId: update.id, status: input.status, photo: input.photo ?? null });
    if (current) await tellFollowers(tx, projectId, "update", { status: input.status, percent: input.percentComplete, note: input.note, date: { day: input.postedOn } });
    else await tellFollowers(tx, projectId, "pastUpdate", { note: input.note, date: { day: input.postedOn } });
    return update;
  });
}

export async function addMilestone(projectId: string, input: { title: string; plannedOn: string; actualOn?: string }, actor: Actor, writtenIn: string = DEFAULT_LOCALE) {
  return changeWithMail(async (tx) => {
    const milestone = await tx.projectMilestone.create({ data: { projectId, title: input.title, writtenIn, plannedOn: input.plannedOn, actualOn: input.actualOn ?? null } });
    await audit(tx, actor, "project.milestone.add", target(projectId), { milestoneId: milestone.id, title: input.title, plannedOn: input.plannedOn });
    await tellOfMilestone(tx, projectId, null, milestone);
    return milestone;
  });
}

/**
 * Changes a milestone of this project still in the plan, audited with what it was and became, and
 * tells followers what the change means (see milestoneNews). Null when it is not one of its
 * milestones or it was dropped (checked in the update itself: a drop made meanwhile stays).
 */
async function changeMilestone(
  projectId: string,
  milestoneId: string,
  data: { title?: string; plannedOn?: string; actualOn: string | null },
  action: string,
  actor: Actor,
  writtenIn?: string,
) {
  return changeWithMail(async (tx) => {
    const before = await tx.projectMilestone.findFirst({ where: { id: milestoneId, projectId, droppedAt: null } });
    if (!before) return null;
    // A title typed anew is in the language of the page it was typed on; dates alone leave it as it was.
    const retitled = data.title !== undefined && data.title !== before.title && writtenIn !== undefined;
    const { count } = await tx.projectMilestone.updateMany({ where: { id: before.id, droppedAt: null }, data: retitled ? { ...data, writtenIn } : data });
    if (count === 0) return null;
    // A translation of the old title is of another text now: it goes (staff translate the new one).
    if (data.title !== undefined && data.title !== before.title) await tx.contentTranslation.deleteMany({ where: { targetType: "milestone", targetId: before.id } });
    const after = await tx.projectMilestone.findUniqueOrThrow({ where: { id: before.id } });
    const dates = (m: typeof before) => ({ title: m.title, plannedOn: m.plannedOn, actualOn: m.actualOn });
    await audit(tx, actor, action, target(projectId), { milestoneId: before.id, before: dates(before), after: dates(after) });
    await tellOfMilestone(tx, projectId, before, after);
    return after;
  });
}

/** Changes a milestone of this project (null when it is not one of its milestones, or was dropped). */
export async function editMilestone(projectId: string, input: { milestoneId: string; title: string; plannedOn: string; actualOn?: string }, actor: Actor, writtenIn: string = DEFAULT_LOCALE) {
  return changeMilestone(projectId, input.milestoneId, { title: input.title, plannedOn: input.plannedOn, actualOn: input.actualOn ?? null }, "project.milestone.edit", actor, writtenIn);
}

/** Marks a milestone of this project done on `actualOn` (null when it is not one of its milestones, or was dropped). */
export async function completeMilestone(projectId: string, input: { milestoneId: string; actualOn: string }, actor: Actor) {
  return changeMilestone(projectId, input.milestoneId, { actualOn: input.actualOn }, "project.milestone.done", actor);
}

export async function addSpend(
  projectId: string,
  input: { spentOn: string; amount: number; description: string; reference?: string },
  actor: Actor,
  writtenIn: string = DEFAULT_LOCALE,
) {
  return changeWithMail(async (tx) => {
    const spend = await tx.projectSpend.create({
      data: { projectId, spentOn: input.spentOn, amountCents: input.amount, description: input.description, writtenIn, reference: input.reference || null, authorId: actor.id },
    });
    await audit(tx, actor, "project.spend.add", target(projectId), { spendId: spend.id, amountCents: input.amount, spentOn: input.spentOn });
    await tellOfSpend(tx, projectId, spend);
    return spend;
  });
}

/**
 * Takes an update down with a public reason (a wrong photo, a bystander in it, a note naming someone):
 * the whole update stays on the timeline as taken down, its note and photo gone, and the project's status
 * becomes that of the newest update still shown (statusWithout); or only its photo goes, the note and the
 * status staying. Photo files are deleted. Refused for an update of another project, one already down, or
 * a photo that is not there.
 */
export async function takeDownUpdate(projectId: string, updateId: string, reason: string, actor: Actor, what: "update" | "photo" = "update") {
  const photo = await prisma.$transaction(async (tx) => {
    const found = await tx.projectUpdate.findFirst({ where: { id: updateId, projectId, hiddenAt: null }, select: { photo: true } });
    if (!found || (what === "photo" && !found.photo)) return null;
    if (what === "photo") {
      await tx.projectUpdate.update({ where: { id: updateId }, data: { photo: null, photoAlt: null, photoRemovedAt: new Date(), photoRemovedReason: reason } });
      await audit(tx, actor, "project.update.photo-take-down", target(projectId), { updateId, reason, photo: found.photo });
      return { name: found.photo };
    }
    const updates = await tx.projectUpdate.findMany({ where: { projectId }, select: { id: true, status: true, percentComplete: true, postedOn: true, createdAt: true, hiddenAt: true } });
    await tx.projectUpdate.update({ where: { id: updateId }, data: { hiddenAt: new Date(), hiddenReason: reason, photo: null, photoAlt: null } });
    await tx.contentTranslation.deleteMany({ where: { targetType: "update", targetId: updateId } });
    await tx.project.update({ where: { id: projectId }, data: statusWithout(updates, updateId) });
    await audit(tx, actor, "project.update.take-down", target(projectId), { updateId, reason, photo: found.photo });
    return { name: found.photo };
  });
  if (photo === null) return { ok: false as const, reason: message("projects:errors.updateNotFound") };
  // After the commit: a failed transaction never leaves an update pointing at a deleted photo.
  if (photo.name) await removePhoto(photo.name);
  return { ok: true as const };
}

/**
 * Drops a milestone from the plan (it will not happen, or was added by mistake): it stays on the
 * timeline, struck through with the public reason, and is no longer late; followers are told.
 * Refused (null) for a milestone of another project, one already dropped, or one done (it happened:
 * its date done, and how late it was, stay on the record).
 */
export async function dropMilestone(projectId: string, milestoneId: string, reason: string, actor: Actor) {
  return changeWithMail(async (tx) => {
    const { count } = await tx.projectMilestone.updateMany({ where: { id: milestoneId, projectId, droppedAt: null, actualOn: null }, data: { droppedAt: new Date(), droppedReason: reason } });
    if (count === 0) return null;
    const dropped = await tx.projectMilestone.findUniqueOrThrow({ where: { id: milestoneId } });
    await audit(tx, actor, "project.milestone.drop", target(projectId), { milestoneId, title: dropped.title, reason });
    await tellFollowers(tx, projectId, "milestoneDropped", { milestone: dropped.title, planned: { day: dropped.plannedOn }, reason });
    return dropped;
  });
}

/**
 * Withdraws a spending entry recorded by mistake (wrong amount, wrong project): it stays on the
 * project page, struck through with the reason, and no longer counts against the budget.
 * Refused for an entry of another project or one already withdrawn.
 */
export async function withdrawSpend(projectId: string, spendId: string, reason: string, actor: Actor) {
  return changeWithMail(async (tx) => {
    const { count } = await tx.projectSpend.updateMany({
      where: { id: spendId, projectId, withdrawnAt: null },
      data: { withdrawnAt: new Date(), withdrawnReason: reason, withdrawnById: actor.id },
    });
    if (count === 0) return { ok: false as const, reason: message("projects:errors.spendNotFound") };
    await audit(tx, actor, "project.spend.withdraw", target(projectId), { spendId, reason });
    await tellOfSpend(tx, projectId, await tx.projectSpend.findUniqueOrThrow({ where: { id: spendId } }));
    return { ok: true as const };
  });
}

/**
 * The report-back for a cycle: its projects with their milestones, and for a cancelled project the
 * reason its staff gave (the note of its latest "cancelled" update); titles and reasons in the
 * reader's language where translated, in that language's alphabetical order.
 */
export async function projectsForReportBack(cycleId: string, locale: string) {
  const projects = await prisma.project.findMany({
    where: { cycleId },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      status: true,
      proposalId: true,
      proposal: { select: { title: true, writtenIn: true } },
      cycle: { select: { id: true, name: true, writtenIn: true } },
      district: { select: { id: true, name: true, writtenIn: true } },
      milestones: { select: { plannedOn: true, actualOn: true, droppedAt: true } },
      updates: { where: { status: "cancelled", hiddenAt: null }, orderBy: [{ postedOn: "desc" }, { createdAt: "desc" }], take: 1, select: { id: true, note: true } },
    },
  });
  const [named, reasons] = await Promise.all([
    projectsInLocale(projects, locale),
    translationsInto("update", projects.flatMap((p) => p.updates.map((u) => u.id)), locale),
  ]);
  return projects.map((p) => {
    const cancel = p.updates[0];
    const cancelReason = cancel ? (reasons.get(cancel.id)?.description ?? cancel.note) : null;
    return { id: p.id, title: named.get(p.id)!.title, writtenIn: named.get(p.id)!.writtenIn, status: p.status, milestones: p.milestones, cancelReason };
  }).sort((a, b) => a.title.localeCompare(b.title, locale));
}

/**
 * The cycle to report back on, when a newer cycle is open: of the public cycles with projects
 * created before the newest open cycle, the newest whose projects have news (an update, a milestone
 * done or money spent); a cycle whose projects were only just made has nothing to report yet, and
 * would push the one with real progress off the home page. Else the newest with projects; null if none.
 */
export async function reportBackCycle(openPhases: readonly string[]) {
  const open = await prisma.cycle.findFirst({ where: { phase: { in: [...openPhases] } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  if (!open) return null;
  const earlier = { createdAt: { lt: open.createdAt }, phase: { not: "draft" } };
  const select = { id: true, slug: true, name: true, writtenIn: true };
  const withNews = { OR: [{ updates: { some: { hiddenAt: null } } }, { milestones: { some: { actualOn: { not: null } } } }, { spends: { some: { withdrawnAt: null } } }] };
  return (
    (await prisma.cycle.findFirst({ where: { ...earlier, projects: { some: withNews } }, orderBy: { createdAt: "desc" }, select })) ??
    (await prisma.cycle.findFirst({ where: { ...earlier, projects: { some: {} } }, orderBy: { createdAt: "desc" }, select }))
  );
}
