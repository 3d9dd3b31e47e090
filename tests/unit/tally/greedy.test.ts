import { describe, expect, it } from "vitest";
import { greedy } from "~/domain/tally/greedy";
import type { Election } from "~/domain/tally/types";

const approvals = (...sets: string[][]) => sets.map((ids) => ({ ids }));

describe("greedy tally", () => {
  it("selects the most-voted projects within the budget", () => {
    const election: Election = {
      budget: 100n,
      projects: [
        { id: "a", cost: 60n },
        { id: "b", cost: 30n },
        { id: "c", cost: 20n },
      ],
      ballots: approvals(["a", "b"], ["a"], ["b", "c"], ["a", "c"], ["c"]),
    };
    const result = greedy(election);
    // a=3, c=3 (tie: "a" < "c"), b=2. a (60) fits, c (20) fits, b (30) no longer fits.
    expect(result.winners).toEqual(["a", "c"]);
    expect(result.spent).toBe(80n);
    const b = result.projects.find((p) => p.id === "b")!;
    expect(b.selected).toBe(false);
    expect(b.remainingBefore).toBe(20n);
  });

  it("skips a project that does not fit and continues with the next", () => {
    const result = greedy({
      budget: 100n,
      projects: [
        { id: "big", cost: 90n },
        { id: "huge", cost: 50n },
        { id: "small", cost: 10n },
      ],
      ballots: approvals(["big", "huge", "small"], ["big", "huge"], ["big"]),
    });
    expect(result.winners).toEqual(["big", "small"]);
    expect(result.spent).toBe(100n); // an exact fit is allowed
  });

  it("breaks ties by project id as plain strings, so '10' beats '9'", () => {
    const result = greedy({
      budget: 5n,
      projects: [
        { id: "9", cost: 5n },
        { id: "10", cost: 5n },
      ],
      ballots: approvals(["9", "10"]),
    });
    expect(result.winners).toEqual(["10"]);
  });

  it("adds projects without votes last if they still fit", () => {
    const result = greedy({
      budget: 10n,
      projects: [
        { id: "x", cost: 4n },
        { id: "y", cost: 4n },
      ],
      ballots: approvals(["y"]),
    });
    expect(result.winners).toEqual(["y", "x"]);
  });
});
