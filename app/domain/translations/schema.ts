import { z } from "zod";
import { LOCALES } from "../../i18n/config";
import { message } from "../../i18n/message";
import type { TranslatableType } from "./permissions";

const locale = z.enum(LOCALES, { errorMap: () => ({ message: message("translations:errors.locale") }) });
// A field the item does not have (an update's title, a category's description) is sent empty and stays empty.
const none = z.literal("").default("");

/** A project update has no title of its own: only its note is translated. */
export const updateTranslationInput = z.object({
  locale,
  title: none,
  description: z
    .string({ required_error: message("translations:errors.description") })
    .trim()
    .min(10, message("translations:errors.description"))
    .max(6000, message("translations:errors.descriptionLong")),
});

export const translationInput = z.object({
  locale,
  title: z
    .string({ required_error: message("translations:errors.title") })
    .trim()
    .min(3, message("translations:errors.title"))
    .max(160, message("translations:errors.titleLong")),
  description: z
    .string({ required_error: message("translations:errors.description") })
    .trim()
    .min(10, message("translations:errors.description"))
    .max(6000, message("translations:errors.descriptionLong")),
});

// The PB office's texts keep the limits of the originals (app/domain/cycles/schema.ts): a cycle's name up to
// 120 characters and its description up to 2,000; a category's name up to 60.
const cycleName = z
  .string({ required_error: message("translations:errors.cycleName") })
  .trim()
  .min(3, message("translations:errors.cycleName"))
  .max(120, message("translations:errors.cycleNameLong"));

const cycleTranslationInput = z.object({
  locale,
  title: cycleName,
  description: z
    .string({ required_error: message("translations:errors.cycleDescription") })
    .trim()
    .min(1, message("translations:errors.cycleDescription"))
    .max(2000, message("translations:errors.cycleDescriptionLong")),
});

/** A cycle without a description of its own: only its name. */
const cycleNameTranslationInput = z.object({ locale, title: cycleName, description: none });

/** A text of one line and no description (a name, a rule), from `min` to `max` characters like its original. */
function oneLineTranslation({ min = 1, max }: { min?: number; max: number }, missing: string, tooLong: string) {
  return z.object({
    locale,
    title: z.string({ required_error: missing }).trim().min(min, missing).max(max, tooLong),
    description: none,
  });
}

const categoryTranslationInput = oneLineTranslation({ max: 60 }, message("translations:errors.categoryName"), message("translations:errors.categoryNameLong"));
/** A district's name: as long as the original may be (districtInput in app/domain/cycles/schema.ts). */
const districtTranslationInput = oneLineTranslation({ min: 2, max: 80 }, message("translations:errors.districtName"), message("translations:errors.districtNameLong"));
/** A project milestone's title: as long as the original may be (milestoneInput in app/domain/implementation/schema.ts). */
const milestoneTranslationInput = oneLineTranslation({ min: 3, max: 200 }, message("translations:errors.milestoneTitle"), message("translations:errors.milestoneTitleLong"));
/** An agency's name: as long as a new one may be (grantRoleInput in app/domain/accounts/schema.ts). */
const agencyTranslationInput = oneLineTranslation({ min: 2, max: 100 }, message("translations:errors.agencyName"), message("translations:errors.agencyNameLong"));
/** The residency rule a resident declares they meet before voting: as long as the original may be (app/domain/cycles/schema.ts). */
const residencyTranslationInput = oneLineTranslation({ max: 200 }, message("translations:errors.residencyRule"), message("translations:errors.residencyRuleLong"));

/**
 * Which fields an item has to translate: an update only its note, a milestone only its title, a category
 * (or a cycle without a description) only its name, a residency rule only itself.
 */
export function translatedFields(type: TranslatableType, original: { description: string }) {
  const titleOnly: readonly TranslatableType[] = ["milestone", "category", "district", "residency", "agency"];
  return {
    title: type !== "update",
    description: !titleOnly.includes(type) && (type !== "cycle" || original.description.trim() !== ""),
  };
}

/** The form for translating one item. */
export function translationInputFor(type: TranslatableType, original: { description: string }) {
  if (type === "update") return updateTranslationInput;
  if (type === "milestone") return milestoneTranslationInput;
  if (type === "category") return categoryTranslationInput;
  if (type === "district") return districtTranslationInput;
  if (type === "residency") return residencyTranslationInput;
  if (type === "agency") return agencyTranslationInput;
  if (type === "cycle") return translatedFields(type, original).description ? cycleTranslationInput : cycleNameTranslationInput;
  return translationInput;
}
