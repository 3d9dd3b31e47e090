// Method of Equal Shares (MES), its Add1 completion and the greedy fill, as
// specified in ../shared/tally-rules.md ("Reference conventions": pabutools 1.2.3).
//
// Exactness. Every decision (is a project affordable, which rho is smaller,
// which supporters are capped, what each voter pays) is made with exact
// integer / rational arithmetic on BigInt. Floats are only used to go fast:
//   * to guess the set of capped supporters of a project, which is then
//     verified exactly (any voter whose float position is close to rho is
//     checked with integers, and the set is corrected until exact);
//   * to skip projects whose certified lower bound on rho is already above
//     the best exact rho of the round (rho never decreases from one round to
//     the next, so the rho of an earlier round is a lower bound);
//   * to accept or reject affordability when the float sum is far from the
//     cost (a sum of positive terms, relative error < (k+16)·4·2^-52).
//
// Money representation. All voters with the same remaining budget share a
// "budget class"; a class stores its budget as an integer numerator N over a
// global common denominator D (lazily rescaled when D grows), plus, in the
// parametric mode used by Add1, a slope M: budget(t) = (N + M·t) / D, where t
// is the number of Add1 steps added to every voter's starting budget.
//
// Add1 without thousands of runs. Within one run, everything (budgets, rho of
// each project for a fixed set of capped supporters, affordability sums) is
// affine in t. The run records, for each decision it took, the affine
// inequality that justified it; the smallest t* > 0 at which one of them could
// flip bounds the range of steps over which the outcome provably cannot
// change: the run at step k gives the same winners for every step in
// [k, k + t*). The next run is therefore at step k + max(1, ceil(t*)), which
// is exactly where the reference (trying every step) could first see a
// different outcome. Lower bounds are used only in the safe direction, so t*
// may be smaller than necessary (an extra run) but never larger.

import { greedyOrder, scoreProjects } from "./greedy";
import {
  gcdBig,
  rat,
  ratioToNumber,
  toDecimalString,
  toFractionString,
  type Rational,
} from "./rational";
import { compareProjectIds } from "./tie-break";
import type {
  Election,
  MesLoserDetail,
  MesOutcomeDetail,
  MesPayment,
  MesProjectDetail,
  MesWinnerDetail,
  ProjectId,
  ProjectOutcome,
  TallyOutcome,
} from "./types";

export type MesUtility = "cost" | "points" | "cardinality";

export interface MesOptions {
  /**
   * Utility of a voter for a project: "cost" (approval ballots: c(p) if
   * approved), "points" (ranked/cumulative: the ballot's points),
   * "cardinality" (1 if listed). "auto" (default): points when the ballots
   * carry points, cost otherwise.
   */
  utility?: MesUtility | "auto";
}

export interface EqualSharesOptions extends MesOptions {
  /** Add1 completion (raise every voter's budget step by step). */
  add1?: boolean;
  /** Greedy fill of what is left of the real budget, in greedy order. */
  greedyFill?: boolean;
  /** Per-voter increment of one Add1 step, in cost units. Default: election.currencyUnit ?? 1n. */
  add1Step?: bigint;
  /** Try every Add1 step like the reference instead of jumping (slow; for tests and checks). */
  naiveAdd1?: boolean;
}

const EPS = 2 ** -52;
/** Relative margin under which a float comparison is not trusted and is redone exactly. */
const DELTA = 1e-10;
/** Factor making the float of an exact positive rational a certified lower bound. */
const LOWER = 1 - 1e-13;

// ---------------------------------------------------------------------------
// Preparation: identical ballots grouped, supporters listed per project.

interface Cand {
  /** Index in election.projects. */
  pi: number;
  id: ProjectId;
  cost: bigint;
  costF: number;
  /** Supporter ballot groups. */
  sg: Int32Array;
  /** Per supporter: index into uVals (null when every supporter has the same utility). */
  uIdx: Int32Array | null;
  uVals: bigint[];
  uValsF: Float64Array;
  /** gcd of all utilities. */
  uGcd: bigint;
  /** Σ multiplicity × utility over supporters. */
  totalU: bigint;
  totalUF: number;
  /** Number of voters supporting the project. */
  voters: number;
}

