import { z } from "zod";
import { LOCALES } from "../../i18n/config";
import { message } from "../../i18n/message";

/** A project update has no title of its own: only its note is translated. */
export const updateTranslationInput = z.object({
  locale: z.enum(LOCALES, { errorMap: () => ({ message: message("translations:errors.locale") }) }),
  title: z.literal("").default(""),
  description: z
    .string({ required_error: message("translations:errors.description") })
    .trim()
    .min(10, message("translations:errors.description"))
    .max(6000, message("translations:errors.descriptionLong")),
});

export const translationInput = z.object({
  locale: z.enum(LOCALES, { errorMap: () => ({ message: message("translations:errors.locale") }) }),
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
