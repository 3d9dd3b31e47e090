import type { Actor } from "~/domain/auth/roles";
import { projectUsesProposalTranslation, type TranslatableType } from "~/domain/translations/permissions";
import { choiceOf, type OfficeName } from "~/i18n/i18n";
import { audit } from "./audit.server";
import { prisma } from "./client.server";

/** A name the PB office gave (a cycle, a district, a category, an agency), in the language it was written in. */
type OfficePart = { id: string; name: string; writtenIn: string };

/** The translations of several items into one language, by item id. */
export async function translationsInto(targetType: TranslatableType, targetIds: readonly string[], locale: string) {
  const rows = await prisma.contentTranslation.findMany({ where: { targetType, targetId: { in: [...targetIds] }, locale } });
  return new Map(rows.map((r) => [r.targetId, { title: r.title, description: r.description }]));
}

export async function translationsOf(targetType: TranslatableType, targetId: string) {
  return prisma.contentTranslation.findMany({ where: { targetType, targetId }, orderBy: { locale: "asc" } });
}

/** The language each proposal was written in, by id (for a title shown untranslated: see useWrittenIn). */
export async function proposalsWrittenIn(ids: readonly string[]) {
  const rows = await prisma.proposal.findMany({ where: { id: { in: [...ids] } }, select: { id: true, writtenIn: true } });
  return new Map(rows.map((r) => [r.id, r.writtenIn]));
}

/** Which languages each item has a translation in, by item id (items without any are left out). */
export async function translatedLocales(targetType: TranslatableType, targetIds: readonly string[]) {
  const rows = await prisma.contentTranslation.findMany({ where: { targetType, targetId: { in: [...targetIds] } }, select: { targetId: true, locale: true }, orderBy: { locale: "asc" } });
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.targetId, [...(out.get(r.targetId) ?? []), r.locale]);
  return out;
}

/**
 * Cycles with their name and description in the reader's language where the PB office translated them;
 * `writtenIn` becomes null for a translated cycle (its texts are in the page's language: see useWrittenIn).
 */
export async function cyclesInLocale<T extends { id: string; name: string; description?: string; writtenIn: string }>(
  cycles: readonly T[],
  locale: string,
): Promise<(Omit<T, "writtenIn"> & { writtenIn: string | null })[]> {
  const translated = await translationsInto("cycle", cycles.map((c) => c.id), locale);
  return cycles.map((c) => {
    const t = translated.get(c.id);
    // A description written after the name was translated stays in the original until it is translated too.
    return t ? { ...c, name: t.title, writtenIn: null, ...(c.description && t.description ? { description: t.description } : {}) } : c;
  });
}

/** Names the PB office gave (districts, categories, agencies) in the reader's language, by id. */
async function officeNamesIn(type: "district" | "category" | "agency", parts: readonly { id: string; name: string; writtenIn: string }[], locale: string) {
  const translated = await translationsInto(type, parts.map((d) => d.id), locale);
  return new Map<string, OfficeName>(
    parts.map((d) => {
      const title = translated.get(d.id)?.title;
      return [d.id, title ? { name: title, writtenIn: null } : { name: d.name, writtenIn: d.writtenIn }];
    }),
  );
}

/**
 * Each cycle's own residency rule in the reader's language, by cycle id; as written where it is not
 * translated. (Kept apart from cyclesInLocale: the PB office's form must show the rule as written.)
 */
export async function residencyRulesIn(cycles: readonly { id: string; residencyRule: string }[], locale: string) {
  const translated = await translationsInto("residency", cycles.filter((c) => c.residencyRule).map((c) => c.id), locale);
  return new Map(cycles.map((c) => [c.id, c.residencyRule && (translated.get(c.id)?.title ?? c.residencyRule)]));
}

/** District names in the reader's language, by district id; the original name where there is no translation. */
export function districtNamesIn(districts: readonly { id: string; name: string; writtenIn: string }[], locale: string) {
  return officeNamesIn("district", districts, locale);
}

/**
 * A ballot tracker's cycle and district in the reader's language. They are kept as voted (in the
 * language of that moment), so the originals are looked up again by id; the kept names serve without ids.
 */
export type VotedNames = { cycle: OfficeName; district: OfficeName };

