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
  name: z.string({ required_error: message("admin:errors.districtName") }).trim().min(2, message("admin:errors.districtName")).max(80, message("common:form.tooLong", { max: 80 })),
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

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Categories typed one per line (or comma-separated): each once. The same name typed twice in other
 * letters ("Parks", "parks") is refused by name, since residents would see two categories.
 */
function categoryList(typed: z.ZodType<string, z.ZodTypeDef, string | undefined>) {
  return typed
    .transform((v) => [...new Set(v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(60, message("admin:errors.categoryLong")))
        .superRefine((names, ctx) => {
          const twice = names.find((n, i) => names.findIndex((m) => sameName(m, n)) !== i);
          if (twice) ctx.addIssue({ code: "custom", message: message("admin:errors.categoryTypedTwice", { name: twice }) });
        }),
    );
}

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
  categories: categoryList(z.string({ required_error: message("admin:errors.categories") })).pipe(z.array(z.string()).min(1, message("admin:errors.categories"))),
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

const categoryName = z.string().trim().min(1, message("admin:errors.categoryEmpty")).max(60, message("admin:errors.categoryLong"));

/**
 * Corrections after creation: the name, the description, district and category names, and (while
 * `addingOpen`, see cyclePermissions.addDistricts) new districts and categories. The web address
 * stays: it is printed on letters and slips. Budgets are changed on the equity split page.
 */
export function cycleEditInput(addingOpen: boolean) {
  return cycleDetails
    .pick({ name: true, description: true })
    .extend({
      // Names are checked in the transform below, with the rest: every problem shows at once.
      districts: z.array(z.object({ id: z.string().min(1).max(40), name: z.string().optional(), remove: z.literal("on").optional() })).default([]),
      categories: z.array(z.object({ id: z.string().min(1).max(40), name: z.string().optional(), remove: z.literal("on").optional() })).default([]),
      newDistrictName: z.string().optional(), // checked below as any district's name
      newDistrictBudget: z.string().optional(),
      newCategories: categoryList(z.string().default("")),
    })
    .transform((v, ctx) => {
      const removing = [...v.districts, ...v.categories].some((x) => x.remove);
      const adding = removing || !!v.newDistrictName || !!v.newDistrictBudget?.trim() || v.newCategories.length > 0;
      if (adding && !addingOpen) {
        ctx.addIssue({ code: "custom", path: [], message: message("admin:details.addingClosed") });
        return z.NEVER;
      }
      let newDistrict: { name: string; budgetCents: number } | null = null;
      if (v.newDistrictName || v.newDistrictBudget?.trim()) {
        const name = districtInput.shape.name.safeParse(v.newDistrictName ?? "");
        const budget = districtInput.shape.budget.safeParse(v.newDistrictBudget ?? "");
        if (!name.success) ctx.addIssue({ code: "custom", path: ["newDistrictName"], message: name.error.issues[0].message });
        if (!budget.success) ctx.addIssue({ code: "custom", path: ["newDistrictBudget"], message: budget.error.issues[0].message });
        if (name.success && budget.success) newDistrict = { name: name.data, budgetCents: budget.data };
      }
      const districts = v.districts.map((d, i) => {
        const name = districtInput.shape.name.safeParse(d.name ?? "");
        if (!name.success) ctx.addIssue({ code: "custom", path: ["districts", i, "name"], message: name.error.issues[0].message });
        return { id: d.id, name: name.success ? name.data : "", remove: !!d.remove };
      });
      const categories = v.categories.map((c, i) => {
        const name = categoryName.safeParse(c.name ?? "");
        if (!name.success) ctx.addIssue({ code: "custom", path: ["categories", i, "name"], message: name.error.issues[0].message });
        return { id: c.id, name: name.success ? name.data : "", remove: !!c.remove };
      });
      // A cycle keeps at least one district and one category (it could not open without them).
      if (districts.length > 0 && !newDistrict && districts.every((d) => d.remove)) ctx.addIssue({ code: "custom", path: ["districts"], message: message("admin:details.keepOneDistrict") });
      if (categories.length > 0 && v.newCategories.length === 0 && categories.every((c) => c.remove)) ctx.addIssue({ code: "custom", path: ["categories"], message: message("admin:details.keepOneCategory") });
      // Names stay distinct (a ballot or a filter with two "North" districts would confuse everyone).
      const districtNames = [...districts.map((d) => d.name), ...(newDistrict ? [newDistrict.name] : [])];
      districtNames.forEach((n, i) => {
        if (!n || districtNames.findIndex((m) => sameName(m, n)) === i) return;
        const path = i < districts.length ? ["districts", i, "name"] : ["newDistrictName"];
        ctx.addIssue({ code: "custom", path, message: message("admin:errors.duplicateDistrict") });
      });
      categories.forEach((c, i) => {
        if (c.name && categories.findIndex((d) => sameName(d.name, c.name)) !== i) {
          ctx.addIssue({ code: "custom", path: ["categories", i, "name"], message: message("admin:errors.duplicateCategory") });
        }
      });
      const taken = v.newCategories.find((n) => categories.some((c) => sameName(c.name, n)));
      if (taken) ctx.addIssue({ code: "custom", path: ["newCategories"], message: message("admin:errors.categoryExists", { name: taken }) });
      return { name: v.name, description: v.description, districts, categories, newDistrict, newCategories: v.newCategories };
    });
}
export type CycleEdit = z.output<ReturnType<typeof cycleEditInput>>;
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
