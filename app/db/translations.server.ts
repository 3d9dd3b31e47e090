import type { Actor } from "~/domain/auth/roles";
import type { TranslatableType } from "~/domain/translations/permissions";
import { audit } from "./audit.server";
import { prisma } from "./client.server";

/** The translations of several items into one language, by item id. */
export async function translationsInto(targetType: TranslatableType, targetIds: readonly string[], locale: string) {
  const rows = await prisma.contentTranslation.findMany({ where: { targetType, targetId: { in: [...targetIds] }, locale } });
  return new Map(rows.map((r) => [r.targetId, { title: r.title, description: r.description }]));
}

export async function translationsOf(targetType: TranslatableType, targetId: string) {
  return prisma.contentTranslation.findMany({ where: { targetType, targetId }, orderBy: { locale: "asc" } });
}

/** The original text of an idea, proposal or project update, and the page it belongs to; null when there is none. */
export async function translatableItem(targetType: TranslatableType, id: string) {
  const select = { id: true, number: true, title: true, description: true };
  if (targetType === "idea") {
    const idea = await prisma.idea.findUnique({ where: { id }, select });
    return idea && { ...idea, back: `/ideas/${idea.id}` };
  }
  if (targetType === "proposal") {
    const proposal = await prisma.proposal.findUnique({ where: { id }, select });
    return proposal && { ...proposal, back: `/proposals/${proposal.id}` };
  }
  const update = await prisma.projectUpdate.findUnique({ where: { id }, select: { id: true, note: true, project: { select: { id: true, title: true } } } });
  return update && { id: update.id, number: 0, title: update.project.title, description: update.note, back: `/projects/${update.project.id}` };
}

export async function saveTranslation(
  target: { type: TranslatableType; id: string },
  input: { locale: string; title: string; description: string },
  actor: Actor,
) {
  await prisma.$transaction(async (tx) => {
    const key = { targetType_targetId_locale: { targetType: target.type, targetId: target.id, locale: input.locale } };
    await tx.contentTranslation.upsert({
      where: key,
      update: { title: input.title, description: input.description, translatedById: actor.id },
      create: { targetType: target.type, targetId: target.id, ...input, translatedById: actor.id },
    });
    await audit(tx, actor, "translation.save", { type: target.type, id: target.id }, { locale: input.locale });
  });
}
