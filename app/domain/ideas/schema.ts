import { z } from "zod";
import { message } from "../../i18n/message";

export const ideaInput = z.object({
  title: z
    .string({ required_error: message("ideas:errors.titleMissing") })
    .trim()
    .min(5, message("ideas:errors.titleShort"))
    .max(120, message("ideas:errors.titleLong")),
  description: z
    .string({ required_error: message("ideas:errors.descriptionMissing") })
    .trim()
    .min(20, message("ideas:errors.descriptionShort"))
    .max(4000, message("ideas:errors.descriptionLong")),
  districtId: z.string({ required_error: message("ideas:errors.districtMissing") }).min(1, message("ideas:errors.districtMissing")),
  categoryId: z.string({ required_error: message("ideas:errors.categoryMissing") }).min(1, message("ideas:errors.categoryMissing")),
  location: z.string().trim().max(200, message("ideas:errors.locationLong")).default(""),
});
export type IdeaInput = z.infer<typeof ideaInput>;

export const ideaFilter = z.object({
  cycle: z.string().optional(),
  district: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  status: z.enum(["open", "developed", "not_taken_forward"]).optional().catch(undefined),
});

export const ideaDecisionInput = z.object({
  reason: z
    .string({ required_error: message("ideas:errors.reasonMissing") })
    .trim()
    .min(10, message("ideas:errors.reasonShort"))
    .max(1000, message("ideas:errors.reasonLong")),
});

/** Why its author withdraws an idea: optional, shown on the idea. */
export const ideaWithdrawInput = z.object({
  reason: z.string().trim().max(500, message("ideas:errors.withdrawReasonLong")).default(""),
});

export const ideaMergeInput = z.object({
  into: z.coerce
    .number({ invalid_type_error: message("ideas:merge.numberRequired"), required_error: message("ideas:merge.numberRequired") })
    .int(message("ideas:merge.numberRequired"))
    .positive(message("ideas:merge.numberRequired")),
  /** Sent by the confirmation that names the idea it goes into: a typed number alone merges nothing. */
  confirmed: z.literal("yes").optional(),
});

export const ideaHideInput = z.object({
  reason: z
    .string({ required_error: message("ideas:hide.reasonRequired") })
    .trim()
    .min(5, message("ideas:hide.reasonRequired"))
    .max(500, message("ideas:hide.reasonLong")),
});