interface Prepared {
  election: Election;
  utility: MesUtility;
  n: number;
  G: number;
  mult: Float64Array;
  multBig: bigint[];
  /** Candidates (cost > 0 and some support), sorted by id. */
  cands: Cand[];
  /** Projects with cost 0 and some support (selected up front), by index, in id order. */
  zeroCost: number[];
  /** Supporting voters per project index. */
  supporters: number[];
}

function resolveUtility(election: Election, utility: MesOptions["utility"]): MesUtility {
  if (utility && utility !== "auto") return utility;
  return election.ballots.some((b) => b.points !== undefined) ? "points" : "cost";
}

function prepare(election: Election, utility: MesUtility): Prepared {
  const projects = election.projects;
  const index = new Map<ProjectId, number>();
  projects.forEach((p, i) => index.set(p.id, i));

  // Group identical ballots (as far as MES can tell).
  const groupOf = new Map<string, number>();
  const groupItems: Array<Array<[number, bigint]>> = [];
  const multList: number[] = [];
  for (const ballot of election.ballots) {
    const items = new Map<number, bigint>();
    ballot.ids.forEach((id, j) => {
      const pi = index.get(id);
      if (pi === undefined || items.has(pi)) return; // unknown project or repeated id: ignored
      let u: bigint;
      if (utility === "cost") u = projects[pi].cost;
      else if (utility === "cardinality") u = 1n;
      else u = ballot.points ? ballot.points[j] ?? 0n : 1n;
      items.set(pi, u);
    });
    const list = [...items.entries()].filter(([, u]) => u > 0n).sort((a, b) => a[0] - b[0]);
    const key = list.map(([pi, u]) => `${pi}:${u}`).join(",");
    const g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, groupItems.length);
      groupItems.push(list);
      multList.push(1);
    } else {
      multList[g]++;
    }
  }
  const G = groupItems.length;
  const mult = Float64Array.from(multList);
  const multBig = multList.map((m) => BigInt(m));

  const supG: number[][] = projects.map(() => []);
  const supU: bigint[][] = projects.map(() => []);
  for (let g = 0; g < G; g++) {
    for (const [pi, u] of groupItems[g]) {
      supG[pi].push(g);
      supU[pi].push(u);
    }
  }

  const supporters = projects.map((_, pi) => supG[pi].reduce((s, g) => s + multList[g], 0));
  const cands: Cand[] = [];
  const zeroCost: number[] = [];
  projects.forEach((p, pi) => {
    if (supG[pi].length === 0) return;
    if (p.cost === 0n) {
      zeroCost.push(pi);
      return;
    }
    if (p.cost < 0n) return; // a negative cost is not a project; never selected by MES
    const us = supU[pi];
    const distinct = [...new Set(us.map((u) => u.toString()))].map((s) => BigInt(s));
    distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const uniform = distinct.length === 1;
    let uIdx: Int32Array | null = null;
    if (!uniform) {
      const pos = new Map(distinct.map((u, i) => [u.toString(), i]));
      uIdx = Int32Array.from(us.map((u) => pos.get(u.toString())!));
    }
    let totalU = 0n;
    for (let i = 0; i < us.length; i++) totalU += multBig[supG[pi][i]] * us[i];
    cands.push({
      pi,
      id: p.id,
      cost: p.cost,
      costF: Number(p.cost),
      sg: Int32Array.from(supG[pi]),
      uIdx,
      uVals: distinct,
      uValsF: Float64Array.from(distinct.map((u) => Number(u))),
      uGcd: distinct.reduce((a, b) => gcdBig(a, b), 0n),
      totalU,
      totalUF: Number(totalU),
      voters: supporters[pi],
    });
  });
  cands.sort((a, b) => compareProjectIds(a.id, b.id));
  zeroCost.sort((a, b) => compareProjectIds(projects[a].id, projects[b].id));
  return { election, utility, n: election.ballots.length, G, mult, multBig, cands, zeroCost, supporters };
}

// ---------------------------------------------------------------------------
// One MES run.

/** Exact result of computing rho for a project: rho = X / (D·U), slope Y / (D·U) per Add1 step. */
interface RhoEval {
  X: bigint;
  Y: bigint;
  U: bigint;
  D: bigint;
  /** Membership test data: capped iff override says so, else iff float b/u < thr. */
  thr: number;
  overrides: Map<number, boolean>;
}

interface DroppedInfo {
  round: number;
  money: Rational;
}

interface WinnerInfo {
  cand: number;
  round: number;
  rho: Rational;
  capped: number;
  payments: MesPayment[];
}

