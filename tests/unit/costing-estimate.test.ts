import { describe, expect, it } from "vitest";
import { budgetOutcome, contingencyOf, costEstimateInput, costingStage, criteriaInput, daysWaiting, estimateTotals, MAX_ESTIMATE_CENTS, recalculateInput, typedEstimate } from "~/domain/costing/estimate";
import { costingPermissions } from "~/domain/costing/permissions";
import type { Actor } from "~/domain/auth/roles";

describe("estimate totals", () => {
  it("adds one-off lines, puts the contingency on them only, and keeps recurring lines apart", () => {
    const totals = estimateTotals(
      [
        { quantity: 30, unitCostCents: 180_00 },
        { quantity: 1, unitCostCents: 4_200_00 },
        { quantity: 1, unitCostCents: 2_400_00, recurring: true },
      ],
      10,
    );
    expect(totals).toEqual({ oneOffCents: 9_600_00, contingencyPercent: 10, contingencyCents: 960_00, totalCents: 10_560_00, recurringCents: 2_400_00 });
  });

  it("rounds the contingency to the nearest cent, halves up", () => {
    expect(contingencyOf(1_234, 10)).toBe(123); // 123.4 → 123
    expect(contingencyOf(1_235, 10)).toBe(124); // 123.5 → 124 (half up)
    expect(contingencyOf(1_236, 10)).toBe(124); // 123.6 → 124
    expect(contingencyOf(5, 10)).toBe(1); // 0.5 → 1
    expect(contingencyOf(4, 10)).toBe(0); // 0.4 → 0
    expect(contingencyOf(333, 15)).toBe(50); // 49.95 → 50
    expect(contingencyOf(0, 25)).toBe(0);
    expect(contingencyOf(1_999_99, 0)).toBe(0);
  });

  it("is exact for large amounts (no floating point)", () => {
    // 9,007,199,254,740,991 × 7 overflows a double's integers; BigInt keeps it exact.
    expect(contingencyOf(Number.MAX_SAFE_INTEGER, 7)).toBe(Number((BigInt(Number.MAX_SAFE_INTEGER) * 7n + 50n) / 100n));
    expect(contingencyOf(10_000_000_00, 33)).toBe(3_300_000_00);
  });

  it("refuses a negative or fractional percent", () => {
    expect(() => contingencyOf(100, -1)).toThrow(RangeError);
    expect(() => contingencyOf(100, 7.5)).toThrow(RangeError);
    expect(() => contingencyOf(-1, 10)).toThrow(RangeError);
  });

  it("an estimate of recurring lines only has a zero total for the ballot", () => {
    expect(estimateTotals([{ quantity: 12, unitCostCents: 3_000_00, recurring: true }], 20)).toMatchObject({ totalCents: 0, contingencyCents: 0, recurringCents: 36_000_00 });
  });
});

describe("the live total while someone types", () => {
  it("skips lines that are not valid yet and never throws", () => {
    const typed = typedEstimate(
      [
        { quantity: "-3", unitCost: "4500" },
        { quantity: "1000000", unitCost: "999999999999" },
        { quantity: "1000000", unitCost: "250,000" }, // each figure fine, the line far too large
        { quantity: "1.5", unitCost: "4500.999" },
        { quantity: "4", unitCost: "-2100" },
        { quantity: "", unitCost: undefined },
        { quantity: "2", unitCost: "1,000" },
        { quantity: "1", unitCost: "300", recurring: true },
      ],
      "10",
    );
    expect(typed.lineCents).toEqual([null, null, null, null, null, null, 2_000_00, 300_00]);
    expect(typed.totals).toEqual({ oneOffCents: 2_000_00, contingencyPercent: 10, contingencyCents: 200_00, totalCents: 2_200_00, recurringCents: 300_00 });
  });

  it("a contingency that is not valid yet counts as none", () => {
    expect(typedEstimate([{ quantity: "1", unitCost: "100" }], "-5").totals).toMatchObject({ contingencyPercent: 0, totalCents: 100_00 });
    expect(typedEstimate([{ quantity: "1", unitCost: "100" }], "abc").totals).toMatchObject({ contingencyPercent: 0, totalCents: 100_00 });
  });
});

