import { z } from "zod";
import { message } from "../../i18n/message";
import { PROJECT_STATUSES } from "./permissions";

export const projectUpdateInput = z
  .object({
    status: z.enum(PROJECT_STATUSES, { errorMap: () => ({ message: message("projects:errors.chooseStatus") }) }),
    percentComplete: z.coerce
      .number({ invalid_type_error: message("projects:errors.percent") })
      .int(message("projects:errors.percentWhole"))
      .min(0, message("projects:errors.percent"))
      .max(100, message("projects:errors.percent")),
    postedOn: z
      .string({ required_error: message("projects:errors.dateRequired") })
      .regex(/^\d{4}-\d{2}-\d{2}$/, message("projects:errors.date")),
    note: z
      .string({ required_error: message("projects:errors.noteRequired") })
      .trim()
      .min(10, message("projects:errors.noteShort"))
      .max(2000),
  })
  .refine((v) => v.status !== "completed" || v.percentComplete === 100, {
    message: message("projects:errors.completedIs100"),
    path: ["percentComplete"],
  });