interface RunResult {
  /** Selected project indices (election.projects), in selection order (zero-cost ones first). */
  selected: number[];
  cost: bigint;
  /** Steps over which the outcome provably stays the same: [0, tStar); null = no bound found. */
  tStar: [bigint, bigint] | null;
  winners: WinnerInfo[];
  dropped: Map<number, DroppedInfo>;
  rounds: number;
}

class MesRun {
  private readonly prep: Prepared;
  private readonly param: boolean;
  private readonly details: boolean;

  // Budget classes. Class 0 is the empty budget.
  private N: bigint[] = [0n];
  private M: bigint[] = [0n];
  private ep: number[] = [0];
  private F: number[] = [0];
  private cls: Int32Array;
  private Dh: bigint[];
  private E = 0;
  private fac = new Map<number, bigint>();

  // Scratch for per-class aggregation.
  private cnt: number[] = [0];
  private stamp: number[] = [0];
  private stampNow = 0;

  /** Smallest t at which a recorded constraint could flip, as [num, den]. */
  private tmin: [bigint, bigint] | null = null;

  constructor(prep: Prepared, beta: Rational, step: bigint, param: boolean, details: boolean) {
    this.prep = prep;
    this.param = param;
    this.details = details;
    this.Dh = [beta.d];
    this.N.push(beta.n);
    this.M.push(param ? step * beta.d : 0n);
    this.ep.push(0);
    this.F.push(ratioToNumber(beta.n, beta.d));
    this.cnt.push(0);
    this.stamp.push(0);
    this.cls = new Int32Array(prep.G).fill(1);
  }

  private get D(): bigint {
    return this.Dh[this.E];
  }

  /** Brings class k to the current common denominator. */
  private rescale(k: number): void {
    const e = this.ep[k];
    if (e === this.E) return;
    let f = this.fac.get(e);
    if (f === undefined) {
      f = this.Dh[this.E] / this.Dh[e];
      this.fac.set(e, f);
    }
    this.N[k] *= f;
    if (this.param) this.M[k] *= f;
    this.ep[k] = this.E;
  }

  private newClass(N: bigint, M: bigint): number {
    const k = this.N.length;
    this.N.push(N);
    this.M.push(M);
    this.ep.push(this.E);
    this.F.push(N === 0n ? 0 : ratioToNumber(N, this.D));
    this.cnt.push(0);
    this.stamp.push(0);
    return k;
  }

  private consider(v: bigint, s: bigint): void {
    // constraint v + s·t ≥ 0 (v ≥ 0 at t = 0); it can flip at t = v / -s when s < 0.
    if (!this.param) return;
    if (v < 0n) v = 0n; // cannot happen; be conservative
    if (s >= 0n) return;
    const num = v;
    const den = -s;
    if (this.tmin === null || num * this.tmin[1] < this.tmin[0] * den) this.tmin = [num, den];
  }

  private u(c: Cand, i: number): bigint {
    return c.uIdx ? c.uVals[c.uIdx[i]] : c.uVals[0];
  }

  private uF(c: Cand, i: number): number {
    return c.uIdx ? c.uValsF[c.uIdx[i]] : c.uValsF[0];
  }

  private key(c: Cand, i: number, k: number): number {
    return c.uIdx ? k * c.uVals.length + c.uIdx[i] : k;
  }

  private isCapped(c: Cand, i: number, ev: RhoEval): boolean {
    const k = this.cls[c.sg[i]];
    if (ev.overrides.size > 0) {
      const o = ev.overrides.get(this.key(c, i, k));
      if (o !== undefined) return o;
    }
    return this.F[k] / this.uF(c, i) < ev.thr;
  }

  /** Exact Σ multiplicity × budget over all supporters, as numerators over D (value and slope). */
  private exactMoney(c: Cand): [bigint, bigint] {
    const touched = this.aggregate(c, null);
    let sN = 0n;
    let sM = 0n;
    for (const k of touched) {
      if (k === 0) continue;
      this.rescale(k);
      const m = BigInt(this.cnt[k]);
      sN += m * this.N[k];
      if (this.param) sM += m * this.M[k];
    }
    return [sN, sM];
  }

