import { describe, expect, it } from "vitest";
import { equalShares, mes, mesAdd1 } from "~/domain/tally/mes";
import { rat } from "~/domain/tally/rational";
import type { Election, MesLoserDetail, MesWinnerDetail } from "~/domain/tally/types";
import { naiveAdd1, naiveFill, naiveMes, nearTieElection, randomElection, randomLargerElection, type Utility } from "./reference";

const approvals = (...sets: string[][]) => sets.map((ids) => ({ ids }));
const detail = (out: ReturnType<typeof mes>, id: string) => out.projects.find((p) => p.id === id)!;

describe("mes (cost utilities, approval ballots)", () => {
  // Budget 300, three voters with 100 each.
  //   A (200) approved by v1, v2: each pays 100 -> rho = 100/200 = 0.5
  //   B (100) approved by v3:    pays 100      -> rho = 1
  //   C (250) approved by v1, v2: only 200 of money -> unaffordable (80 %)
  const election: Election = {
    budget: 300n,
    projects: [
      { id: "A", cost: 200n },
      { id: "B", cost: 100n },
      { id: "C", cost: 250n },
      { id: "D", cost: 50n },
    ],
    ballots: approvals(["A", "C"], ["A", "C"], ["B"]),
  };

  it("selects by smallest rho and explains winners and losers", () => {
    const out = mes(election);
    expect(out.rule).toBe("mes");
    expect(out.winners).toEqual(["A", "B"]);
    expect(out.spent).toBe(300n);
    const a = detail(out, "A").mes as MesWinnerDetail;
    expect(a).toMatchObject({ kind: "winner", round: 1, rho: "0.5", rhoExact: "1/2", supporters: 2, cappedSupporters: 0 });
    expect(a.payments).toEqual([{ amount: "100", exact: "100", voters: 2 }]);
    const b = detail(out, "B").mes as MesWinnerDetail;
    expect(b).toMatchObject({ round: 2, rho: "1", supporters: 1 });
    // C: dropped in round 1, its supporters had 200 of 250.
    const c = detail(out, "C").mes as MesLoserDetail;
    expect(c).toMatchObject({ kind: "loser", reason: "unaffordable", droppedInRound: 1, supportersMoney: "200", coverage: "0.8000" });
    expect(detail(out, "D").mes).toEqual({ kind: "loser", reason: "no-support", supporters: 0 });
    expect(detail(out, "A").via).toBe("mes");
    expect(out.mes).toMatchObject({ utility: "cost", voters: 3, perVoterBudget: "100", add1Steps: 0 });
  });

  it("counts empty ballots in n: each voter gets B/n", () => {
    // 4 voters (one empty): 75 each; A's supporters have 150 < 200, B's 75 < 100.
    const out = mes({ ...election, ballots: [...election.ballots, { ids: [] }] });
    expect(out.winners).toEqual([]);
    expect(out.mes?.perVoterBudget).toBe("75");
    expect((detail(out, "A").mes as MesLoserDetail).coverage).toBe("0.7500");
    expect((detail(out, "B").mes as MesLoserDetail).coverage).toBe("0.7500");
  });

  it("caps a poor supporter: she pays all she has, the others share the rest", () => {
    // Budget 90, 3 voters with 30. X (30) approved by v1 only: rho 1, v1 pays 30.
    // Then Y (45) approved by v1, v2, v3: v1 has 0, v2 and v3 pay 22.5 each.
    // rho(Y) at start = 45/(3·45) = 1/3 < rho(X) = 1, so Y goes first instead:
    // all three pay 15 (rho 1/3); then X: v1 has 15 < 30, unaffordable.
    const out = mes({
      budget: 90n,
      projects: [
        { id: "X", cost: 30n },
        { id: "Y", cost: 45n },
      ],
      ballots: approvals(["X", "Y"], ["Y"], ["Y"]),
    });
    expect(out.winners).toEqual(["Y"]);
    expect((detail(out, "X").mes as MesLoserDetail).coverage).toBe("0.5000");

    // Now a case where capping happens: Z (50) approved by everybody, after W (20) took v1's money.
    const out2 = mes({
      budget: 90n,
      projects: [
        { id: "W", cost: 25n },
        { id: "Z", cost: 50n },
      ],
      ballots: approvals(["W", "Z"], ["Z"], ["Z"]),
    });
    // rho(W) = 1 (v1 pays 25), rho(Z) = 50/150 = 1/3 -> Z first: each pays 50/3.
    // W: v1 has 30 - 50/3 = 40/3 < 25 -> unaffordable.
    expect(out2.winners).toEqual(["Z"]);
    const out3 = mes({
      budget: 90n,
      projects: [
        { id: "W", cost: 28n },
        { id: "Z", cost: 40n },
      ],
      ballots: approvals(["W", "Z"], ["W", "Z"], ["Z"]),
    });
    // rho(W) = 28/56 = 1/2 (14 each), rho(Z) = 40/120 = 1/3 -> Z first (40/3 each),
    // then W: v1, v2 have 50/3 each = 33.3 >= 28 -> each pays 14 (rho 1/2).
    expect(out3.winners).toEqual(["Z", "W"]);
    // Capped: a voter who cannot pay the equal share pays everything.
    const out4 = mes({
      budget: 60n,
      projects: [
        { id: "P", cost: 12n },
        { id: "Q", cost: 30n },
      ],
      ballots: approvals(["P", "Q"], ["Q"], ["Q"]),
    });
    // 20 each. rho(P) = 1 (12 from v1), rho(Q) = 1/3 (10 each) -> Q first.
    // P: v1 has 10 < 12 -> out. Winners: Q.
    expect(out4.winners).toEqual(["Q"]);
    const out5 = mes({
      budget: 60n,
      projects: [
        { id: "P", cost: 16n },
        { id: "Q", cost: 36n },
      ],
      ballots: approvals(["P"], ["P", "Q"], ["Q"]),
    });
    // 20 each. rho(P) = 16/32 = 1/2 (8 each), rho(Q) = 36/72 = 1/2 (18 each): tie -> "P" < "Q".
    // P: v1, v2 pay 8. Q: v2 has 12, v3 has 20: equal share 18 > 12, so v2 pays 12
    // (capped) and v3 pays 24 > 20 -> unaffordable? money 32 < 36 -> Q out.
    expect(out5.winners).toEqual(["P"]);
    const out6 = mes({
      budget: 60n,
      projects: [
        { id: "P", cost: 16n },
        { id: "Q", cost: 30n },
      ],
      ballots: approvals(["P"], ["P", "Q"], ["Q"]),
    });
    // rho(Q) = 30/60 = 1/2 ties with P again; P first (id). Q: v2 has 12 < 15, so v2 pays 12
    // and v3 pays 18 (rho = 18/30 = 0.6).
    expect(out6.winners).toEqual(["P", "Q"]);
    const q = detail(out6, "Q").mes as MesWinnerDetail;
    expect(q).toMatchObject({ rho: "0.6", rhoExact: "3/5", cappedSupporters: 1 });
    expect(q.payments).toEqual([
      { amount: "18", exact: "18", voters: 1 },
      { amount: "12", exact: "12", voters: 1, allTheyHad: true },
    ]);
  });

  it("breaks exact ties by project id as plain strings ('10' before '9')", () => {
    const out = mes({
      budget: 20n,
      projects: [
        { id: "9", cost: 10n },
        { id: "10", cost: 10n },
      ],
      ballots: approvals(["9"], ["10"]),
    });
    expect(out.winners).toEqual(["10", "9"]);
  });

  it("never selects a project that no voter supports, even if it is free", () => {
    const out = mes({
      budget: 10n,
      projects: [
        { id: "free", cost: 0n },
        { id: "a", cost: 10n },
      ],
      ballots: approvals(["a"], ["free"]),
    });
    // With cost utilities a free project gives utility 0: nobody "supports" it (as pabutools).
    expect(out.winners).toEqual([]);
    expect(mes({ ...out, projects: [{ id: "a", cost: 5n }, { id: "free", cost: 0n }], ballots: approvals(["a"], ["free"]) } as Election).winners).toEqual(["a"]);
  });
});

