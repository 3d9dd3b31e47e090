import { z } from "zod";
import { message } from "../i18n/message";
import { moneyProblem, moneyToCents } from "./money";

/**
 * The most any one amount may be: 100 billion in the cycle's currency (a city budgeting in won or
 * forints needs billions). Cents are stored as 64-bit integers but handled as JS numbers, exact
 * to 2^53: this bound keeps even a sum of 900 such amounts exact.
 */
export const MAX_AMOUNT_CENTS = 10_000_000_000_000;

const MONEY_PROBLEMS = {
  decimals: message("common:form.moneyDecimals"),
  decimalComma: message("common:form.moneyDecimalComma"),
  pointThousands: message("common:form.moneyPointThousands"),
  tooLarge: message("common:form.moneyTooLarge", { max: MAX_AMOUNT_CENTS / 100 }),
} as const;

/**
 * A positive amount of money typed by a person ("1,250.50"), parsed into integer cents; at most
 * max.cents when given, and never above MAX_AMOUNT_CENTS. `message` says what to type; a more
 * precise one is given when the amount has three decimals, a decimal comma, points between thousands
 * or too many digits.
 */
export function moneyField(message: string, max?: { cents: number; message: string }) {
  return z.string({ required_error: message }).transform((v, ctx) => {
    const cents = moneyToCents(v);
    const refuse = (text: string) => {
      ctx.addIssue({ code: "custom", message: text });
      return z.NEVER;
    };
    if (cents === null) {
      const problem = moneyProblem(v);
      return refuse(problem ? MONEY_PROBLEMS[problem] : message);
    }
    if (cents <= 0) return refuse(message);
    if (max && cents > max.cents) return refuse(max.message);
    if (cents > MAX_AMOUNT_CENTS) return refuse(MONEY_PROBLEMS.tooLarge);
    return cents;
  });
}

/**
 * A whole number typed by a person, with or without thousands separators ("12,000", "12 000");
 * empty means `empty`. "1e3" or "12.5" are refused: people do not write counts that way.
 */
export function wholeNumberField(opts: { invalid: string; negative: string; max: number; tooLarge: string; empty: number }) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? "").trim();
      if (text === "") return opts.empty;
      if (!/^(\d+|\d{1,3}(?:[, ]\d{3})+)$/.test(text)) {
        ctx.addIssue({ code: "custom", message: /^-\s*\d/.test(text) ? opts.negative : opts.invalid });
        return z.NEVER;
      }
      const n = Number(text.replace(/[, ]/g, ""));
      if (n > opts.max) {
        ctx.addIssue({ code: "custom", message: opts.tooLarge });
        return z.NEVER;
      }
      return n;
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
