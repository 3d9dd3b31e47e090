import { z } from "zod";
import { message } from "../../i18n/message";

export const commentInput = z.object({
  targetType: z.enum(["idea", "proposal"]),
  targetId: z.string().min(1).max(40),
  channel: z.enum(["public", "costing"]).default("public"),
  body: z
    .string({ required_error: message("comments:errors.bodyRequired") })
    .trim()
    .min(2, message("comments:errors.bodyRequired"))
    .max(2000, message("comments:errors.bodyTooLong")),
});
export type CommentInput = z.infer<typeof commentInput>;

export const hideInput = z.object({
  commentId: z.string().min(1).max(40),
  reason: z
    .string({ required_error: message("comments:errors.reasonRequired") })
    .trim()
    .min(5, message("comments:errors.reasonRequired"))
    .max(500, message("comments:errors.reasonTooLong")),
});