describe("mes with points (ranked / cumulative ballots)", () => {
  it("uses points as utilities; a zero-point rank is no support", () => {
    // Reference Borda on 3 ranks: 2, 1, 0 points.
    const out = mes({
      budget: 30n,
      projects: [
        { id: "a", cost: 10n },
        { id: "b", cost: 10n },
        { id: "c", cost: 10n },
      ],
      ballots: [
        { ids: ["a", "b", "c"], points: [2n, 1n, 0n] },
        { ids: ["b", "a", "c"], points: [2n, 1n, 0n] },
        { ids: ["a", "c", "b"], points: [2n, 1n, 0n] },
      ],
    });
    // Each voter has 10. rho(a) = 10/5 = 2, rho(b) = 10/4, rho(c) = 10/1.
    // a: payments 2·2 = 4 (v1), 2·1 = 2 (v2), 4 (v3). Then b: v1 has 6, v2 8 ->
    // utilities 1 and 2: rho = 10/3; v1 pays 10/3, v2 20/3. c: v3 has 6 < 10 -> out.
    expect(out.winners).toEqual(["a", "b"]);
    expect(out.mes?.utility).toBe("points");
    expect((detail(out, "a").mes as MesWinnerDetail).payments.map((p) => p.amount)).toEqual(["4", "2"]);
    expect((detail(out, "b").mes as MesWinnerDetail).rhoExact).toBe("10/3");
    expect((detail(out, "c").mes as MesLoserDetail).supporters).toBe(1);
  });

  it("selects a free project with support up front", () => {
    const out = mes({
      budget: 10n,
      projects: [
        { id: "x", cost: 10n },
        { id: "free", cost: 0n },
      ],
      ballots: [{ ids: ["x", "free"], points: [3n, 1n] }],
    });
    expect(out.winners).toEqual(["free", "x"]);
    expect(detail(out, "free").via).toBe("zero-cost");
  });

  it("decides with exact rationals where floats cannot tell", () => {
    // rho(A) = (1e18+1)/(1e18+2) and rho(B) = 1e18/(1e18+1) are equal as doubles;
    // exactly, rho(B) is smaller, so B goes first although "A" < "B".
    const big = 10n ** 18n;
    const out = mes({
      budget: 2n * (big + 1n),
      projects: [
        { id: "A", cost: big + 1n },
        { id: "B", cost: big },
      ],
      ballots: [
        { ids: ["A"], points: [big + 2n] },
        { ids: ["B"], points: [big + 1n] },
      ],
    });
    expect(out.winners).toEqual(["B", "A"]);
  });

  it("cardinality utilities (1 per approval) on request", () => {
    const e: Election = {
      budget: 30n,
      projects: [
        { id: "big", cost: 20n },
        { id: "s1", cost: 10n },
        { id: "s2", cost: 10n },
      ],
      ballots: approvals(["big", "s1"], ["big", "s2"], ["big"]),
    };
    // cost utilities: rho(big) = 1/3, rho(s1) = 1 -> big, then s1/s2 unaffordable (10/3 left each).
    expect(mes(e).winners).toEqual(["big"]);
    // cardinality: rho(big) = 20/3, rho(s1) = 10 -> same here.
    expect(equalShares(e, { utility: "cardinality" }).winners).toEqual(["big"]);
  });
});

