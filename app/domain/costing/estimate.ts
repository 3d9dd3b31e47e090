import { z } from "zod";
import { message } from "../../i18n/message";
import { MAX_AMOUNT_CENTS, moneyField } from "../fields";

export interface LineItem {
  description: string;
  quantity: number;
  unitCostCents: number;
  /** A recurring annual cost (maintenance, staff hours) rather than a one-off. */
  recurring?: boolean;
}

export const MAX_CONTINGENCY_PERCENT = 50;

export function lineTotal(item: Pick<LineItem, "quantity" | "unitCostCents">): number {
  return item.quantity * item.unitCostCents;
}

/**
 * The contingency on the one-off cost, in whole cents: oneOffCents × percent / 100 rounded to the
 * nearest cent, halves rounded up (amounts are never negative, so "half up" is "half away from zero").
 * Exact: computed with BigInt, no floating point. 12.345 cents → 12 cents, 12.5 → 13.
 */
export function contingencyOf(oneOffCents: number, percent: number): number {
  if (!Number.isSafeInteger(oneOffCents) || oneOffCents < 0) throw new RangeError("oneOffCents must be a non-negative whole number of cents");
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError("percent must be a whole number from 0 to 100");
  return Number((BigInt(oneOffCents) * BigInt(percent) + 50n) / 100n);
}

export interface EstimateTotals {
  /** one-off lines added up */
  oneOffCents: number;
  contingencyPercent: number;
  /** contingencyOf(oneOffCents, contingencyPercent) */
  contingencyCents: number;
  /** what the ballot shows and voters fund: one-off + contingency */
  totalCents: number;
  /** recurring lines added up: the cost per year after it is built (no contingency; not on the ballot) */
  recurringCents: number;
}

/** Every figure of an estimate, computed from its lines and contingency; never typed. */
export function estimateTotals(items: readonly Pick<LineItem, "quantity" | "unitCostCents" | "recurring">[], contingencyPercent: number): EstimateTotals {
  let oneOffCents = 0;
  let recurringCents = 0;
  for (const item of items) {
    if (item.recurring) recurringCents += lineTotal(item);
    else oneOffCents += lineTotal(item);
  }
  const contingencyCents = contingencyOf(oneOffCents, contingencyPercent);
  return { oneOffCents, contingencyPercent, contingencyCents, totalCents: oneOffCents + contingencyCents, recurringCents };
}

/** The most an estimate, or any line of it, may come to: the most any amount may be (see MAX_AMOUNT_CENTS). */
export const MAX_ESTIMATE_CENTS = MAX_AMOUNT_CENTS;
const MAX_QUANTITY = 1_000_000;

const quantityField = z.coerce
  .number({ invalid_type_error: message("costing:errors.quantityNotWhole") })
  .int(message("costing:errors.quantityNotWhole"))
  .min(1, message("costing:errors.quantityTooSmall"))
  .max(MAX_QUANTITY, message("costing:errors.quantityTooLarge", { max: MAX_QUANTITY }));
const unitCostField = moneyField(message("costing:errors.unitCost"), {
  cents: MAX_ESTIMATE_CENTS,
  message: message("costing:errors.unitCostTooLarge", { max: MAX_ESTIMATE_CENTS / 100 }),
});
// "10%" is read as 10: the sign is what people type after a percentage.
const contingencyField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(/\s*%$/, "") : v),
  z.coerce
    .number({ invalid_type_error: message("costing:errors.contingency", { max: MAX_CONTINGENCY_PERCENT }) })
    .int(message("costing:errors.contingency", { max: MAX_CONTINGENCY_PERCENT }))
    .min(0, message("costing:errors.contingency", { max: MAX_CONTINGENCY_PERCENT }))
    .max(MAX_CONTINGENCY_PERCENT, message("costing:errors.contingency", { max: MAX_CONTINGENCY_PERCENT }))
    .default(0),
);

const lineItemInput = z.object({
  description: z
    .string({ required_error: message("costing:errors.descriptionMissing") })
    .trim()
    .min(2, message("costing:errors.descriptionMissing"))
    .max(200, message("costing:errors.descriptionLong")),
  quantity: quantityField,
  unitCost: unitCostField,
  recurring: z.boolean().optional(),
});

