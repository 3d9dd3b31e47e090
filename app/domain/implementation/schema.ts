import { z } from "zod";
import { message } from "../../i18n/message";
import { dateField, isCalendarDate, moneyField } from "../fields";
import { PROJECT_STATUSES } from "./permissions";

// The schemas are made for a given day (todayIso() in the route): nothing can be done, spent or reported
// after today, and no date may lie outside a project's plausible life (a slip like 0001 or 9999 would
// show "739,946 days late" publicly).
const YEARS_BACK = 10;
const YEARS_AHEAD = 30;
const shiftYears = (day: string, years: number) => `${String(Number(day.slice(0, 4)) + years).padStart(4, "0")}${day.slice(4)}`;
/** Refines a date field (already a real date) to lie within the plausible window around today. */
const plausible = (today: string) => (v: string, ctx: z.RefinementCtx) => {
  if (!isCalendarDate(v)) return; // already refused as not a date
  if (v < shiftYears(today, -YEARS_BACK)) ctx.addIssue({ code: "custom", message: message("projects:errors.dateTooEarly", { years: YEARS_BACK }) });
  else if (v > shiftYears(today, YEARS_AHEAD)) ctx.addIssue({ code: "custom", message: message("projects:errors.dateTooLate", { years: YEARS_AHEAD }) });
};

export const projectUpdateInput = (today: string) => z
  .object({
    status: z.enum(PROJECT_STATUSES, { errorMap: () => ({ message: message("projects:errors.chooseStatus") }) }),
    percentComplete: z.coerce
      .number({ invalid_type_error: message("projects:errors.percent") })
      .int(message("projects:errors.percentWhole"))
      .min(0, message("projects:errors.percent"))
      .max(100, message("projects:errors.percent")),
    postedOn: dateField(message("projects:errors.dateRequired"), message("projects:errors.date"), { today, message: message("projects:errors.dateFuture") }).superRefine(plausible(today)),
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
  dateField(message("projects:errors.actualDate"), message("projects:errors.actualDate"), { today, message: message("projects:errors.actualFuture") }).superRefine(plausible(today));
const milestoneId = z.string({ required_error: message("projects:errors.milestoneNotFound") }).min(1, message("projects:errors.milestoneNotFound"));

export const milestoneInput = (today: string) => z.object({
  title: z
    .string({ required_error: message("projects:errors.milestoneTitle") })
    .trim()
    .min(3, message("projects:errors.milestoneTitle"))
    .max(200, message("projects:errors.milestoneTitleLong")),
  plannedOn: dateField(message("projects:errors.plannedRequired"), message("projects:errors.plannedDate")).superRefine(plausible(today)),
  actualOn: actualOn(today).optional(),
});

export const milestoneEditInput = (today: string) => milestoneInput(today).extend({ milestoneId });

export const milestoneDoneInput = (today: string) => z.object({ milestoneId, actualOn: actualOn(today) });

/** `budgetCents`: the project's budget; one entry of more than twice that is taken for a typing slip. */
export const spendInput = (today: string, budgetCents: number) => z.object({
  spentOn: dateField(message("projects:errors.spentOnRequired"), message("projects:errors.spentOn"), { today, message: message("projects:errors.spentOnFuture") }).superRefine(plausible(today)),
  amount: moneyField(message("projects:errors.amount"), { cents: 2 * budgetCents, message: message("projects:errors.amountTooLarge") }),
  description: z
    .string({ required_error: message("projects:errors.spendDescription") })
    .trim()
    .min(3, message("projects:errors.spendDescription"))
    .max(300, message("projects:errors.spendDescriptionLong")),
  reference: z.string().trim().max(100, message("projects:errors.reference")).optional(),
});

/** An entry (by its id field) withdrawn with a public reason of 5 to 300 characters. */
function withdrawalInput<K extends string>(idField: K, notFound: string, reasonMessage: string) {
  return z.object({
    [idField]: z.string({ required_error: notFound }).min(1, notFound),
    reason: z.string({ required_error: reasonMessage }).trim().min(5, reasonMessage).max(300, reasonMessage),
  } as Record<K | "reason", z.ZodString>);
}

/** Taking down an update, or only its photo: the reason is shown in its place, publicly. */
export const updateTakeDownInput = withdrawalInput("updateId", message("projects:errors.updateNotFound"), message("projects:errors.takeDownReason")).extend({
  what: z.enum(["update", "photo"]).default("update"),
});

/** Dropping a milestone from the plan: the reason is shown with it, publicly. */
export const milestoneDropInput = withdrawalInput("milestoneId", message("projects:errors.milestoneNotFound"), message("projects:errors.dropReason"));

/** Withdrawing a spending entry recorded by mistake: the reason is shown with it, publicly. */
export const spendWithdrawInput = withdrawalInput("spendId", message("projects:errors.spendNotFound"), message("projects:errors.withdrawReason"));
