// Weighted (grouped) voters: a ballot with `count` must count exactly like
// `count` copies of it, in every rule and in everything the results page and
// the exports read from an outcome (winners, order, scores, MES payments,
// reasons, per-voter budget, Add1 steps).

import { describe, expect, it } from "vitest";
import { greedy } from "~/domain/tally/greedy";
import { equalShares, mes, mesAdd1 } from "~/domain/tally/mes";
import { rat } from "~/domain/tally/rational";
import type { Election, TallyBallot, TallyOutcome } from "~/domain/tally/types";
import { ballotCount, expandBallots, groupBallots, voterCount } from "~/domain/tally/weights";
import { votersWithAWinner } from "~/domain/results/satisfaction";
import { naiveAdd1, naiveMes, randomElection, randomLargerElection, rng } from "./reference";

/** The same election with each distinct ballot given a random multiplicity (0 to 5), and its expansion. */
function weighted(base: Election, seed: number): { grouped: Election; expanded: Election } {
  const r = rng(seed);
  const distinct = groupBallots(base.ballots).map((b): TallyBallot => ({ ...b, count: Math.floor(r() * 6) }));
  // Shuffle the expansion so grouping really has to find the copies.
  const expanded = expandBallots(distinct);
  for (let i = expanded.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [expanded[i], expanded[j]] = [expanded[j], expanded[i]];
  }
  return { grouped: { ...base, ballots: distinct }, expanded: { ...base, ballots: expanded } };
}

/** The outcome without the engine's own work counters (how many MES runs it needed). */
function comparable(o: TallyOutcome) {
  if (!o.mes) return o;
  const { mesRuns: _r, verifyRuns: _v, ...mesDetail } = o.mes;
  return { ...o, mes: mesDetail };
}

describe("weighted ballots", () => {
  it("count voters, not rows; reject a count that is not a whole number", () => {
    const e: Election = { budget: 10n, projects: [{ id: "a", cost: 5n }], ballots: [{ ids: ["a"], count: 3 }, { ids: [] }, { ids: ["a"], count: 0 }] };
    expect(voterCount(e)).toBe(4);
    expect(expandBallots(e.ballots)).toHaveLength(4);
    expect(() => ballotCount({ ids: [], count: -1 })).toThrow(RangeError);
    expect(() => ballotCount({ ids: [], count: 1.5 })).toThrow(/whole number/);
    expect(greedy(e).projects[0].score).toBe(3n);
    // MES: 4 voters with 2.5 each; a's 3 supporters have 7.5 >= 5.
    const out = mes(e);
    expect(out.mes?.voters).toBe(4);
    expect(out.mes?.perVoterBudget).toBe("2.5");
    expect(out.winners).toEqual(["a"]);
  });

  it("greedy, mes and mes-add1 give the same outcome grouped and expanded (random elections)", () => {
    let nonTrivial = 0;
    for (let seed = 1; seed <= 300; seed++) {
      for (const points of [false, true]) {
        const { grouped, expanded } = weighted(randomElection(seed, { points }), seed * 7 + (points ? 1 : 0));
        expect(voterCount(grouped)).toBe(expanded.ballots.length);
        expect(greedy(grouped), `greedy seed ${seed}`).toEqual(greedy(expanded));
        expect(mes(grouped), `mes seed ${seed}`).toEqual(mes(expanded));
        const g = mesAdd1(grouped);
        expect(comparable(g), `mes-add1 seed ${seed}`).toEqual(comparable(mesAdd1(expanded)));
        if (g.winners.length > 0) nonTrivial++;
      }
    }
    expect(nonTrivial).toBeGreaterThan(300);
  });

  it("give the same outcome when the caller says the ballots are grouped, even when some are not", () => {
    for (let seed = 1; seed <= 150; seed++) {
      for (const points of [false, true]) {
        const { grouped, expanded } = weighted(randomElection(seed, { points }), seed * 11 + (points ? 1 : 0));
        // `grouped: true` skips the engine's own grouping: exact for distinct ballots (the
        // database's case) and still exact for repeated ones, only slower.
        for (const e of [grouped, expanded]) {
          const hinted = { ...e, grouped: true };
          expect(mes(hinted), `mes seed ${seed}`).toEqual(mes(e));
          expect(comparable(mesAdd1(hinted)), `mes-add1 seed ${seed}`).toEqual(comparable(mesAdd1(e)));
        }
      }
    }
  });

  it("agree with the naive exact implementation run on the expanded ballots", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { grouped, expanded } = weighted(randomLargerElection(seed), seed);
      if (expanded.ballots.length === 0) continue;
      const n = BigInt(expanded.ballots.length);
      expect(mes(grouped).winners, `seed ${seed}`).toEqual(naiveMes(expanded, "cost", rat(expanded.budget, n)));
      const naive = naiveAdd1(expanded, "cost");
      const out = equalShares(grouped, { add1: true });
      expect(out.winners, `seed ${seed}`).toEqual(naive.winners);
      expect(out.mes?.add1Steps, `seed ${seed}`).toBe(naive.k);
    }
  });

  it("MES payments and supporter counts are per voter, not per group", () => {
    // 3 identical ballots for A (cost 90) as one group: each of the 3 voters pays 30.
    const e: Election = { budget: 90n, projects: [{ id: "A", cost: 90n }, { id: "B", cost: 60n }], ballots: [{ ids: ["A", "B"], count: 3 }] };
    const out = mes(e);
    const a = out.projects.find((p) => p.id === "A")!;
    expect(a.mes).toMatchObject({ kind: "winner", supporters: 3, payments: [{ amount: "30", voters: 3 }] });
    expect(out.projects.find((p) => p.id === "B")!.mes).toMatchObject({ kind: "loser", supporters: 3, coverage: "0.0000" });
  });

  it("voters with a winner count each voter of a group", () => {
    const ballots = [{ ids: ["a"], count: 4 }, { ids: ["b"], count: 2 }, { ids: [], count: 1 }];
    expect(votersWithAWinner(ballots, ["a"])).toEqual({ satisfied: 4, voters: 7 });
    expect(votersWithAWinner(expandBallots(ballots), ["a"])).toEqual({ satisfied: 4, voters: 7 });
  });
});
