// A deliberately naive, exact implementation of the tally rules, written
// straight from ../shared/tally-rules.md (one budget per voter, rho found by
// sorting supporters, every Add1 step tried). Slow, but easy to check by eye;
// the optimised engine is compared against it on many random elections.

import { add, cmp, div, mul, rat, sub, ZERO, type Rational } from "~/domain/tally/rational";
import { compareProjectIds } from "~/domain/tally/tie-break";
import type { Election } from "~/domain/tally/types";

export type Utility = "cost" | "points" | "cardinality";

function utilities(e: Election, utility: Utility): Array<Map<string, bigint>> {
  const costs = new Map(e.projects.map((p) => [p.id, p.cost]));
  return e.ballots.map((b) => {
    const m = new Map<string, bigint>();
    b.ids.forEach((id, j) => {
      if (!costs.has(id) || m.has(id)) return;
      const u = utility === "cost" ? costs.get(id)! : utility === "cardinality" ? 1n : b.points ? b.points[j] : 1n;
      m.set(id, u);
    });
    for (const [id, u] of [...m]) if (u <= 0n) m.delete(id);
    return m;
  });
}

/** MES winners in selection order, every voter starting with `perVoter`. */
export function naiveMes(e: Election, utility: Utility, perVoter: Rational): string[] {
  return naiveMesRun(e, utility, perVoter).winners;
}

/**
 * The same run, also saying when each project left it: the first round its supporters'
 * money fell short of its cost, and that money (every project is priced in every round).
 */
export function naiveMesRun(e: Election, utility: Utility, perVoter: Rational) {
  const utils = utilities(e, utility);
  const budgets: Rational[] = utils.map(() => perVoter);
  const supporters = (id: string) => utils.map((u, i) => [i, u.get(id)] as const).filter(([, u]) => u !== undefined) as Array<readonly [number, bigint]>;
  const winners: string[] = [];
  const zero = e.projects.filter((p) => p.cost === 0n && supporters(p.id).length > 0).map((p) => p.id);
  winners.push(...zero.sort(compareProjectIds));
  const drops = new Map<string, { round: number; money: Rational }>();
  let remaining = e.projects.filter((p) => p.cost > 0n && supporters(p.id).length > 0);
  for (let round = 1; ; round++) {
    let best: { id: string; rho: Rational } | null = null;
    const next: typeof remaining = [];
    for (const p of remaining) {
      const sup = supporters(p.id);
      const money = sup.reduce((s, [i]) => add(s, budgets[i]), ZERO);
      if (cmp(money, rat(p.cost)) < 0) {
        drops.set(p.id, { round, money }); // dropped for good
        continue;
      }
      next.push(p);
      // smallest rho with Σ min(b_i, rho·u_i) = cost: walk supporters by b/u
      const sorted = [...sup].sort(([i, u], [j, v]) => cmp(div(budgets[i], rat(u)), div(budgets[j], rat(v))));
      let paid = ZERO;
      let denom = sup.reduce((s, [, u]) => s + u, 0n);
      let rho: Rational | null = null;
      for (const [i, u] of sorted) {
        const r = div(sub(rat(p.cost), paid), rat(denom));
        if (cmp(mul(r, rat(u)), budgets[i]) <= 0) {
          rho = r;
          break;
        }
        paid = add(paid, budgets[i]);
        denom -= u;
      }
      if (rho === null) throw new Error("no rho");
      if (best === null || cmp(rho, best.rho) < 0 || (cmp(rho, best.rho) === 0 && compareProjectIds(p.id, best.id) < 0)) {
        best = { id: p.id, rho };
      }
    }
    remaining = next;
    if (best === null) return { winners, drops };
    const chosen = best;
    for (const [i, u] of supporters(chosen.id)) {
      const share = mul(chosen.rho, rat(u));
      budgets[i] = sub(budgets[i], cmp(share, budgets[i]) < 0 ? share : budgets[i]);
    }
    winners.push(chosen.id);
    remaining = remaining.filter((p) => p.id !== chosen.id);
  }
}

function costOf(e: Election, ids: string[]): bigint {
  const costs = new Map(e.projects.map((p) => [p.id, p.cost]));
  return ids.reduce((s, id) => s + costs.get(id)!, 0n);
}

