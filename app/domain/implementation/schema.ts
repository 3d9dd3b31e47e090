import { z } from "zod";
import { message } from "../../i18n/message";
import { dateField, moneyField } from "../fields";
import { PROJECT_STATUSES } from "./permissions";

// The schemas that take a date done or spent are made for a given day (todayIso() in the route):
// nothing can be done, spent or reported after today.

export const projectUpdateInput = (today: string) => z
  .object({
    status: z.enum(PROJECT_STATUSES, { errorMap: () => ({ message: message("projects:errors.chooseStatus") }) }),
    percentComplete: z.coerce
      .number({ invalid_type_error: message("projects:errors.percent") })
      .int(message("projects:errors.percentWhole"))
      .min(0, message("projects:errors.percent"))
      .max(100, message("projects:errors.percent")),
    postedOn: dateField(message("projects:errors.dateRequired"), message("projects:errors.date"), { today, message: message("projects:errors.dateFuture") }),
    note: z
      .string({ required_error: message("projects:errors.noteRequired") })
      .trim()
      .min(10, message("projects:errors.noteShort"))
      .max(2000, message("projects:errors.noteLong")),
  })
  .refine((v) => v.status !== "completed" || v.percentComplete === 100, {
    message: message("projects:errors.completedIs100"),
    path: ["percentComplete"],
  });

/** The text of an update with a photo: the photo's alt text is required with it. */
export const photoAltInput = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string({ required_error: message("projects:errors.altRequired") }).trim().min(5, message("projects:errors.altShort")).max(300, message("projects:errors.altLong")),
);

// A planned date may be in the future; the date a milestone was done may not.
const actualOn = (today: string) =>
  dateField(message("projects:errors.actualDate"), message("projects:errors.actualDate"), { today, message: message("projects:errors.actualFuture") });
const milestoneId = z.string({ required_error: message("projects:errors.milestoneNotFound") }).min(1, message("projects:errors.milestoneNotFound"));

export const milestoneInput = (today: string) => z.object({
  title: z
    .string({ required_error: message("projects:errors.milestoneTitle") })
    .trim()
    .min(3, message("projects:errors.milestoneTitle"))
    .max(200, message("projects:errors.milestoneTitleLong")),
  plannedOn: dateField(message("projects:errors.plannedRequired"), message("projects:errors.plannedDate")),
  actualOn: actualOn(today).optional(),
});

export const milestoneEditInput = (today: string) => milestoneInput(today).extend({ milestoneId });

export const milestoneDoneInput = (today: string) => z.object({ milestoneId, actualOn: actualOn(today) });

export const spendInput = (today: string) => z.object({
  spentOn: dateField(message("projects:errors.spentOnRequired"), message("projects:errors.spentOn"), { today, message: message("projects:errors.spentOnFuture") }),
  amount: moneyField(message("projects:errors.amount")),
  description: z
    .string({ required_error: message("projects:errors.spendDescription") })
    .trim()
    .min(3, message("projects:errors.spendDescription"))
    .max(300, message("projects:errors.spendDescriptionLong")),
  reference: z.string().trim().max(100, message("projects:errors.reference")).optional(),
});

/** Withdrawing a spending entry recorded by mistake: the reason is shown with it, publicly. */
export const spendWithdrawInput = z.object({
  spendId: z.string({ required_error: message("projects:errors.spendNotFound") }).min(1, message("projects:errors.spendNotFound")),
  reason: z
    .string({ required_error: message("projects:errors.withdrawReason") })
    .trim()
    .min(5, message("projects:errors.withdrawReason"))
    .max(300, message("projects:errors.withdrawReason")),
});