describe("the estimate form", () => {
  const criteria = [
    { id: "land", label: "On public land", kind: "manual" },
    { id: "life", label: "Useful life of at least 5 years", kind: "manual" },
    { id: "budget", label: "Cost within the district budget", kind: "district_budget" },
  ];
  const base = {
    items: [{ description: "Trees", quantity: "10", unitCost: "1000" }, { description: "Watering", quantity: "1", unitCost: "500", recurring: true }],
    contingencyPercent: "10",
    checks: [{ criterionId: "land", outcome: "met" }, { criterionId: "life", outcome: "not_applicable", note: "Planting" }],
    verdict: "feasible",
    publicReason: "City land, our remit, recent prices for trees.",
  };
  const parse = (value: unknown, budget = 100_000_00) => costEstimateInput(criteria, budget).safeParse(value);

  it("computes the totals and the budget criterion; never reads a typed total", () => {
    const result = parse({ ...base, totalCents: 1 });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.lineItems[1].recurring).toBe(true);
    expect(result.data.checks.map((c) => [c.label, c.outcome])).toEqual([
      ["On public land", "met"],
      ["Useful life of at least 5 years", "not_applicable"],
      ["Cost within the district budget", "met"],
    ]);
  });

  it("refuses a missing outcome, a 'not met' without a note, and 'feasible' when a criterion fails", () => {
    const missing = parse({ ...base, checks: [{ criterionId: "land", outcome: "met" }, { criterionId: "life" }] });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join("."))).toContain("checks.1.outcome");
    const noNote = parse({ ...base, checks: [{ criterionId: "land", outcome: "not_met" }, { criterionId: "life", outcome: "met" }] });
    expect(noNote.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["checks.0.note", "costing:errors.checkNoteMissing"],
      ["verdict", "costing:errors.feasibleButFails"],
    ]);
    const overBudget = parse(base, 5_000_00);
    expect(overBudget.error?.issues.map((i) => i.message)).toEqual(["costing:errors.feasibleButFails"]);
    expect(parse({ ...base, verdict: "not_feasible" }, 5_000_00).success).toBe(true);
  });

  it("reports every error on the first save: the checklist's too, when the verdict and explanation are missing", () => {
    // As a browser sends it: a field left empty is not sent at all.
    const result = parse({ items: [{ description: "Trees", quantity: "-3", unitCost: "100" }], contingencyPercent: "150", checks: [{ criterionId: "land", outcome: "not_met" }, { criterionId: "life" }] });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message.split("|")[0]]).sort()).toEqual([
      ["checks.0.note", "costing:errors.checkNoteMissing"],
      ["checks.1.outcome", "costing:errors.checkOutcomeMissing"],
      ["contingencyPercent", "costing:errors.contingency"],
      ["items.0.quantity", "costing:errors.quantityTooSmall"],
      ["publicReason", "costing:errors.reasonMissing"],
      ["verdict", "costing:errors.verdictMissing"],
    ]);
  });

  it("reports the checklist's errors on the first save even beside a figure that cannot be read at all", () => {
    // "1.250,50" is no amount (a comma for the cents): refused by the field, and the checklist still checked.
    const result = parse({ ...base, items: [{ description: "Benches", quantity: "4", unitCost: "1.250,50" }], checks: [{ criterionId: "land", outcome: "not_met" }, { criterionId: "life", outcome: "met" }] });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message.split("|")[0]])).toEqual([
      ["items.0.unitCost", expect.any(String)],
      ["checks.0.note", "costing:errors.checkNoteMissing"],
      ["verdict", "costing:errors.feasibleButFails"],
    ]);
  });

  it("reads a contingency typed with a percent sign", () => {
    const result = parse({ ...base, contingencyPercent: "10 %" });
    expect(result.success && result.data.contingencyPercent).toBe(10);
    expect(parse({ ...base, contingencyPercent: "10%" }).success).toBe(true);
  });

  it("refuses a contingency outside 0–50 and unknown criteria", () => {
    expect(parse({ ...base, contingencyPercent: "60" }).error?.issues[0].path).toEqual(["contingencyPercent"]);
    expect(parse({ ...base, contingencyPercent: "7.5" }).success).toBe(false);
    expect(parse({ ...base, checks: [...base.checks, { criterionId: "other", outcome: "met" }] }).error?.issues[0].message).toBe("costing:errors.checkUnknown");
  });

  const issues = (value: unknown) => {
    const result = parse(value);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
  };
  const oneLine = (quantity: string, unitCost: string) => ({ ...base, items: [{ description: "Fitness station", quantity, unitCost }] });
  const max = `{"max":${MAX_ESTIMATE_CENTS / 100}}`;

  it("refuses a negative quantity next to the field, and nothing else (no throw)", () => {
    expect(issues(oneLine("-3", "4500"))).toEqual([["items.0.quantity", "costing:errors.quantityTooSmall"]]);
  });

  it("refuses a negative or fractional unit cost next to the field, without a second 'total too large'", () => {
    expect(issues(oneLine("4", "-2100"))).toEqual([["items.0.unitCost", "costing:errors.unitCost"]]);
    expect(issues(oneLine("1.5", "4500.999"))).toEqual([
      ["items.0.quantity", "costing:errors.quantityNotWhole"],
      // Three decimals: said as such, not as "enter a unit cost".
      ["items.0.unitCost", "common:form.moneyDecimals"],
    ]);
  });

  it("bounds every figure: the unit cost, each line and the total (with contingency) stay within the maximum", () => {
    expect(issues(oneLine("1000000", "999999999999"))).toEqual([["items.0.unitCost", `costing:errors.unitCostTooLarge|${max}`]]);
    expect(issues(oneLine("1000001", "1"))).toEqual([["items.0.quantity", "costing:errors.quantityTooLarge|{\"max\":1000000}"]]);
    expect(issues(oneLine("1000000", "250,000"))).toEqual([["items.0.unitCost", `costing:errors.lineTooLarge|${max}`]]);
    const twoLarge = { ...base, verdict: "not_feasible", items: [{ description: "Bridge", quantity: "1", unitCost: "75,000,000,000" }, { description: "Ramp", quantity: "1", unitCost: "75,000,000,000" }] };
    expect(issues(twoLarge)).toEqual([["items", `costing:errors.totalTooLarge|${max}`]]);
    // 95,000,000,000 fits; with 10% contingency the total does not.
    expect(issues({ ...oneLine("1", "95,000,000,000"), verdict: "not_feasible" })).toEqual([["items", `costing:errors.totalTooLarge|${max}`]]);
    expect(issues({ ...oneLine("1", "100,000,000,000"), contingencyPercent: "0", verdict: "not_feasible" })).toEqual([]);
    // Recurring lines are bounded too (they have no contingency).
    expect(issues({ ...twoLarge, items: twoLarge.items.map((i) => ({ ...i, recurring: true })) })).toEqual([["items", `costing:errors.totalTooLarge|${max}`]]);
  });

  it("'Recalculate total' checks the figures typed so far only: not blanks, descriptions, the checklist or the verdict", () => {
    const check = (value: unknown) => {
      const result = recalculateInput.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(check({ items: [{ quantity: "2", unitCost: "1000" }, { quantity: "1" }, {}] })).toEqual([]);
    expect(check({ items: [{ quantity: "-3", unitCost: "4500" }, { quantity: "1", unitCost: "12.345" }], contingencyPercent: "60" })).toEqual([
      ["items.0.quantity", "costing:errors.quantityTooSmall"],
      ["items.1.unitCost", "common:form.moneyDecimals"],
      ["contingencyPercent", "costing:errors.contingency|{\"max\":50}"],
    ]);
    expect(check({ items: [{ quantity: "1000000", unitCost: "250,000" }] })).toEqual([["items.0.unitCost", `costing:errors.lineTooLarge|${max}`]]);
  });

  it("criteria are typed one per line", () => {
    expect(criteriaInput.parse({ criteria: "On public land\r\n\n  Within the agency's remit  \n", budgetCheck: true }).criteria).toEqual(["On public land", "Within the agency's remit"]);
    expect(criteriaInput.safeParse({ criteria: " \n " }).success).toBe(false);
  });
});

