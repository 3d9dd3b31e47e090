import type { Actor } from "~/domain/auth/roles";
import { deliverOutbox } from "~/mail.server";
import { audit } from "./audit.server";
import { notifyFollowers } from "./follows.server";
import { prisma } from "./client.server";
import { latestResults } from "./results.server";

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

export async function listProjects(filter: { cycleId?: string; districtId?: string; status?: string }) {
  return prisma.project.findMany({
    where: {
      cycleId: filter.cycleId || undefined,
      districtId: filter.districtId || undefined,
      status: filter.status || undefined,
      cycle: { phase: { not: "draft" } },
    },
    orderBy: [{ cycle: { createdAt: "desc" } }, { title: "asc" }],
    include: { cycle: true, district: true, agency: true, updates: { orderBy: { postedOn: "desc" }, take: 1 } },
  });
}

export async function getProject(id: string) {
  return prisma.project.findUnique({
    where: { id },
    include: {
      cycle: true,
      district: true,
      agency: true,
      proposal: { select: { id: true, number: true, description: true } },
      updates: { orderBy: [{ postedOn: "desc" }, { createdAt: "desc" }] },
    },
  });
}

export async function postProjectUpdate(
  projectId: string,
  input: { status: string; percentComplete: number; note: string; postedOn: string },
  actor: Actor,
) {
  return prisma.$transaction(async (tx) => {
    const latest = await tx.projectUpdate.findFirst({ where: { projectId }, orderBy: { postedOn: "desc" }, select: { postedOn: true } });
    const update = await tx.projectUpdate.create({ data: { projectId, authorId: actor.id, ...input } });
    // A backdated update joins the timeline without overwriting the current status.
    if (!latest || input.postedOn >= latest.postedOn) {
      await tx.project.update({ where: { id: projectId }, data: { status: input.status, percentComplete: input.percentComplete } });
    }
    await audit(tx, actor, "project.update", { type: "project", id: projectId }, { updateId: update.id, status: input.status });
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { title: true } });
    await notifyFollowers(tx, { type: "project", id: projectId }, {
      subject: "follows:mail.projectUpdate.subject",
      body: "follows:mail.projectUpdate.body",
      values: { title: project.title, status: input.status, percent: input.percentComplete, note: input.note, date: input.postedOn },
    });
    return update;
  }).finally(() => void deliverOutbox()); // mail goes out after the commit, without holding the answer
}
