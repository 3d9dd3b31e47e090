import { describe, expect, it } from "vitest";
import { createCycleInput, cycleEditInput, districtInput } from "~/domain/cycles/schema";
import { MAX_AMOUNT_CENTS, moneyField } from "~/domain/fields";
import { decodeMessage } from "~/i18n/message";

/** The message key a person would read next to the field, or the parsed value. */
function read<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }) {
  return result.success ? result.data : decodeMessage(result.error.issues[0].message)?.key;
}

describe("a budget typed by a person", () => {
  const budget = moneyField("admin:errors.budget");
  it("reads thousands separators, a currency sign and cents", () => {
    expect(read(budget.safeParse("250,000"))).toBe(25_000_000);
    expect(read(budget.safeParse("$ 250000.5"))).toBe(25_000_050);
  });
  it("says what is wrong instead of asking for a budget above zero", () => {
    expect(read(budget.safeParse("100000.123"))).toBe("common:form.moneyDecimals");
    expect(read(budget.safeParse("1250,50"))).toBe("common:form.moneyDecimalComma");
    // Thousands separated by points, as in Spain or Hungary: not read as 1.25 or 1,250.
    expect(read(budget.safeParse("1.250,50"))).toBe("common:form.moneyPointThousands");
    expect(read(budget.safeParse("1.250.000"))).toBe("common:form.moneyPointThousands");
    expect(read(budget.safeParse("1.250"))).toBe("common:form.moneyDecimals");
    expect(read(budget.safeParse("9999999999999"))).toBe("common:form.moneyTooLarge");
    // Within the digits moneyToCents reads, but above the most any amount may be.
    expect(read(budget.safeParse(String(MAX_AMOUNT_CENTS / 100 + 1)))).toBe("common:form.moneyTooLarge");
    expect(read(budget.safeParse(String(MAX_AMOUNT_CENTS / 100)))).toBe(MAX_AMOUNT_CENTS);
    expect(read(budget.safeParse("0"))).toBe("admin:errors.budget");
    expect(read(budget.safeParse("lots"))).toBe("admin:errors.budget");
  });
  it("keeps a smaller limit's own message", () => {
    const amount = moneyField("projects:errors.amount", { cents: 100_00, message: "projects:errors.amountTooLarge" });
    expect(read(amount.safeParse("100.01"))).toBe("projects:errors.amountTooLarge");
    expect(read(amount.safeParse("99999999999999"))).toBe("common:form.moneyTooLarge");
  });
});

describe("a district's population", () => {
  const population = (typed: string | undefined) => read(districtInput.shape.population.safeParse(typed));
  it("reads the number as people write it, and empty as unknown (0)", () => {
    expect(population("12000")).toBe(12_000);
    expect(population("12,000")).toBe(12_000);
    expect(population("1 250 000")).toBe(1_250_000);
    expect(population("")).toBe(0);
    expect(population(undefined)).toBe(0);
  });
  it("refuses what is not a count of people, with the reason", () => {
    expect(population("1e3")).toBe("admin:errors.populationWhole");
    expect(population("12.5")).toBe("admin:errors.populationWhole");
    expect(population("12,00")).toBe("admin:errors.populationWhole");
    expect(population("-5")).toBe("admin:errors.populationNegative");
    expect(population("200000000")).toBe("admin:errors.populationTooLarge");
  });
});

describe("a district's name", () => {
  it("is refused in words when too long, on the new-cycle form and when a district is added later", () => {
    const long = "N".repeat(81);
    expect(read(districtInput.shape.name.safeParse(long))).toBe("common:form.tooLong");
    const added = cycleEditInput(true).safeParse({ name: "Riverside PB", newDistrictName: long, newDistrictBudget: "1000" });
    expect(added.success ? null : added.error.issues.map((i) => [i.path.join("."), decodeMessage(i.message)?.key])).toEqual([["newDistrictName", "common:form.tooLong"]]);
  });
});

describe("a cycle's categories typed one per line", () => {
  const issues = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
    result.success ? [] : result.error!.issues.map((i) => [i.path.join("."), decodeMessage(i.message)?.key, decodeMessage(i.message)?.values]);
  it("refuses the same name typed twice in other capitals, naming it, when creating and when adding", () => {
    const created = createCycleInput.safeParse({ name: "Riverside PB", slug: "riverside", districts: [{ name: "North", budget: "1000" }], categories: "Parks\nStreets\nparks", ballotMethod: "knapsack", tallyRule: "greedy" });
    expect(issues(created).filter(([path]) => path === "categories")).toEqual([["categories", "admin:errors.categoryTypedTwice", { name: "parks" }]]);
    const added = cycleEditInput(true).safeParse({ name: "Riverside PB", newCategories: "Schools, SCHOOLS" });
    expect(issues(added)).toEqual([["newCategories", "admin:errors.categoryTypedTwice", { name: "SCHOOLS" }]]);
    // Typed exactly the same twice: one category, no error.
    const same = cycleEditInput(true).safeParse({ name: "Riverside PB", newCategories: "Schools\nSchools" });
    expect(same.success && same.data.newCategories).toEqual(["Schools"]);
  });
});