  /**
   * Adds multiplicities per class into this.cnt for the supporters selected by
   * `filter` (all when null); returns the touched classes.
   */
  private aggregate(c: Cand, filter: ((i: number) => boolean) | null, uCounts?: number[]): number[] {
    const stampNow = ++this.stampNow;
    const touched: number[] = [];
    const { sg } = c;
    const mult = this.prep.mult;
    for (let i = 0; i < sg.length; i++) {
      if (filter && !filter(i)) continue;
      const g = sg[i];
      const k = this.cls[g];
      if (this.stamp[k] !== stampNow) {
        this.stamp[k] = stampNow;
        this.cnt[k] = 0;
        touched.push(k);
      }
      this.cnt[k] += mult[g];
      if (uCounts) uCounts[c.uIdx ? c.uIdx[i] : 0] += mult[g];
    }
    return touched;
  }

  /** Exact rho of an affordable project from a membership rule (capped set). */
  private rhoFor(c: Cand, ev: RhoEval): boolean {
    const uCounts = new Array<number>(c.uVals.length).fill(0);
    const touched = this.aggregate(c, (i) => this.isCapped(c, i, ev), uCounts);
    let sN = 0n;
    let sM = 0n;
    for (const k of touched) {
      if (k === 0) continue;
      this.rescale(k);
      const m = BigInt(this.cnt[k]);
      sN += m * this.N[k];
      if (this.param) sM += m * this.M[k];
    }
    let uC = 0n;
    for (let j = 0; j < uCounts.length; j++) if (uCounts[j] > 0) uC += BigInt(uCounts[j]) * c.uVals[j];
    const D = this.D;
    ev.D = D;
    ev.U = c.totalU - uC;
    ev.X = c.cost * D - sN;
    ev.Y = -sM;
    return ev.U > 0n && ev.X >= 0n;
  }

  /**
   * Exact rho of project c (null when unaffordable, with its money recorded).
   * Float guess of the capped set, then exact verification and correction.
   */
  private evaluate(c: Cand): RhoEval | { unaffordable: true; sN: bigint; sM: bigint } {
    const { sg } = c;
    const F = this.F;
    const cls = this.cls;
    const mult = this.prep.mult;
    const D = this.D;

    // Affordability.
    let money = 0;
    for (let i = 0; i < sg.length; i++) money += mult[sg[i]] * F[cls[sg[i]]];
    const margin = (sg.length + 16) * 4 * EPS;
    let affordable: boolean;
    let exact: [bigint, bigint] | null = null;
    if (money >= c.costF * (1 + margin)) affordable = true;
    else if (money < c.costF * (1 - margin)) affordable = false;
    else {
      exact = this.exactMoney(c);
      affordable = exact[0] >= c.cost * D;
    }
    if (!affordable) {
      if (exact === null && (this.param || this.details)) exact = this.exactMoney(c);
      return { unaffordable: true, sN: exact ? exact[0] : 0n, sM: exact ? exact[1] : 0n };
    }

    // Float guess: capped = {b/u < rho}; iterate rho_C until the set is stable.
    let rho = c.costF / c.totalUF;
    let stable = false;
    for (let iter = 0; iter < 64 && !stable; iter++) {
      let sC = 0;
      let uC = 0;
      let nextAbove = Infinity;
      for (let i = 0; i < sg.length; i++) {
        const g = sg[i];
        const b = F[cls[g]];
        const u = c.uIdx ? c.uValsF[c.uIdx[i]] : c.uValsF[0];
        const x = b / u;
        if (x < rho) {
          sC += mult[g] * b;
          uC += mult[g] * u;
        } else if (x < nextAbove) nextAbove = x;
      }
      const rest = c.totalUF - uC;
      if (!(rest > 0)) break;
      const r2 = (c.costF - sC) / rest;
      if (r2 <= nextAbove) {
        rho = Math.max(rho, r2);
        stable = true;
      } else rho = r2;
    }

    const ev: RhoEval = { X: 0n, Y: 0n, U: 0n, D, thr: rho, overrides: new Map() };
    if (stable) {
      for (let loop = 0; loop < 12; loop++) {
        if (!this.rhoFor(c, ev)) break;
        const rhoF = ratioToNumber(ev.X, ev.D * ev.U);
        let changed = false;
        const checked = new Set<number>();
        for (let i = 0; i < sg.length; i++) {
          const k = cls[sg[i]];
          const x = F[k] / this.uF(c, i);
          const capped = this.isCapped(c, i, ev);
          if (capped ? x <= rhoF * (1 - DELTA) : x >= rhoF * (1 + DELTA)) continue;
          const key = this.key(c, i, k);
          if (checked.has(key)) continue;
          checked.add(key);
          // exact: b ? rho·u  <=>  N_k·U ? X·u
          this.rescale(k);
          const lhs = this.N[k] * ev.U;
          const rhs = ev.X * this.u(c, i);
          if (capped && lhs > rhs) {
            ev.overrides.set(key, false);
            changed = true;
          } else if (!capped && lhs < rhs) {
            ev.overrides.set(key, true);
            changed = true;
          }
        }
        if (!changed) return ev;
      }
    }
    return this.evaluateSlow(c);
  }