const isWhole = (n: unknown, min: number, max: number): n is number => typeof n === "number" && Number.isInteger(n) && n >= min && n <= max;

/** A line's total in cents once its figures are whole and within bounds; otherwise why it does not count. */
function boundedLineCents(quantity: unknown, unitCost: unknown): number | "invalid" | "tooLarge" {
  if (!isWhole(quantity, 1, MAX_QUANTITY) || !isWhole(unitCost, 1, MAX_ESTIMATE_CENTS)) return "invalid";
  // The product may round above 2^53, but doubles round monotonically: the comparison is still right.
  const cents = quantity * unitCost;
  return cents > MAX_ESTIMATE_CENTS ? "tooLarge" : cents;
}

/**
 * Each line and the totals at most MAX_ESTIMATE_CENTS, reported next to the line or below the lines.
 * The totals, or null when they cannot be known: zod runs refinements even when a field failed, with
 * its raw value (-3, NaN), so a line whose own field failed is not counted (its error is already there).
 * With skipBlank (recalculating), a line missing a figure is not finished yet and is left out.
 */
function boundedTotals(
  items: readonly { quantity?: unknown; unitCost?: unknown; recurring?: boolean }[],
  contingencyPercent: unknown,
  ctx: z.RefinementCtx,
  { skipBlank = false } = {},
): EstimateTotals | null {
  const lines: Pick<LineItem, "quantity" | "unitCostCents" | "recurring">[] = [];
  let countable = true;
  items.forEach((item, index) => {
    if (skipBlank && (item.quantity === undefined || item.unitCost === undefined)) return;
    const cents = boundedLineCents(item.quantity, item.unitCost);
    if (cents === "tooLarge") {
      ctx.addIssue({ code: "custom", message: message("costing:errors.lineTooLarge", { max: MAX_ESTIMATE_CENTS / 100 }), path: ["items", index, "unitCost"] });
    }
    if (typeof cents !== "number") {
      countable = false;
      return;
    }
    lines.push({ quantity: item.quantity as number, unitCostCents: item.unitCost as number, recurring: item.recurring });
  });
  if (!countable) return null;
  const totals = estimateTotals(lines, isWhole(contingencyPercent, 0, MAX_CONTINGENCY_PERCENT) ? contingencyPercent : 0);
  if (totals.totalCents > MAX_ESTIMATE_CENTS || totals.recurringCents > MAX_ESTIMATE_CENTS) {
    ctx.addIssue({ code: "custom", message: message("costing:errors.totalTooLarge", { max: MAX_ESTIMATE_CENTS / 100 }), path: ["items"] });
    return null;
  }
  return totals;
}

/** What "Recalculate total" checks: the figures typed so far (a blank one is a line not finished yet), nothing else. */
export const recalculateInput = z
  .object({
    items: z
      .array(z.object({ quantity: quantityField.optional(), unitCost: unitCostField.optional(), recurring: z.boolean().optional() }))
      .max(100, message("costing:errors.itemsTooMany"))
      .default([]),
    contingencyPercent: contingencyField,
  })
  .superRefine((v, ctx) => void boundedTotals(v.items, v.contingencyPercent, ctx, { skipBlank: true }));

const typedFigures = z.object({ quantity: quantityField, unitCost: unitCostField });

/**
 * The estimate page's live total while someone types: each line's total, null ("—") until its figures
 * are valid, and the totals of the valid lines. Never throws, whatever is typed.
 */
export function typedEstimate(
  lines: readonly { quantity?: unknown; unitCost?: unknown; recurring?: boolean }[],
  contingencyPercent: unknown,
): { lineCents: (number | null)[]; totals: EstimateTotals } {
  const counted = lines.map((line) => {
    const figures = typedFigures.safeParse({ quantity: line.quantity, unitCost: line.unitCost });
    if (!figures.success) return null;
    const { quantity, unitCost } = figures.data;
    const cents = boundedLineCents(quantity, unitCost);
    return typeof cents === "number" ? { quantity, unitCostCents: unitCost, recurring: line.recurring, cents } : null;
  });
  const percent = contingencyField.safeParse(contingencyPercent);
  return {
    lineCents: counted.map((line) => line?.cents ?? null),
    // At most 2,000,000,000 cents a line: thousands of lines still add up exactly.
    totals: estimateTotals(counted.filter((line) => line !== null), percent.success ? percent.data : 0),
  };
}