export async function votedNamesIn(kept: { cycle: string; cycleId?: string; district: string; districtId?: string }, locale: string) {
  const select = { id: true, name: true, writtenIn: true };
  const [cycle, district] = await Promise.all([
    kept.cycleId ? prisma.cycle.findUnique({ where: { id: kept.cycleId }, select }) : null,
    kept.districtId ? prisma.district.findUnique({ where: { id: kept.districtId }, select }) : null,
  ]);
  const [named] = cycle ? await cyclesInLocale([cycle], locale) : [null];
  return {
    cycle: named ? { name: named.name, writtenIn: named.writtenIn } : { name: kept.cycle, writtenIn: null },
    district: (district && (await districtNamesIn([district], locale)).get(district.id)) || { name: kept.district, writtenIn: null },
  };
}

/**
 * Projects as a reader sees them: their cycle's, district's and agency's names in the reader's language, and
 * the title and description of their proposal's translation, as long as the project bears the
 * proposal's title (it does unless renamed; a renamed project is not what was translated). By project id.
 */
export async function projectsInLocale(
  projects: readonly { id: string; title: string; proposalId: string; proposal: { title: string; writtenIn?: string }; cycle: OfficePart; district: OfficePart; agency?: OfficePart | null }[],
  locale: string,
) {
  const cycles = [...new Map(projects.map((p) => [p.cycle.id, p.cycle])).values()];
  const [cycleNames, districtNames, agencyNames, proposals] = await Promise.all([
    cyclesInLocale(cycles, locale).then((cs) => new Map(cs.map((c) => [c.id, { name: c.name, writtenIn: c.writtenIn }]))),
    districtNamesIn(projects.map((p) => p.district), locale),
    agencyNamesIn(projects.flatMap((p) => (p.agency ? [p.agency] : [])), locale),
    translationsInto("proposal", projects.map((p) => p.proposalId), locale),
  ]);
  return new Map(
    projects.map((p) => {
      const translation = (projectUsesProposalTranslation(p) && proposals.get(p.proposalId)) || null;
      // The proposal's language for a title shown as written (not for a renamed project's: staff may write in any).
      const writtenIn = !translation && projectUsesProposalTranslation(p) ? (p.proposal.writtenIn ?? null) : null;
      const agency = p.agency ? agencyNames.get(p.agency.id)! : null;
      return [p.id, { title: translation?.title ?? p.title, translation, writtenIn, cycle: cycleNames.get(p.cycle.id)!, district: districtNames.get(p.district.id)!, agency }];
    }),
  );
}

/** Titles in the reader's language where translated (writtenIn null), otherwise as written with their language; by item id. */
export async function titlesIn(targetType: "idea" | "proposal", items: readonly { id: string; title: string; writtenIn: string }[], locale: string) {
  const translated = await translationsInto(targetType, items.map((i) => i.id), locale);
  return new Map(
    items.map((i) => {
      const title = translated.get(i.id)?.title;
      return [i.id, title ? { title, writtenIn: null } : { title: i.title, writtenIn: i.writtenIn as string | null }];
    }),
  );
}

/**
 * A count's project titles in the reader's language where the proposal was translated; otherwise the
 * title as written, with the language it was written in (for a title shown untranslated: see useWrittenIn).
 */
export async function resultTitlesIn(proposalIds: readonly string[], locale: string) {
  const [translated, writtenIn] = await Promise.all([translationsInto("proposal", proposalIds, locale), proposalsWrittenIn(proposalIds)]);
  return (p: { proposalId: string; title: string }) => {
    const title = translated.get(p.proposalId)?.title;
    return title ? { title, writtenIn: null } : { title: p.title, writtenIn: writtenIn.get(p.proposalId) ?? null };
  };
}

/** Category names in the reader's language, by category id; the original name where there is no translation. */
export function categoryNamesIn(categories: readonly { id: string; name: string; writtenIn: string }[], locale: string) {
  return officeNamesIn("category", categories, locale);
}

/** Where a proposal is filed, named in the reader's language. */
export type PlaceNames = { district: OfficeName; category: OfficeName };

/** Agency names in the reader's language, by agency id; the original name where there is no translation. */
export function agencyNamesIn(agencies: readonly OfficePart[], locale: string) {
  return officeNamesIn("agency", agencies, locale);
}

/** A namer for places proposals are (or were) filed under, in the reader's language; it knows the places given. */
export async function placeNamesIn(places: readonly { district: OfficePart; category: OfficePart }[], locale: string) {
  const [districts, categories] = await Promise.all([districtNamesIn(places.map((p) => p.district), locale), categoryNamesIn(places.map((p) => p.category), locale)]);
  return (place: { district: OfficePart; category: OfficePart }): PlaceNames => ({ district: districts.get(place.district.id)!, category: categories.get(place.category.id)! });
}

