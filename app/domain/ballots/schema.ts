import { z } from "zod";

export const voterCodeInput = z.object({
  code: z.string({ required_error: "Enter the voter code from your letter." }).trim().min(1, "Enter the voter code from your letter.").max(40, "That is too long for a voter code."),
});

/** The ballot form: which step, and the chosen projects (any number of `project` fields). */
export const ballotFormInput = z.object({
  intent: z.enum(["review", "confirm", "change"]),
  project: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(64)).max(200)),
});
