import { z } from "zod";

export const generateCodesInput = z.object({
  districtId: z.string({ required_error: "Choose a district." }).min(1, "Choose a district."),
  count: z.coerce
    .number({ invalid_type_error: "Enter how many codes, e.g. 500." })
    .int("Enter a whole number of codes.")
    .min(1, "Generate at least 1 code.")
    .max(20000, "Generate at most 20,000 codes at a time."),
  label: z.string().trim().max(100).default("").transform((v) => v || "Batch"),
});

export const voidCodeInput = z.object({
  code: z.string({ required_error: "Enter the voter code to void." }).trim().min(1, "Enter the voter code to void.").max(40),
  reason: z.string({ required_error: "Say why, for the audit log (e.g. “letter returned”)." }).trim().min(3, "Say why, for the audit log (e.g. “letter returned”).").max(200),
});
