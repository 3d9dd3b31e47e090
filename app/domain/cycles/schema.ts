import { z } from "zod";
import { message } from "../../i18n/message";
import { isCalendarDate, moneyField, wholeNumberField } from "../fields";
import { ballotRulesInput } from "./rules-schema";

const isoDate = z
  .string()
  .trim()
  .refine(isCalendarDate, message("admin:errors.date"))
  .optional()
  .or(z.literal("").transform(() => undefined));

/** More people than any district of any city has: a typing slip. */
const MAX_POPULATION = 100_000_000;

export const districtInput = z.object({
  name: z.string({ required_error: message("admin:errors.districtName") }).trim().min(2, message("admin:errors.districtName")).max(80),
  budget: moneyField(message("admin:errors.budget")),
  population: wholeNumberField({
    invalid: message("admin:errors.populationWhole"),
    negative: message("admin:errors.populationNegative"),
    max: MAX_POPULATION,
    tooLarge: message("admin:errors.populationTooLarge", { max: MAX_POPULATION }),
    empty: 0,
  }),
});

/** Words the cycle pages use after /admin/cycles/: a cycle there could never be reached. */
const RESERVED_SLUGS = ["new"];
/** ISO 4217 codes this runtime can format (a made-up code would show as "XYZ 100,000" everywhere). */
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

const cycleDetails = z.object({
  name: z.string({ required_error: message("admin:errors.cycleName") }).trim().min(3, message("admin:errors.cycleNameShort")).max(120, message("common:form.tooLong", { max: 120 })),
  slug: z
    .string({ required_error: message("admin:errors.slugRequired") })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, message("admin:errors.slug"))
    .refine((slug) => !RESERVED_SLUGS.includes(slug), message("admin:errors.slugReserved")),
  description: z.string().trim().max(2000, message("common:form.tooLong", { max: 2000 })).default(""),
  currency: z.string().trim().toUpperCase().refine((code) => CURRENCIES.has(code), message("admin:errors.currency")).default("USD"),
  districts: z.array(districtInput, { required_error: message("admin:errors.addDistrict") }).min(1, message("admin:errors.addDistrict")),
  categories: z
    .string({ required_error: message("admin:errors.categories") })
    .transform((v) => [...new Set(v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(60, message("admin:errors.categoryLong"))).min(1, message("admin:errors.categories"))),
});

// Voting may not close before it opens (the same day is a one-day vote; ISO dates compare as text), nor
// before today: residents would read "voting closes" on a day already gone. An object of its own: zod
// skips an object's refine while any of its fields is missing, and these errors should show at once.
const today = () => new Date().toISOString().slice(0, 10);
export const votingDatesInput = z
  .object({ votingOpensOn: isoDate, votingClosesOn: isoDate })
  .refine((v) => !v.votingClosesOn || v.votingClosesOn >= today(), { path: ["votingClosesOn"], message: message("admin:errors.closesInPast") })
  .refine((v) => !v.votingOpensOn || !v.votingClosesOn || v.votingClosesOn >= v.votingOpensOn, {
    path: ["votingClosesOn"],
    message: message("admin:errors.closesBeforeOpens"),
  });

export const createCycleInput = cycleDetails.and(votingDatesInput).and(ballotRulesInput);
export type CreateCycleInput = z.infer<typeof createCycleInput>;

/** Whether signed-in residents may vote, and what they must declare first. */
export const eligibilityInput = z.object({
  accountVoting: z.literal("yes").optional().transform((v) => v === "yes"),
  minAge: z.coerce
    .number({ invalid_type_error: message("admin:eligibility.errors.minAge") })
    .int(message("admin:eligibility.errors.minAge"))
    .min(0, message("admin:eligibility.errors.minAge"))
    .max(120, message("admin:eligibility.errors.minAge"))
    .default(0),
  residencyRule: z.string().trim().max(200, message("admin:eligibility.errors.ruleLong")).default(""),
});