/** Add1 exactly as the reference: every step tried. Returns the winners and the step. */
export function naiveAdd1(e: Election, utility: Utility, step = 1n, maxSteps = 100000): { winners: string[]; k: number } {
  const n = BigInt(e.ballots.length);
  const utils = utilities(e, utility);
  const candidates = e.projects.filter((p) => p.cost > 0n && utils.some((u) => u.has(p.id)));
  let prev: { winners: string[]; k: number } | null = null;
  for (let k = 0; k < maxSteps; k++) {
    const winners = naiveMes(e, utility, rat(e.budget + BigInt(k) * step * n, n));
    const cost = costOf(e, winners);
    if (cost > e.budget) return prev ?? { winners: [], k };
    const left = e.budget - cost;
    if (candidates.every((p) => winners.includes(p.id) || p.cost > left)) return { winners, k };
    prev = { winners, k };
  }
  throw new Error("naiveAdd1: too many steps");
}

/** Greedy fill of the real budget after `selected`, in greedy order (score desc, id asc). */
export function naiveFill(e: Election, selected: string[]): string[] {
  const score = new Map(e.projects.map((p) => [p.id, 0n]));
  for (const b of e.ballots) b.ids.forEach((id, j) => score.has(id) && score.set(id, score.get(id)! + (b.points ? b.points[j] : 1n)));
  const order = [...e.projects].sort((a, b) => {
    const d = score.get(b.id)! - score.get(a.id)!;
    return d !== 0n ? (d > 0n ? 1 : -1) : compareProjectIds(a.id, b.id);
  });
  let left = e.budget - costOf(e, selected);
  const out = [...selected];
  for (const p of order) {
    if (out.includes(p.id)) continue;
    if (p.cost <= left) {
      out.push(p.id);
      left -= p.cost;
    }
  }
  return out;
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random small election; `points` gives ranked/cumulative-like ballots. */
export function randomElection(seed: number, opts: { points?: boolean } = {}): Election {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const nProjects = int(2, 7);
  const projects = Array.from({ length: nProjects }, (_, i) => ({
    // ids include "10" vs "9" style pairs to exercise string order
    id: String([1, 2, 9, 10, 11, 3, 20][i]),
    cost: BigInt(int(0, 12) === 0 ? 0 : int(1, 6) * [1, 5, 10][int(0, 2)]),
  }));
  const nVoters = int(1, 9);
  const ballots = Array.from({ length: nVoters }, () => {
    const ids = projects.filter(() => r() < 0.45).map((p) => p.id);
    if (!opts.points) return { ids };
    return { ids, points: ids.map(() => BigInt(int(0, 4))) };
  });
  const total = projects.reduce((s, p) => s + p.cost, 0n);
  const budget = BigInt(int(1, Math.max(1, Number(total)))) + (r() < 0.2 ? total : 0n);
  return { budget, projects, ballots };
}

/** A random election with more voters and larger costs: Add1 often takes tens to hundreds of steps. */
export function randomLargerElection(seed: number, opts: { points?: boolean; costScale?: number } = {}): Election {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const scale = opts.costScale ?? 25;
  const projects = Array.from({ length: int(3, 9) }, (_, i) => ({ id: `p${i}`, cost: BigInt(int(5, 60) * scale) }));
  const popularity = projects.map(() => 0.15 + 0.6 * r());
  const ballots = Array.from({ length: int(10, 40) }, () => {
    const ids = projects.filter((_, i) => r() < popularity[i]).map((p) => p.id);
    return opts.points ? { ids, points: ids.map(() => BigInt(int(1, 5))) } : { ids };
  });
  const total = Number(projects.reduce((s, p) => s + p.cost, 0n));
  return { budget: BigInt(int(Math.floor(total / 4), total)), projects, ballots };
}

/**
 * Approval elections where projects come in pairs of near-equal cost and popularity: in some
 * round two projects stay nearly tied over many Add1 steps (the proofs' hardest case). Ballots
 * may carry a count: compare with the engine's every-step mode, not naiveAdd1 above.
 */
export function nearTieElection(seed: number): Election {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pairs = Array.from({ length: int(3, 8) }, () => ({ cost: int(20_000, 400_000), popularity: 0.1 + 0.4 * r() }));
  const projects = pairs.flatMap((pair, i) =>
    [0, 1].map((j) => ({ id: `p${2 * i + j}`, cost: BigInt(pair.cost + int(0, 3_000)), popularity: pair.popularity * (0.95 + 0.1 * r()) })),
  );
  // Some ballots stand for several identical ones (a count, as in grouped ballots).
  const ballots = Array.from({ length: int(40, 400) }, () => ({
    ids: projects.filter((p) => r() < p.popularity).map((p) => p.id),
    ...(r() < 0.3 ? { count: int(1, 4) } : {}),
  }));
  const total = projects.reduce((s, p) => s + p.cost, 0n);
  return { budget: total / BigInt(int(2, 4)), projects: projects.map(({ id, cost }) => ({ id, cost })), ballots };
}