export const CHECK_OUTCOMES = ["met", "not_met", "not_applicable"] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** A cycle's eligibility criterion: "manual" ones are answered by staff; "district_budget" is computed. */
export interface Criterion {
  id: string;
  label: string;
  kind: string;
}

const checkInput = z.object({
  criterionId: z.string({ required_error: message("costing:errors.checkUnknown") }).max(40),
  outcome: z.enum(CHECK_OUTCOMES, { errorMap: () => ({ message: message("costing:errors.checkOutcomeMissing") }) }).optional(),
  note: z.string().trim().max(300, message("costing:errors.checkNoteLong")).optional(),
});

/** The district-budget criterion, computed: met when the total (with contingency) fits the district's budget. */
export function budgetOutcome(totalCents: number, districtBudgetCents: number): CheckOutcome {
  return totalCents <= districtBudgetCents ? "met" : "not_met";
}

/** A line as typed: read (and refused) by lineItemInput once the whole form is in, see costEstimateInput. */
const typedLine = z.object({ description: z.string().optional(), quantity: z.string().optional(), unitCost: z.string().optional(), recurring: z.boolean().optional() });

/**
 * The estimate form's schema for one proposal: its cycle's criteria (every manual criterion needs an
 * outcome; "not met" needs a note) and its district's budget (the budget criterion is computed, and
 * a proposal failing any criterion cannot be found feasible).
 */
export function costEstimateInput(criteria: readonly Criterion[] = [], districtBudgetCents = Number.MAX_SAFE_INTEGER) {
  return z
    .object({
      // The lines and the contingency are read below, beside the checklist and the verdict: a mistyped
      // figure must not keep the checklist's errors back until a second try.
      items: z
        .array(typedLine, { required_error: message("costing:errors.itemsMissing") })
        .min(1, message("costing:errors.itemsMissing"))
        .max(100, message("costing:errors.itemsTooMany")),
      contingencyPercent: z.string().optional(),
      checks: z.array(checkInput).max(50).default([]),
      // A missing verdict or explanation is reported below too, for the same reason.
      verdict: z.enum(["feasible", "not_feasible"], { errorMap: () => ({ message: message("costing:errors.verdictMissing") }) }).optional(),
      publicReason: z.string().trim().max(2000, message("costing:errors.reasonLong")).default(""),
    })
    .transform((v, ctx) => {
      let refused = false;
      const refuse = (text: string, path: (string | number)[]) => {
        refused = true;
        ctx.addIssue({ code: "custom", message: text, path });
      };
      const items = v.items.map((raw, index) => {
        const line = lineItemInput.safeParse(raw);
        if (!line.success) for (const issue of line.error.issues) refuse(issue.message, ["items", index, ...issue.path]);
        return line.success ? line.data : null;
      });
      const contingency = contingencyField.safeParse(v.contingencyPercent);
      if (!contingency.success) refuse(contingency.error.issues[0].message, ["contingencyPercent"]);
      if (!v.verdict) refuse(message("costing:errors.verdictMissing"), ["verdict"]);
      if (!v.publicReason) refuse(message("costing:errors.reasonMissing"), ["publicReason"]);
      else if (v.publicReason.length < 20) refuse(message("costing:errors.reasonShort"), ["publicReason"]);
      const lines = items.every((i) => i !== null) ? items.filter((i) => i !== null) : null;
      const counted = lines && contingency.success ? boundedTotals(lines, contingency.data, ctx) : null;
      if (lines && contingency.success && !counted) refused = true; // boundedTotals said why
      let failed = !!counted && counted.totalCents > districtBudgetCents && criteria.some((c) => c.kind === "district_budget");
      const known = new Set(criteria.map((c) => c.id));
      v.checks.forEach((check) => {
        if (!known.has(check.criterionId)) refuse(message("costing:errors.checkUnknown"), ["checks"]);
      });
      criteria.forEach((criterion) => {
        if (criterion.kind === "district_budget") return;
        const index = v.checks.findIndex((c) => c.criterionId === criterion.id);
        const check = index === -1 ? undefined : v.checks[index];
        if (!check?.outcome) {
          refuse(message("costing:errors.checkOutcomeMissing"), index === -1 ? ["checks"] : ["checks", index, "outcome"]);
          return;
        }
        if (check.outcome === "not_met") {
          failed = true;
          if (!check.note) refuse(message("costing:errors.checkNoteMissing"), ["checks", index, "note"]);
        }
      });
      if (failed && v.verdict === "feasible") refuse(message("costing:errors.feasibleButFails"), ["verdict"]);
      if (refused || !lines || !contingency.success || !v.verdict) return z.NEVER;
      const lineItems = lines.map((i) => ({ description: i.description, quantity: i.quantity, unitCostCents: i.unitCost, recurring: i.recurring ?? false }));
      const totals = estimateTotals(lineItems, contingency.data);
      const checks = criteria.map((c, position) => {
        if (c.kind === "district_budget") return { criterionId: c.id, position, label: c.label, kind: c.kind, outcome: budgetOutcome(totals.totalCents, districtBudgetCents), note: "" };
        const check = v.checks.find((x) => x.criterionId === c.id)!;
        return { criterionId: c.id, position, label: c.label, kind: c.kind, outcome: check.outcome!, note: check.note ?? "" };
      });
      return { lineItems, contingencyPercent: contingency.data, checks, verdict: v.verdict, publicReason: v.publicReason };
    });
}
export type CostEstimateInput = z.infer<ReturnType<typeof costEstimateInput>>;