describe("mes-add1", () => {
  it("raises the virtual budget step by step, then fills greedily", () => {
    // Budget 100, 4 voters with 25 each.
    //   A (40): v1, v2 -> 50 >= 40, rho = 1/2
    //   B (30): v3, v4 -> 50 >= 30, rho = 1/2
    //   C (30): v1, v3 -> after A and B, v1 has 5, v3 has 10: unaffordable.
    // MES: A, B (tie -> A first), spends 70. 30 left; C fits: not exhaustive.
    // Step k: each voter has 25 + k. After A and B: v1 has 5 + k, v3 10 + 2k... C affordable
    // when (5 + k) + (10 + k) >= 30, i.e. k >= 7.5 -> at k = 8 MES picks A, B, C = 100 <= 100.
    const e: Election = {
      budget: 100n,
      projects: [
        { id: "A", cost: 40n },
        { id: "B", cost: 30n },
        { id: "C", cost: 30n },
      ],
      ballots: approvals(["A", "C"], ["A"], ["B", "C"], ["B"]),
    };
    expect(mes(e).winners).toEqual(["A", "B"]);
    const out = mesAdd1(e);
    expect(out.rule).toBe("mes-add1");
    expect([...out.winners].sort()).toEqual(["A", "B", "C"]);
    expect(out.mes?.add1Steps).toBe(8);
    expect(out.mes?.perVoterBudget).toBe("33");
    expect(naiveAdd1(e, "cost")).toEqual({ winners: ["A", "B", "C"], k: 8 });
    expect(equalShares(e, { add1: true, greedyFill: true, naiveAdd1: true }).winners).toEqual(out.winners);
  });

  it("returns the previous step when the next outcome would exceed the budget", () => {
    // A (60) by v1, v2; B (60) by v3. Budget 100, 3 voters: 100/3 each.
    // k = 0: A affordable (66.7, rho 1/2), B not (33.3 < 60). Spends 60; B does not fit in 40: exhaustive.
    const e: Election = {
      budget: 100n,
      projects: [
        { id: "A", cost: 60n },
        { id: "B", cost: 60n },
        { id: "c", cost: 30n },
      ],
      ballots: approvals(["A"], ["A"], ["B"], ["c"]),
    };
    // 4 voters, 25 each: A (v1, v2: 50 < 60) no; B no; c (v4: 25 < 30) no. Nothing.
    // k = 5: c affordable (30). A at k = 5: 60 -> affordable too, rho 1/2 = c's rho 1 -> A first,
    // then c: outcome A + c = 90; B (60) does not fit in 10: exhaustive -> stop at k = 5.
    const out = equalShares(e, { add1: true });
    expect(out.winners).toEqual(["A", "c"]);
    expect(out.mes?.add1Steps).toBe(5);
    expect(naiveAdd1(e, "cost").k).toBe(5);
    // With budget 89, A + c = 90 > 89 at k = 5: the reference keeps the outcome of k = 4 (nothing)?
    // At k = 4 (29 each) A is affordable (58 < 60? no). So k = 4 selects nothing and the result is empty,
    // then the greedy fill takes A (score 2) and c.
    const e2 = { ...e, budget: 89n };
    const naive = naiveAdd1(e2, "cost");
    const out2 = equalShares(e2, { add1: true });
    expect(out2.winners).toEqual(naive.winners);
    expect(out2.mes?.add1Steps).toBe(naive.k);
    expect(mesAdd1(e2).winners).toEqual(naiveFill(e2, naive.winners));
  });

  it("uses the election's currency unit as the Add1 step", () => {
    const e: Election = {
      budget: 10000n,
      currencyUnit: 100n, // costs in cents: one step = 1.00 per voter
      projects: [
        { id: "A", cost: 4000n },
        { id: "B", cost: 3000n },
        { id: "C", cost: 3000n },
      ],
      ballots: approvals(["A", "C"], ["A"], ["B", "C"], ["B"]),
    };
    const out = equalShares(e, { add1: true });
    const naive = naiveAdd1(e, "cost", 100n);
    expect(out.winners).toEqual(naive.winners);
    expect(out.mes?.add1Steps).toBe(naive.k);
  });
});

