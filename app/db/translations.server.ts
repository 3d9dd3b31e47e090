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

/** The original text of an idea or proposal, or null when there is none. */
export async function translatableItem(targetType: TranslatableType, id: string) {
  const select = { id: true, number: true, title: true, description: true };
  return targetType === "idea" ? prisma.idea.findUnique({ where: { id }, select }) : prisma.proposal.findUnique({ where: { id }, select });
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