/** The cycle's criteria as an admin types them: one per line; blank lines dropped. */
export const criteriaInput = z.object({
  criteria: z
    .string({ required_error: message("costing:errors.criteriaMissing") })
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().min(3, message("costing:errors.criterionShort")).max(120, message("costing:errors.criterionLong")))
        .min(1, message("costing:errors.criteriaMissing"))
        .max(20, message("costing:errors.criteriaTooMany")),
    ),
  budgetCheck: z.boolean().optional(),
});

/** Sensible defaults for a new cycle (the budget one is computed). */
export const DEFAULT_CRITERIA: readonly { label: string; kind: "manual" | "district_budget"; key: string }[] = [
  { label: "On public land", kind: "manual", key: "costing:defaultCriteria.publicLand" },
  { label: "Within the agency's remit", kind: "manual", key: "costing:defaultCriteria.remit" },
  { label: "Useful life of at least 5 years", kind: "manual", key: "costing:defaultCriteria.usefulLife" },
  { label: "Cost within the district budget", kind: "district_budget", key: "costing:defaultCriteria.districtBudget" },
];

/**
 * The words for a criterion in the reader's language: the app's own defaults (and the computed budget
 * check) are translated; a criterion the PB office wrote itself is shown as written.
 */
export function criterionLabel(criterion: { label: string; kind: string }, t: (key: string) => string): string {
  const known = criterion.kind === "district_budget" ? DEFAULT_CRITERIA.find((c) => c.kind === "district_budget") : DEFAULT_CRITERIA.find((c) => c.label === criterion.label);
  return known ? t(known.key) : criterion.label;
}

/** Where a proposal stands on the costing dashboard. */
export type CostingStage = "waiting" | "in_progress" | "done";

export function costingStage(proposal: { status: string; estimates: number }): CostingStage {
  // A verdict either way is the agency's part done: "not feasible" is the delegates' to revise now.
  if (proposal.status === "feasible" || proposal.status === "not_feasible") return "done";
  if (proposal.status === "costing" && proposal.estimates === 0) return "waiting";
  // re-sent after a "not feasible", or being revised by its delegates after one
  return "in_progress";
}

/** Whole days since it was sent for costing, until its verdict when it has one (floor; never negative). */
export function daysWaiting(sentAt: Date | null, until: Date): number {
  if (!sentAt) return 0;
  return Math.max(0, Math.floor((until.getTime() - sentAt.getTime()) / 86_400_000));
}

/** Why staff hand a proposal back as not their agency's work: read by the delegates and the PB office. */
export const handBackInput = z.object({
  reason: z
    .string({ required_error: message("costing:handBack.errors.reason") })
    .trim()
    .min(10, message("costing:handBack.errors.reason"))
    .max(1000, message("costing:handBack.errors.reasonLong")),
});