/**
 * The original text of an item, the page it belongs to, the agency that costs or builds it and its
 * cycle's phase (for the permissions: a draft cycle's ideas and proposals are the PB office's to see);
 * null when there is none.
 */
export async function translatableItem(targetType: TranslatableType, id: string) {
  const select = { id: true, number: true, title: true, description: true };
  const none = { agencyId: null, phase: null };
  if (targetType === "idea") {
    // A hidden idea is the PB office's to see: its text may be why it was hidden.
    const idea = await prisma.idea.findUnique({ where: { id }, select: { ...select, hiddenAt: true, cycle: { select: { phase: true } } } });
    return idea && { id: idea.id, number: idea.number, title: idea.title, description: idea.description, back: `/ideas/${idea.id}`, hidden: idea.hiddenAt !== null, agencyId: null, phase: idea.cycle.phase };
  }
  if (targetType === "proposal") {
    const proposal = await prisma.proposal.findUnique({ where: { id }, select: { ...select, agencyId: true, cycle: { select: { phase: true } } } });
    return proposal && { id: proposal.id, number: proposal.number, title: proposal.title, description: proposal.description, back: `/proposals/${proposal.id}`, hidden: false, agencyId: proposal.agencyId, phase: proposal.cycle.phase };
  }
  // A cycle's and a category's texts are the PB office's: they are kept on the admin cycle page.
  if (targetType === "cycle") {
    const cycle = await prisma.cycle.findUnique({ where: { id }, select: { id: true, slug: true, name: true, description: true } });
    return cycle && { id: cycle.id, number: 0, title: cycle.name, description: cycle.description, back: `/admin/cycles/${cycle.slug}`, hidden: false, ...none };
  }
  // Only a rule the PB office wrote: the standard wording is translated with the app.
  if (targetType === "residency") {
    const cycle = await prisma.cycle.findUnique({ where: { id }, select: { id: true, slug: true, residencyRule: true } });
    return cycle?.residencyRule ? { id: cycle.id, number: 0, title: cycle.residencyRule, description: "", back: `/admin/cycles/${cycle.slug}`, hidden: false, ...none } : null;
  }
  if (targetType === "district") {
    const district = await prisma.district.findUnique({ where: { id }, select: { id: true, name: true, cycle: { select: { slug: true } } } });
    return district && { id: district.id, number: 0, title: district.name, description: "", back: `/admin/cycles/${district.cycle.slug}`, hidden: false, ...none };
  }
  if (targetType === "category") {
    const category = await prisma.category.findUnique({ where: { id }, select: { id: true, name: true, cycle: { select: { slug: true } } } });
    return category && { id: category.id, number: 0, title: category.name, description: "", back: `/admin/cycles/${category.cycle.slug}`, hidden: false, ...none };
  }
  // Agencies are the whole organisation's, listed on the PB office's People page.
  if (targetType === "agency") {
    const agency = await prisma.agency.findUnique({ where: { id }, select: { id: true, name: true } });
    return agency && { id: agency.id, number: 0, title: agency.name, description: "", back: "/admin/people#agencies", hidden: false, ...none };
  }
  if (targetType === "milestone") {
    const milestone = await prisma.projectMilestone.findUnique({ where: { id }, select: { id: true, title: true, project: { select: { id: true, title: true, agencyId: true } } } });
    return milestone && { id: milestone.id, number: 0, title: milestone.title, description: "", back: `/projects/${milestone.project.id}`, hidden: false, agencyId: milestone.project.agencyId, phase: null };
  }
  const update = await prisma.projectUpdate.findUnique({ where: { id }, select: { id: true, note: true, hiddenAt: true, project: { select: { id: true, title: true, agencyId: true } } } });
  // A taken-down update, like a hidden idea, is the PB office's to see.
  return update && { id: update.id, number: 0, title: update.project.title, description: update.note, back: `/projects/${update.project.id}`, hidden: update.hiddenAt !== null, agencyId: update.project.agencyId, phase: null };
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

/** A form's district and category lists, labelled in the reader's language (the values stay the ids). */
export async function choicesInLocale(districts: readonly { id: string; name: string; writtenIn: string }[], categories: readonly { id: string; name: string; writtenIn: string }[], locale: string) {
  const [districtNames, categoryNames] = await Promise.all([districtNamesIn(districts, locale), categoryNamesIn(categories, locale)]);
  return {
    districts: districts.map((d) => choiceOf(d.id, districtNames.get(d.id)!)),
    categories: categories.map((c) => choiceOf(c.id, categoryNames.get(c.id)!)),
  };
}