describe("the costing dashboard", () => {
  it("sorts proposals into waiting, in progress and done", () => {
    expect(costingStage({ status: "costing", estimates: 0 })).toBe("waiting");
    expect(costingStage({ status: "costing", estimates: 1 })).toBe("in_progress"); // re-sent after "not feasible"
    // The verdict given, either way: done for the agency (its days stop counting at the verdict).
    expect(costingStage({ status: "not_feasible", estimates: 1 })).toBe("done");
    expect(costingStage({ status: "feasible", estimates: 2 })).toBe("done");
  });

  it("counts whole days waiting", () => {
    const sent = new Date("2026-11-01T10:00:00Z");
    expect(daysWaiting(sent, new Date("2026-11-01T23:59:00Z"))).toBe(0);
    expect(daysWaiting(sent, new Date("2026-11-10T10:00:00Z"))).toBe(9);
    expect(daysWaiting(null, new Date())).toBe(0);
    expect(budgetOutcome(100, 100)).toBe("met");
    expect(budgetOutcome(101, 100)).toBe("not_met");
  });
});

describe("who assigns costing work", () => {
  const person = (roles: Actor["roles"], agencyId: string | null, agencyLead = false): Actor => ({ id: "x", name: "x", email: "x", roles, agencyId, agencyLead });
  const inA = { status: "costing", agencyId: "A" };
  const costing = { phase: "costing" };
  it("the PB office and the lead of the agency whose queue it is in", () => {
    expect(costingPermissions.assign(person(["admin"], null), costing, inA)).toBe(true);
    expect(costingPermissions.assign(person(["staff"], "A", true), costing, inA)).toBe(true);
    expect(costingPermissions.assign(person(["staff"], "A"), costing, inA)).toBe(false);
    expect(costingPermissions.assign(person(["staff"], "B", true), costing, inA)).toBe(false);
    expect(costingPermissions.assign(person(["delegate", "resident"], null), costing, inA)).toBe(false);
    expect(costingPermissions.assign(null, costing, inA)).toBe(false);
  });
  it("only while it waits for costing", () => {
    expect(costingPermissions.assign(person(["admin"], null), costing, { status: "feasible", agencyId: "A" })).toBe(false);
    expect(costingPermissions.assign(person(["admin"], null), { phase: "voting" }, inA)).toBe(false);
  });
});