  /** Exact rho by sorting supporters exactly (fallback for degenerate cases). */
  private evaluateSlow(c: Cand): RhoEval {
    const entries = new Map<number, { k: number; u: bigint; cnt: bigint }>();
    for (let i = 0; i < c.sg.length; i++) {
      const k = this.cls[c.sg[i]];
      const key = this.key(c, i, k);
      const e = entries.get(key);
      if (e) e.cnt += this.prep.multBig[c.sg[i]];
      else entries.set(key, { k, u: this.u(c, i), cnt: this.prep.multBig[c.sg[i]] });
    }
    const list = [...entries.entries()];
    for (const [, e] of list) this.rescale(e.k);
    list.sort(([, a], [, b]) => {
      const l = this.N[a.k] * b.u;
      const r = this.N[b.k] * a.u;
      return l < r ? -1 : l > r ? 1 : 0;
    });
    const D = this.D;
    let paidN = 0n;
    let paidM = 0n;
    let denom = c.totalU;
    const overrides = new Map<number, boolean>();
    for (let j = 0; j < list.length; j++) {
      const [, e] = list[j];
      const X = c.cost * D - paidN;
      if (X * e.u <= this.N[e.k] * denom) {
        for (let h = 0; h < list.length; h++) overrides.set(list[h][0], h < j);
        return { X, Y: -paidM, U: denom, D, thr: -Infinity, overrides };
      }
      paidN += e.cnt * this.N[e.k];
      if (this.param) paidM += e.cnt * this.M[e.k];
      denom -= e.cnt * e.u;
    }
    throw new Error(`MES internal error: project ${c.id} deemed affordable but no rho found`);
  }

  run(): RunResult {
    const prep = this.prep;
    const cands = prep.cands;
    const C = cands.length;
    const alive = new Uint8Array(C).fill(1);
    const L = new Float64Array(C);
    const lbX: bigint[] = [];
    const lbY: bigint[] = [];
    const lbD: bigint[] = [];
    const lbU: bigint[] = [];
    for (let j = 0; j < C; j++) {
      L[j] = (cands[j].costF / cands[j].totalUF) * LOWER;
      lbX.push(cands[j].cost);
      lbY.push(0n);
      lbD.push(1n);
      lbU.push(cands[j].totalU);
    }
    const selected: number[] = [...prep.zeroCost];
    let cost = 0n;
    const winners: WinnerInfo[] = [];
    const dropped = new Map<number, DroppedInfo>();
    let round = 0;
    let aliveCount = C;

    while (aliveCount > 0) {
      round++;
      const order: number[] = [];
      for (let j = 0; j < C; j++) if (alive[j]) order.push(j);
      order.sort((a, b) => L[a] - L[b] || compareProjectIds(cands[a].id, cands[b].id));
      let best = -1;
      let bestEv: RhoEval | null = null;
      let bestF = Infinity;
      for (const j of order) {
        if (best >= 0 && L[j] > bestF * (1 + 1e-12)) break;
        const c = cands[j];
        const ev = this.evaluate(c);
        if ("unaffordable" in ev) {
          alive[j] = 0;
          aliveCount--;
          if (this.param) this.consider(c.cost * this.D - ev.sN, -ev.sM);
          if (this.details) dropped.set(j, { round, money: rat(ev.sN, this.D) });
          continue;
        }
        lbX[j] = ev.X;
        lbY[j] = ev.Y;
        lbD[j] = ev.D;
        lbU[j] = ev.U;
        L[j] = ratioToNumber(ev.X, ev.D * ev.U) * LOWER;
        if (bestEv === null) {
          best = j;
          bestEv = ev;
        } else {
          const l = ev.X * bestEv.U;
          const r = bestEv.X * ev.U;
          if (l < r || (l === r && compareProjectIds(c.id, cands[best].id) < 0)) {
            best = j;
            bestEv = ev;
          }
        }
        bestF = ratioToNumber(bestEv.X, bestEv.D * bestEv.U);
      }
      if (bestEv === null) break;

      const w = cands[best];
      alive[best] = 0;
      aliveCount--;
      if (this.param) {
        // Every other live project must keep a rho above the winner's.
        for (let j = 0; j < C; j++) {
          if (!alive[j]) continue;
          const a = bestEv.D * bestEv.U;
          const b = lbD[j] * lbU[j];
          this.consider(lbX[j] * a - bestEv.X * b, lbY[j] * a - bestEv.Y * b);
        }
      }
      winners.push(this.pay(w, bestEv, round));
      winners[winners.length - 1].cand = best;
      selected.push(w.pi);
      cost += w.cost;
    }
    for (const pi of prep.zeroCost) cost += prep.election.projects[pi].cost;
    return { selected, cost, tStar: this.tmin, winners, dropped, rounds: round };
  }

