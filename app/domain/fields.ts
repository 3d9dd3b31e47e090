import { z } from "zod";
import { moneyToCents } from "./money";

/** A positive amount of money typed by a person ("1,250.50"), parsed into integer cents. */
export function moneyField(message: string) {
  return z.string({ required_error: message }).transform((v, ctx) => {
    const cents = moneyToCents(v);
    if (cents === null || cents <= 0) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return cents;
  });
}
