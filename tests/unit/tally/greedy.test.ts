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

describe("greedy options", () => {
  it("ranks by score per unit of cost on request (pabutools greedy_*_sat)", () => {
    const e = {
      budget: 100n,
      projects: [
        { id: "a", cost: 80n },
        { id: "b", cost: 20n },
        { id: "c", cost: 30n },
        { id: "free", cost: 0n },
      ],
      ballots: approvals(["a", "b", "free"], ["a", "b"], ["a", "c"]),
    };
    // total: a (3) first, then b (2) fits, c (1) does not.
    expect(greedy(e).winners).toEqual(["a", "b", "free"]);
    // per cost: free (infinite), b 2/20, a 3/80, c 1/30 -> free, b, a (exact fit), c does not fit.
    expect(greedy(e, e.budget, { ranking: "per-cost" }).winners).toEqual(["free", "b", "a"]);
  });

  it("fills after preselected projects", () => {
    const e = {
      budget: 100n,
      projects: [
        { id: "a", cost: 60n },
        { id: "b", cost: 50n },
        { id: "c", cost: 30n },
      ],
      ballots: approvals(["a"], ["a", "b"], ["b", "c"]),
    };
    const out = greedy(e, e.budget, { preselected: ["b"] });
    expect(out.winners).toEqual(["c"]); // a (60) no longer fits in 50
    expect(out.spent).toBe(80n);
  });

  it("works with costs beyond 2^53", () => {
    const big = 2n ** 80n;
    const out = greedy({
      budget: big * 2n + 1n,
      projects: [
        { id: "x", cost: big + 1n },
        { id: "y", cost: big },
        { id: "z", cost: 1n },
      ],
      ballots: approvals(["x", "y", "z"], ["x", "y"], ["x"]),
    });
    expect(out.winners).toEqual(["x", "y"]);
    expect(out.projects.find((p) => p.id === "z")!.remainingBefore).toBe(0n);
  });
});