  /** The winner's supporters pay; budget classes are split accordingly. */
  private pay(c: Cand, ev: RhoEval, round: number): WinnerInfo {
    const { X, Y, U } = ev;
    const Dold = ev.D;
    // New common denominator: D·q with q = U / r, where r divides u·X and u·Y for every utility u.
    let r = gcdBig(U, c.uGcd * X);
    if (Y !== 0n) r = gcdBig(r, c.uGcd * Y);
    const q = U / r;
    const newD = Dold * q;
    // Make sure every class we touch is expressed over Dold before switching epoch.
    const mapped = new Map<number, number>();
    const cappedKeys = new Map<number, boolean>();
    const { sg } = c;
    // Decide membership with the pre-payment classes.
    const isCap = new Uint8Array(sg.length);
    for (let i = 0; i < sg.length; i++) isCap[i] = this.isCapped(c, i, ev) ? 1 : 0;
    const oldCls = new Int32Array(sg.length);
    for (let i = 0; i < sg.length; i++) {
      oldCls[i] = this.cls[sg[i]];
      this.rescale(oldCls[i]);
    }
    // Details and parametric constraints per distinct (class, utility).
    let cappedVoters = 0;
    const payments = new Map<string, { amount: Rational; voters: number }>();
    const seen = new Map<number, number>(); // key -> voters
    for (let i = 0; i < sg.length; i++) {
      const k = oldCls[i];
      const key = this.key(c, i, k);
      const m = this.prep.mult[sg[i]];
      seen.set(key, (seen.get(key) ?? 0) + m);
      if (!cappedKeys.has(key)) cappedKeys.set(key, isCap[i] === 1);
      if (isCap[i]) cappedVoters += m;
    }
    if (this.param || this.details) {
      const firstIndex = new Map<number, number>();
      for (let i = 0; i < sg.length; i++) {
        const key = this.key(c, i, oldCls[i]);
        if (!firstIndex.has(key)) firstIndex.set(key, i);
      }
      for (const [key, i] of firstIndex) {
        const k = oldCls[i];
        const u = this.u(c, i);
        const capped = cappedKeys.get(key)!;
        if (this.param) {
          if (capped) this.consider(X * u - this.N[k] * U, Y * u - this.M[k] * U);
          else this.consider(this.N[k] * U - X * u, this.M[k] * U - Y * u);
        }
        if (this.details) {
          const amount = capped ? rat(this.N[k], Dold) : rat(X * u, Dold * U);
          const s = toFractionString(amount);
          const entry = payments.get(s);
          if (entry) entry.voters += seen.get(key)!;
          else payments.set(s, { amount, voters: seen.get(key)! });
        }
      }
    }
    // Switch to the new epoch.
    this.Dh.push(newD);
    this.E++;
    this.fac.clear();
    for (let i = 0; i < sg.length; i++) {
      const g = sg[i];
      if (isCap[i]) {
        this.cls[g] = 0;
        continue;
      }
      const k = oldCls[i];
      const key = this.key(c, i, k);
      let nk = mapped.get(key);
      if (nk === undefined) {
        const u = this.u(c, i);
        // N, M of class k are over Dold (rescaled above); over newD they are ×q.
        const Nn = this.N[k] * q - (u * X) / r;
        const Mn = this.param ? this.M[k] * q - (u * Y) / r : 0n;
        nk = Nn === 0n && Mn === 0n ? 0 : this.newClass(Nn, Mn);
        mapped.set(key, nk);
      }
      this.cls[g] = nk;
    }
    const list = [...payments.values()].sort((a, b) => {
      const l = a.amount.n * b.amount.d;
      const rr = b.amount.n * a.amount.d;
      return l > rr ? -1 : l < rr ? 1 : 0;
    });
    return {
      cand: -1,
      round,
      rho: rat(X, Dold * U),
      capped: cappedVoters,
      payments: list.map((p) => ({
        amount: toDecimalString(p.amount, 6),
        exact: toFractionString(p.amount),
        voters: p.voters,
      })),
    };
  }
}

