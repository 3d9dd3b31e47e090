import { z } from "zod";
import { moneyToCents } from "./money";

/** A positive amount of money typed by a person ("1,250.50"), parsed into integer cents; at most max.cents when given. */
export function moneyField(message: string, max?: { cents: number; message: string }) {
  return z.string({ required_error: message }).transform((v, ctx) => {
    const cents = moneyToCents(v);
    if (cents === null || cents <= 0) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    if (max && cents > max.cents) {
      ctx.addIssue({ code: "custom", message: max.message });
      return z.NEVER;
    }
    return cents;
  });
}

/** Today as YYYY-MM-DD in UTC, the day the date rules compare with (pass `now` in tests). */
export function todayIso(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(v: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

/** A date typed as YYYY-MM-DD that exists; with notAfter, no later than notAfter.today (ISO dates compare as text). */
export function dateField(required: string, invalid: string, notAfter?: { today: string; message: string }) {
  return z.string({ required_error: required }).superRefine((v, ctx) => {
    if (!isCalendarDate(v)) ctx.addIssue({ code: "custom", message: invalid });
    else if (notAfter && v > notAfter.today) ctx.addIssue({ code: "custom", message: notAfter.message });
  });
}
