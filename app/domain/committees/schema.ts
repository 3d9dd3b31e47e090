import { z } from "zod";
import { message } from "../../i18n/message";

const optionalId = z
  .string()
  .max(40)
  .optional()
  .transform((v) => (v ? v : null));

export const committeeInput = z.object({
  name: z
    .string({ required_error: message("committees:errors.name") })
    .trim()
    .min(3, message("committees:errors.name"))
    .max(80, message("committees:errors.nameLong")),
  districtId: optionalId,
  categoryId: optionalId,
});

export const memberInput = z.object({
  committeeId: z.string().min(1).max(40),
  userId: z.string({ required_error: message("committees:errors.member") }).min(1, message("committees:errors.member")).max(40),
});
