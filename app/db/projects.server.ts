import type { Actor } from "~/domain/auth/roles";
import { audit } from "./audit.server";
import { prisma } from "./client.server";
import { latestResults } from "./results.server";

/** Every winner of the published results becomes a project (once). */
export async function createProjectsFromWinners(cycleId: string, actor: Actor) {
  const results = await latestResults(cycleId, { publishedOnly: true });
  const winnerIds = results.flatMap((r) => r.projects.filter((p) => p.selected).map((p) => p.proposalId));
  const proposals = await prisma.proposal.findMany({
    where: { id: { in: winnerIds }, project: null },
    include: { costEstimates: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  await prisma.$transaction(async (tx) => {
    for (const p of proposals) {
      const project = await tx.project.create({
        data: {
          proposalId: p.id,
          cycleId,
          districtId: p.districtId,
          agencyId: p.agencyId,
          title: p.title,
          budgetCents: p.costEstimates[0]?.totalCents ?? 0,
        },
      });
      await audit(tx, actor, "project.create", { type: "project", id: project.id }, { proposalId: p.id });
    }
  });
  return proposals.length;
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
    const update = await tx.projectUpdate.create({ data: { projectId, authorId: actor.id, ...input } });
    await tx.project.update({
      where: { id: projectId },
      data: { status: input.status, percentComplete: input.percentComplete },
    });
    await audit(tx, actor, "project.update", { type: "project", id: projectId }, { updateId: update.id, status: input.status });
    return update;
  });
}
