import { z } from "zod";
import { message } from "../../i18n/message";
import { moneyField } from "../fields";
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

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const isoDate = (required: string, invalid: string) =>
  z.string({ required_error: message(required) }).refine((v) => { try { return isIsoDate(v); } catch { return false; } }, message(invalid));

/** The text of an update with a photo: the photo's alt text is required with it. */
export const photoAltInput = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string({ required_error: message("projects:errors.altRequired") }).trim().min(5, message("projects:errors.altShort")).max(300, message("projects:errors.altLong")),
);

export const milestoneInput = z.object({
  title: z.string({ required_error: message("projects:errors.milestoneTitle") }).trim().min(3, message("projects:errors.milestoneTitle")).max(200),
  plannedOn: isoDate("projects:errors.plannedRequired", "projects:errors.plannedDate"),
  actualOn: isoDate("projects:errors.actualDate", "projects:errors.actualDate").optional(),
});

export const milestoneEditInput = milestoneInput.extend({ milestoneId: z.string().min(1) });

export const milestoneDoneInput = z.object({
  milestoneId: z.string().min(1),
  actualOn: isoDate("projects:errors.actualDate", "projects:errors.actualDate"),
});

export const spendInput = z.object({
  spentOn: isoDate("projects:errors.spentOnRequired", "projects:errors.spentOn"),
  amount: moneyField(message("projects:errors.amount")),
  description: z
    .string({ required_error: message("projects:errors.spendDescription") })
    .trim()
    .min(3, message("projects:errors.spendDescription"))
    .max(300),
  reference: z.string().trim().max(100, message("projects:errors.reference")).optional(),
});

/** Withdrawing a spending entry recorded by mistake: the reason is shown with it, publicly. */
export const spendWithdrawInput = z.object({
  spendId: z.string().min(1),
  reason: z
    .string({ required_error: message("projects:errors.withdrawReason") })
    .trim()
    .min(5, message("projects:errors.withdrawReason"))
    .max(300, message("projects:errors.withdrawReason")),
});