function runMes(prep: Prepared, beta: Rational, step: bigint, param: boolean, details: boolean): RunResult {
  if (prep.n === 0) {
    return { selected: [...prep.zeroCost], cost: 0n, tStar: null, winners: [], dropped: new Map(), rounds: 0 };
  }
  return new MesRun(prep, beta, step, param, details).run();
}

// ---------------------------------------------------------------------------
// Public rules.

function perVoter(prep: Prepared, budget: bigint, k: bigint, step: bigint): Rational {
  return rat(budget + k * step * BigInt(prep.n), BigInt(Math.max(prep.n, 1)));
}

function isExhaustive(
  election: Election,
  selected: Set<number>,
  cost: bigint,
  among: Iterable<number>,
): boolean {
  const left = election.budget - cost;
  for (const pi of among) {
    if (!selected.has(pi) && election.projects[pi].cost <= left) return false;
  }
  return true;
}

/**
 * Method of Equal Shares with optional Add1 completion and greedy fill.
 * `mes` and `mesAdd1` are the two rules of the app; the other combinations
 * are building blocks (pabutools' mes_*_greedy_*, mes_*_add1).
 */
export function equalShares(election: Election, options: EqualSharesOptions = {}): TallyOutcome {
  const utility = resolveUtility(election, options.utility);
  const prep = prepare(election, utility);
  const step = options.add1Step ?? election.currencyUnit ?? 1n;
  if (step <= 0n) throw new RangeError("add1Step must be positive");
  const B = election.budget;

  let chosenK = 0n;
  let runs = 0;
  if (options.add1 && prep.n > 0) {
    const candIdx = prep.cands.map((c) => c.pi);
    let k = 0n;
    let prevK: bigint | null = null;
    for (;;) {
      const res = runMes(prep, perVoter(prep, B, k, step), step, !options.naiveAdd1, false);
      runs++;
      if (res.cost > B) {
        // The reference returns the previous step's outcome, which equals the
        // outcome of the last run (constant over the steps we jumped).
        chosenK = prevK === null ? 0n : k - 1n;
        break;
      }
      if (isExhaustive(election, new Set(res.selected), res.cost, candIdx)) {
        chosenK = k;
        break;
      }
      prevK = k;
      if (options.naiveAdd1) {
        k += 1n;
        continue;
      }
      if (res.tStar === null) {
        // No decision of this run depends on the budget increase: the outcome
        // would stay the same at every later step (the reference would never stop).
        chosenK = k;
        break;
      }
      const [tn, td] = res.tStar;
      let jump = tn / td + (tn % td === 0n ? 0n : 1n);
      if (jump < 1n) jump = 1n;
      k += jump;
    }
  }

  const final = runMes(prep, perVoter(prep, B, chosenK, step), step, false, true);
  runs++;
  const selectedSet = new Set(final.selected);
  const mesSpent = final.cost;

  // Greedy fill of what is left of the real budget, in greedy order.
  const scores = scoreProjects(election);
  const filled: number[] = [];
  let spent = mesSpent;
  const remainingAtFill = new Map<number, bigint>();
  if (options.greedyFill) {
    const allIdx = election.projects.map((_, i) => i);
    if (!isExhaustive(election, selectedSet, mesSpent, allIdx)) {
      const index = new Map(election.projects.map((p, i) => [p.id, i]));
      for (const p of greedyOrder(election, scores)) {
        const pi = index.get(p.id)!;
        if (selectedSet.has(pi)) continue;
        remainingAtFill.set(pi, B - spent);
        if (p.cost <= B - spent) {
          filled.push(pi);
          selectedSet.add(pi);
          spent += p.cost;
        }
      }
    }
  }

  // Outcome, with explanations.
  const projects = election.projects;
  const candByPi = new Map(prep.cands.map((c, j) => [c.pi, j]));
  const winnerByCand = new Map(final.winners.map((w) => [w.cand, w]));
  const order: number[] = [...final.selected, ...filled];
  const inOrder = new Set(order);
  const rest = projects
    .map((_, i) => i)
    .filter((i) => !inOrder.has(i))
    .sort((a, b) => {
      const sa = scores.get(projects[a].id)!;
      const sb = scores.get(projects[b].id)!;
      if (sa !== sb) return sa > sb ? -1 : 1;
      return compareProjectIds(projects[a].id, projects[b].id);
    });
  let running = 0n;
  const outcomeProjects: ProjectOutcome[] = [...order, ...rest].map((pi, position) => {
    const p = projects[pi];
    const isSelected = selectedSet.has(pi);
    const isFilled = filled.includes(pi);
    const remainingBefore = isFilled ? remainingAtFill.get(pi)! : isSelected ? B - running : B - spent;
    if (isSelected && !isFilled) running += p.cost;
    const j = candByPi.get(pi);
    let detail: MesProjectDetail;
    if (prep.zeroCost.includes(pi)) {
      detail = {
        kind: "winner",
        round: 0,
        rho: "0",
        rhoExact: "0",
        supporters: prep.supporters[pi],
        cappedSupporters: 0,
        payments: [],
      } satisfies MesWinnerDetail;
    } else if (j !== undefined && winnerByCand.has(j)) {
      const w = winnerByCand.get(j)!;
      detail = {
        kind: "winner",
        round: w.round,
        rho: toDecimalString(w.rho, 9),
        rhoExact: toFractionString(w.rho),
        supporters: prep.supporters[pi],
        cappedSupporters: w.capped,
        payments: w.payments,
      } satisfies MesWinnerDetail;
    } else if (j !== undefined) {
      const d = final.dropped.get(j);
      const loser: MesLoserDetail = { kind: "loser", reason: "unaffordable", supporters: prep.supporters[pi] };
      if (d) {
        loser.droppedInRound = d.round;
        loser.supportersMoney = toDecimalString(d.money, 6);
        loser.coverage = toDecimalString(rat(d.money.n, d.money.d * p.cost), 4, true);
      }
      detail = loser;
    } else {
      detail = { kind: "loser", reason: "no-support", supporters: prep.supporters[pi] } satisfies MesLoserDetail;
    }
    const via: ProjectOutcome["via"] = !isSelected
      ? undefined
      : isFilled
        ? "greedy-fill"
        : prep.zeroCost.includes(pi)
          ? "zero-cost"
          : "mes";
    const out: ProjectOutcome = {
      id: p.id,
      cost: p.cost,
      score: scores.get(p.id)!,
      selected: isSelected,
      position,
      remainingBefore,
      mes: detail,
    };
    if (via) out.via = via;
    return out;
  });

  const beta = perVoter(prep, B, chosenK, step);
  const mesDetail: MesOutcomeDetail = {
    utility,
    voters: prep.n,
    perVoterBudget: toDecimalString(beta, 6),
    perVoterBudgetExact: toFractionString(beta),
    add1Steps: Number(chosenK),
    virtualBudget: toDecimalString(rat(beta.n * BigInt(prep.n), beta.d), 6),
    mesRuns: runs,
    mesSpent,
    filled: filled.map((pi) => projects[pi].id),
  };
  return {
    rule: options.add1 ? "mes-add1" : "mes",
    budget: B,
    winners: order.map((pi) => projects[pi].id),
    spent,
    projects: outcomeProjects,
    mes: mesDetail,
  };
}

/** Method of Equal Shares (rule "mes"): cost utilities for approval ballots, points otherwise. */
export function mes(election: Election, options: MesOptions = {}): TallyOutcome {
  return equalShares(election, { ...options, add1: false, greedyFill: false });
}

/** Rule "mes-add1": MES, Add1 completion, then greedy fill of the real budget. */
export function mesAdd1(
  election: Election,
  options: MesOptions & Pick<EqualSharesOptions, "add1Step" | "naiveAdd1"> = {},
): TallyOutcome {
  return equalShares(election, { ...options, add1: true, greedyFill: true });
}
