import { describe, expect, it } from "vitest";
import { checkKnapsackBallot } from "~/domain/ballots/knapsack";

const options = [
  { id: "a", title: "Playground", costCents: 60_000_00 },
  { id: "b", title: "Benches", costCents: 30_000_00 },
  { id: "c", title: "Trees", costCents: 10_000_00 },
];
const budgetCents = 100_000_00;

describe("knapsack ballot", () => {
  it("accepts a selection within the budget, an exact fit included", () => {
    expect(checkKnapsackBallot({ budgetCents, options, selected: ["a", "b", "c"] })).toEqual({ ok: true, totalCents: 100_000_00, selected: ["a", "b", "c"] });
  });

  it("refuses a selection over the budget, says by how much, and keeps the selection", () => {
    const check = checkKnapsackBallot({ budgetCents: 80_000_00, options, selected: ["a", "b"] });
    expect(check.ok).toBe(false);
    expect(check.selected).toEqual(["a", "b"]);
    expect(!check.ok && check.errors).toEqual([
      "Your selection costs $90,000, which is $10,000 over the district budget of $80,000. Remove a project to continue.",
    ]);
  });

  it("refuses an empty ballot", () => {
    expect(checkKnapsackBallot({ budgetCents, options, selected: [] })).toMatchObject({ ok: false, errors: ["Choose at least one project."] });
  });

  it("refuses projects that are not on this ballot and duplicates", () => {
    const check = checkKnapsackBallot({ budgetCents, options, selected: ["a", "a", "zzz"] });
    expect(!check.ok && check.errors).toEqual([
      "A project was chosen twice; each counts once.",
      "Your ballot named a project that is not on this ballot.",
    ]);
  });
});
