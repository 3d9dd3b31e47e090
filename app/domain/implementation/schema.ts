import { z } from "zod";
import { PROJECT_STATUSES } from "./permissions";

export const projectUpdateInput = z
  .object({
    status: z.enum(PROJECT_STATUSES, { errorMap: () => ({ message: "Choose a status." }) }),
    percentComplete: z.coerce
      .number({ invalid_type_error: "Enter a percentage from 0 to 100." })
      .int("Enter a whole percentage from 0 to 100.")
      .min(0, "Enter a percentage from 0 to 100.")
      .max(100, "Enter a percentage from 0 to 100."),
    postedOn: z
      .string({ required_error: "Enter the date of this update." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of this update, e.g. 2027-05-14."),
    note: z
      .string({ required_error: "Say what happened, for the public." })
      .trim()
      .min(10, "Say what happened in at least 10 characters, for the public.")
      .max(2000),
  })
  .refine((v) => v.status !== "completed" || v.percentComplete === 100, {
    message: "A completed project is 100% complete.",
    path: ["percentComplete"],
  });
