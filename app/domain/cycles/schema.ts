import { z } from "zod";
import { moneyField } from "../fields";
import { ballotRulesInput } from "./rules-schema";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-03-01.")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const districtInput = z.object({
  name: z.string({ required_error: "Give the district a name." }).trim().min(2, "Give the district a name.").max(80),
  budget: moneyField("Enter a budget above zero, e.g. 250000 or 250000.50."),
  population: z.coerce
    .number({ invalid_type_error: "Enter the population as a whole number." })
    .int("Enter the population as a whole number.")
    .min(0, "Population cannot be negative.")
    .default(0),
});

const cycleDetails = z.object({
  name: z.string({ required_error: "Give the cycle a name." }).trim().min(3, "Give the cycle a name of at least 3 characters.").max(120),
  slug: z
    .string({ required_error: "Choose a short web address, e.g. 2027." })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "Use 2–40 lowercase letters, digits or dashes, e.g. 2027-city."),
  description: z.string().trim().max(2000).default(""),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a 3-letter currency code, e.g. USD.").default("USD"),
  votingOpensOn: isoDate,
  votingClosesOn: isoDate,
  districts: z.array(districtInput, { required_error: "Add at least one district." }).min(1, "Add at least one district."),
  categories: z
    .string({ required_error: "List at least one category." })
    .transform((v) => [...new Set(v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(60, "Keep each category under 60 characters.")).min(1, "List at least one category.")),
});

export const createCycleInput = z.intersection(cycleDetails, ballotRulesInput);
export type CreateCycleInput = z.infer<typeof createCycleInput>;