describe("agreement with a naive exact implementation on random elections", () => {
  const cases: Array<[string, Utility, boolean]> = [
    ["cost", "cost", false],
    ["cardinality", "cardinality", false],
    ["points", "points", true],
  ];
  for (const [label, utility, points] of cases) {
    it(`mes, ${label} utilities`, () => {
      for (let seed = 1; seed <= 400; seed++) {
        const e = randomElection(seed, { points });
        const n = BigInt(Math.max(e.ballots.length, 1));
        const want = e.ballots.length === 0 ? [] : naiveMes(e, utility, rat(e.budget, n));
        const got = equalShares(e, { utility }).winners;
        expect(got, `seed ${seed}`).toEqual(want);
      }
    });
    it(`mes-add1 (jumps) = every step tried, ${label} utilities`, () => {
      for (let seed = 1000; seed <= 1250; seed++) {
        const e = randomElection(seed, { points });
        if (e.ballots.length === 0) continue;
        const naive = naiveAdd1(e, utility);
        const out = equalShares(e, { utility, add1: true });
        expect(out.winners, `seed ${seed}`).toEqual(naive.winners);
        expect(out.mes?.add1Steps, `seed ${seed}`).toBe(naive.k);
        const filled = equalShares(e, { utility, add1: true, greedyFill: true }).winners;
        expect(filled, `seed ${seed}`).toEqual(naiveFill(e, naive.winners));
      }
    });
  }

  it("mes-add1 on larger elections where Add1 takes many steps", () => {
    let steps = 0;
    for (let seed = 1; seed <= 40; seed++) {
      for (const points of [false, true]) {
        const e = randomLargerElection(seed, { points });
        const utility = points ? "points" : "cost";
        expect(equalShares(e, { utility }).winners, `seed ${seed}`).toEqual(
          naiveMes(e, utility, rat(e.budget, BigInt(e.ballots.length))),
        );
        const naive = naiveAdd1(e, utility);
        steps += naive.k;
        const out = equalShares(e, { utility, add1: true });
        expect(out.winners, `seed ${seed}`).toEqual(naive.winners);
        expect(out.mes?.add1Steps, `seed ${seed}`).toBe(naive.k);
        // the engine jumped: far fewer MES runs than steps
        expect(out.mes!.mesRuns).toBeLessThanOrEqual(naive.k + 2);
      }
    }
    expect(steps).toBeGreaterThan(1000);
  });

  it("mes-add1 where pairs of projects stay nearly tied over many steps: the jumps give the answer of trying every step", () => {
    // The proofs that let the engine jump are what is checked here; every step is tried with the same MES runs.
    let steps = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const e = nearTieElection(seed);
      const everyStep = equalShares(e, { add1: true, naiveAdd1: true });
      steps += everyStep.mes!.add1Steps;
      const out = equalShares(e, { add1: true });
      expect(out.winners, `seed ${seed}`).toEqual(everyStep.winners);
      expect(out.mes?.add1Steps, `seed ${seed}`).toBe(everyStep.mes?.add1Steps);
      expect(out.mes!.mesRuns + out.mes!.verifyRuns, `seed ${seed}`).toBeLessThan(everyStep.mes!.mesRuns);
    }
    expect(steps).toBeGreaterThan(20_000);
  });

  it("mes-add1 on elections with repeated ballots", () => {
    for (let seed = 5000; seed < 5040; seed++) {
      const base = randomElection(seed);
      // Replicate ballots so per-voter budgets are small and Add1 needs many steps.
      const ballots = Array.from({ length: 6 }, () => base.ballots).flat();
      if (ballots.length === 0) continue;
      const e: Election = { ...base, ballots, projects: base.projects.map((p) => ({ ...p, cost: p.cost * 7n })) };
      const naive = naiveAdd1(e, "cost");
      const out = equalShares(e, { add1: true });
      expect(out.winners, `seed ${seed}`).toEqual(naive.winners);
      expect(out.mes?.add1Steps, `seed ${seed}`).toBe(naive.k);
    }
  });
});
