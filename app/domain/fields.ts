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
