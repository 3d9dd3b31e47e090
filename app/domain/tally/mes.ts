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
//     cost (a sum of positive terms, relative error < (k+16)·4·2^-52);
//   * to settle the affine sandwich (boundsOkF): floats certified below and
//     above each exact bound, so a proof they give holds and a failure they
//     show is the exact check's; only the rest is carried in BigInt;
//   * to drop a project without summing its supporters' money: a run at a
//     lower step with the same winners so far found their money below a
//     certified float bound (the sum's error bound), and that bound plus what
//     they can have more here (delta per voter, for them and for the voters
//     that run capped so far) is still clearly below the cost.
//
// Money representation. Identical ballots are grouped (a ballot with a
// `count` is that many identical ballots: the engine only ever sees groups). All groups with the
// same remaining budget share a "budget class"; a class stores its budget as
// an integer numerator N over a common denominator D (D only grows, by the
// factor each payment needs; a class is rescaled lazily when it is used). A class made by a
// one-utility payment gets its numerator only when an exact step needs that class alone (most
// never do): until then it is its parent class minus the payment (exact sums subtract the
// payments), and its float comes from double-double arithmetic, certified to be the very
// double its numerator would give (else the numerator is made at once).
// On approval ballots (one utility per project) a project's supporters are
// gathered into the classes they are in, a few hundred where supporters are
// tens of thousands, and every evaluation and payment works on those classes.
//
// Add1 without thousands of runs. The reference tries every step k = 0, 1,
// 2, … (each voter starts with B/n + k units) and stops at the first outcome
// that costs more than B (keeping the previous one) or is exhaustive. We only
// run MES at the steps where the outcome can change, and prove that it cannot
// change in between:
//   * Monotone sandwich (verifyInterval). Follow the winner sequence of the
//     run at step k with the budgets of a later step T. For a fixed sequence,
//     every remaining budget is non-decreasing in the starting budget, so
//     every project's rho is non-increasing and its supporters' money
//     non-decreasing. If at step T every other project is, in every round,
//     unaffordable or priced at least at the winner's rho of step k (ties by
//     id), and nothing is affordable after the last round, then the same
//     project wins every round at every step in [k, T]: same outcome.
//   * Refined sandwich (refinedOk), used when the plain one fails for a
//     project: a voter never capped so far gains at least the full increase,
//     which gives an affine lower bound on the loser's rho and, by convexity,
//     a chord above the winner's rho; comparing them at both ends of the
//     interval proves the whole interval.
//   * Affine sandwich (boundsOk), for near ties: affine bounds on every budget
//     between both ends, exact at T, carried round by round, give affine
//     lower bounds on the loser's rho (one tight at T, one at the start) and
//     a chord above the winner's.
//   * Proofs are chained (the verifying run at T gives the thresholds for the
//     next piece) as far as float estimates of how fast each rho moves
//     suggest (where a loser's rho meets the winner's; where a dropped
//     project's supporters, with what they have left after the last round,
//     can pay for it again), and no further than the sandwich is expected to
//     hold: short pieces from a near tie (just after a crossing), longer ones
//     from a clear lead. A proof that fails goes on as a plain run, so it still gives
//     the outcome at T; when that outcome differs, the failure also tells
//     about where it changed, and the next proof aims just before. Where
//     nothing can be proved the engine simply runs the next step, like the
//     reference.
// Tests compare the result with a naive implementation that tries every step.

import { greedyOrder, scoreProjects } from "./greedy";
import {
  gcdBig,
  rat,
  ratioToNumber,
  ratiosOver,
  toDecimalString,
  toFractionString,
  type Rational,
} from "./rational";
import { compareProjectIds } from "./tie-break";
import { ballotCount } from "./weights";
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
  /** Index in Prepared.cands. */
  ci: number;
  id: ProjectId;
  cost: bigint;
  costF: number;
  /** Supporter ballot groups. */
  sg: Int32Array;
  /** Their multiplicities, in the same order (read together with sg, in one sweep). */
  sm: Float64Array;
  /** The same as integers, when every sum of them fits (n < 2^31); else null. */
  smI: Int32Array | null;
  /** Supporter groups of one ballot (most: no multiplicity to read), and the others with theirs (for the money-first pass). */
  sg1: Int32Array;
  sgM: Int32Array;
  smM: Float64Array;
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
  /** mult as BigInt, made on first use (points utilities, the slow exact path): 200,000 BigInts otherwise for nothing. */
  multBig: bigint[] | null;
  /** Candidates (cost > 0 and some support), sorted by id. */
  cands: Cand[];
  /** Projects with cost 0 and some support (selected up front), by index, in id order. */
  zeroCost: number[];
  /** Supporting voters per project index. */
  supporters: number[];
  /** The most budget classes a run of this election has made so far (a capacity hint for the next run). */
  classesSeen: number;
  /** The most entries of winCls a run of this election has recorded so far (a block size for the next run's records). */
  recordHint: number;
  /** The same for winInfo. */
  recordHintF: number;
  /**
   * Each project's supporters by budget class, in buffers shared by the runs (one run at a
   * time): the last few, each valid for one version of the classes.
   */
  gathers: (Gathered[] | undefined)[];
  /**
   * Versions name how ballot groups are split into budget classes (not the budgets). Runs
   * start alike (version 1: everyone in class 1), and runs at nearby Add1 steps often split
   * them alike round after round: a payment from version v, by a one-utility winner, leading
   * to the same split (which of its classes end empty) leads to the same version, so a
   * gathering made by an earlier run is reused. Versions are never reused for another split.
   */
  splits: Map<string, number>;
  lastVersion: number;
  scratch: Scratch;
  /**
   * How often the money-first pass (floatEvalClasses) found a project unaffordable, over its
   * recent tries: where projects are mostly affordable (a few projects, each backed by a large
   * share of the voters) the pass is wasted before the grouping, so it is mostly left out.
   */
  moneyFirst: { tries: number; hits: number; skipped: number };
}

function resolveUtility(election: Election, utility: MesOptions["utility"]): MesUtility {
  if (utility && utility !== "auto") return utility;
  return election.ballots.some((b) => b.points !== undefined && ballotCount(b) > 0) ? "points" : "cost";
}

function multiplicities(sg: Int32Array, mult: Float64Array): Float64Array {
  const sm = new Float64Array(sg.length);
  for (let i = 0; i < sg.length; i++) sm[i] = mult[sg[i]];
  return sm;
}

/** A project's supporter groups of one ballot, and the others with their multiplicities (one pass, no closures: hundreds of thousands of groups). */
function splitByMultiplicity(sg: Int32Array, mult: Float64Array): { sg1: Int32Array; sgM: Int32Array; smM: Float64Array } {
  let ones = 0;
  for (let i = 0; i < sg.length; i++) if (mult[sg[i]] === 1) ones++;
  const sg1 = new Int32Array(ones);
  const sgM = new Int32Array(sg.length - ones);
  const smM = new Float64Array(sg.length - ones);
  let a = 0;
  let b = 0;
  for (let i = 0; i < sg.length; i++) {
    const g = sg[i];
    const m = mult[g];
    if (m === 1) sg1[a++] = g;
    else {
      sgM[b] = g;
      smM[b++] = m;
    }
  }
  return { sg1, sgM, smM };
}

function prepare(election: Election, utility: MesUtility): Prepared {
  const projects = election.projects;
  const index = new Map<ProjectId, number>();
  projects.forEach((p, i) => index.set(p.id, i));

  // Group identical ballots (as far as MES can tell). Built with flat arrays
  // and one string key per ballot: a 400,000-voter district with 220,000
  // distinct ballots must not allocate a map per ballot.
  const P = projects.length;
  const withPoints = utility === "points";
  // Utility of a project when it does not depend on the ballot.
  const fixedU: bigint[] = projects.map((p) => (utility === "cost" ? p.cost : 1n));
  // Positive fixed utility (a zero-cost project gives no cost utility).
  const fixedPos = Uint8Array.from(fixedU, (u) => (u > 0n ? 1 : 0));
  const ballots = election.ballots;
  let tableSize = 16;
  while (!election.grouped && tableSize < 2 * ballots.length) tableSize *= 2;
  const mask = tableSize - 1;
  const table = new Int32Array(tableSize).fill(-1);
  let totalIds = 0;
  for (const ballot of ballots) totalIds += ballot.ids.length;
  // Groups as flat typed arrays: group g lists itemPi[itemStart[g] .. itemStart[g + 1]).
  const itemStart = new Int32Array(ballots.length + 1);
  const itemPi = new Int32Array(totalIds);
  const itemU: bigint[] = []; // points utility only
  const multArr = new Float64Array(ballots.length);
  let G = 0;
  let nItems = 0;
  const perProject = new Int32Array(P);
  let n = 0;
  // One ballot's projects (and points): typed scratch, reused from ballot to ballot.
  let pis = new Int32Array(16);
  const us: bigint[] = []; // points utility only
  // seenIn[pi] === b + 1 once ballot b has listed project pi (a repeated id is ignored).
  const seenIn = new Int32Array(P);
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b];
    const count = ballotCount(ballot);
    if (count === 0) continue;
    n += count;
    const ids = ballot.ids;
    if (ids.length > pis.length) pis = new Int32Array(2 * ids.length);
    let found = 0;
    for (let j = 0; j < ids.length; j++) {
      const pi = index.get(ids[j]);
      if (pi === undefined || seenIn[pi] === b + 1) continue; // unknown project or repeated id: ignored
      seenIn[pi] = b + 1;
      if (withPoints) us[found] = ballot.points ? ballot.points[j] ?? 0n : 1n;
      pis[found++] = pi;
    }
    // Keep positive utilities, sorted by project index (insertion sort: ballots are short).
    let m = 0;
    for (let j = 0; j < found; j++) {
      const pi = pis[j];
      if (withPoints ? us[j] <= 0n : fixedPos[pi] === 0) continue;
      const u = withPoints ? us[j] : 0n;
      let h = m++;
      while (h > 0 && pis[h - 1] > pi) {
        pis[h] = pis[h - 1];
        if (withPoints) us[h] = us[h - 1];
        h--;
      }
      pis[h] = pi;
      if (withPoints) us[h] = u;
    }
    // Find the group (unless the caller grouped the ballots already): an open-addressing
    // table keyed by a hash of the (project, utility) list, checked item by item.
    let g = -1;
    let slot = 0;
    if (!election.grouped) {
      let h = 0x811c9dc5 ^ m;
      for (let j = 0; j < m; j++) {
        h = Math.imul(h ^ pis[j], 0x01000193);
        if (withPoints) h = Math.imul(h ^ Number(BigInt.asUintN(32, us[j])), 0x01000193);
      }
      slot = (h >>> 0) & mask;
    }
    while (!election.grouped) {
      const cand = table[slot];
      if (cand < 0) break;
      const a = itemStart[cand];
      if (itemStart[cand + 1] - a === m) {
        let same = true;
        for (let j = 0; j < m && same; j++) same = itemPi[a + j] === pis[j] && (!withPoints || itemU[a + j] === us[j]);
        if (same) {
          g = cand;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (g < 0) {
      if (!election.grouped) table[slot] = G;
      for (let j = 0; j < m; j++) {
        itemPi[nItems++] = pis[j];
        if (withPoints) itemU.push(us[j]);
        perProject[pis[j]]++;
      }
      multArr[G] = count;
      itemStart[++G] = nItems;
    } else {
      multArr[g] += count;
    }
  }
  const mult = multArr.slice(0, G);

  const supG: Int32Array[] = projects.map((_, pi) => new Int32Array(perProject[pi]));
  const supU: bigint[][] = withPoints ? projects.map(() => []) : [];
  const fill = new Int32Array(P);
  const supporters: number[] = new Array<number>(P).fill(0);
  for (let g = 0; g < G; g++) {
    for (let h = itemStart[g]; h < itemStart[g + 1]; h++) {
      const pi = itemPi[h];
      supG[pi][fill[pi]++] = g;
      supporters[pi] += mult[g];
      if (withPoints) supU[pi].push(itemU[h]);
    }
  }

  const cands: Cand[] = [];
  const zeroCost: number[] = [];
  projects.forEach((p, pi) => {
    if (supG[pi].length === 0) return;
    if (p.cost === 0n) {
      zeroCost.push(pi);
      return;
    }
    if (p.cost < 0n) return; // a negative cost is not a project; never selected by MES
    const sg = supG[pi];
    const sm = multiplicities(sg, mult);
    let distinct: bigint[];
    let uIdx: Int32Array | null = null;
    let totalU = 0n;
    if (!withPoints) {
      distinct = [fixedU[pi]];
      totalU = BigInt(supporters[pi]) * fixedU[pi];
    } else {
      const us = supU[pi];
      distinct = [...new Set(us.map((u) => u.toString()))].map((x) => BigInt(x));
      distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (distinct.length !== 1) {
        const pos = new Map(distinct.map((u, i) => [u.toString(), i]));
        uIdx = Int32Array.from(us.map((u) => pos.get(u.toString())!));
      }
      for (let i = 0; i < us.length; i++) totalU += BigInt(mult[sg[i]]) * us[i];
    }
    cands.push({
      pi,
      ci: -1,
      id: p.id,
      cost: p.cost,
      costF: Number(p.cost),
      sg,
      sm,
      smI: n < 2 ** 31 ? new Int32Array(sm) : null,
      ...splitByMultiplicity(sg, mult),
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
  cands.forEach((c, ci) => (c.ci = ci));
  zeroCost.sort((a, b) => compareProjectIds(projects[a].id, projects[b].id));
  return { election, utility, n, G, mult, multBig: null, cands, zeroCost, supporters, classesSeen: 64, recordHint: 4096, recordHintF: 4096, gathers: [], splits: new Map(), lastVersion: ROOT_VERSION, scratch: newScratch(), moneyFirst: { tries: 0, hits: 0, skipped: 0 } };
}

// ---------------------------------------------------------------------------
// One MES run.

/**
 * A certified lower bound on the exact rho, from the float sums of a capped set C (sC: their
 * money, nC: how many terms it summed, rest: the uncapped utility): rho ≥ rho_C for every C,
 * and this bounds the float error of rho_C.
 */
function certifiedLower(c: Cand, sC: number, nC: number, rest: number): number {
  const gamma = (nC + 8) * 4 * EPS;
  const gammaU = c.totalUF < 2 ** 50 ? 0 : (c.sg.length + 8) * 4 * EPS;
  const num = c.costF - sC * (1 + gamma);
  return num > 0 ? (num / (rest * (1 + gammaU) + c.totalUF * gammaU)) * (1 - 8 * EPS) : 0;
}

// Double-double values (hi + lo, about 106 bits): a payment's new budgets are worked out in
// them, so that a budget class's float comes without its BigInt numerator (see newLazy).
// Results are left in DD[0] (hi) and DD[1] (lo): a typed array, as a module-level `let` would
// box every double written to it (a heap allocation per result, millions per count).
const DD = new Float64Array(2);

/** n / d for positive n, d, to a relative error below 2^-103 (sets DD). */
function ddRatio(n: bigint, d: bigint): void {
  const s = 110 - Math.floor(Math.log2(ratioToNumber(n, d)));
  const q = s >= 0 ? (n << BigInt(s)) / d : n / (d << BigInt(-s));
  const hi = Number(q);
  const scale = 2 ** -s;
  DD[0] = hi * scale;
  DD[1] = Number(q - BigInt(hi)) * scale;
}

/** (aH + aL) − (bH + bL); absolute error below 2^-104·(|a| + |b|). */
function ddSub(aH: number, aL: number, bH: number, bL: number): void {
  const s = aH - bH;
  const v = s - aH;
  let e = aH - (s - v) + (-bH - v);
  e += aL - bL;
  const h = s + e;
  DD[0] = h;
  DD[1] = e - (h - s);
}

/** Veltkamp's split: a = hi + lo with 26-bit halves (|a| < 2^995). */
const SPLIT = 134217729;

/** (aH + aL) · (bH + bL); relative error below 2^-103. */
function ddMul(aH: number, aL: number, bH: number, bL: number): void {
  const p = aH * bH;
  let t = SPLIT * aH;
  const ah = t - (t - aH);
  const al = aH - ah;
  t = SPLIT * bH;
  const bh = t - (t - bH);
  const bl = bH - bh;
  let e = ah * bh - p + ah * bl + al * bh + al * bl;
  e += aH * bL + aL * bH;
  const h = p + e;
  DD[0] = h;
  DD[1] = e - (h - p);
}

/** Small voter counts as BigInts, made once (BigInt(m) allocates a new one each time). */
const SMALL_BIG: bigint[] = Array.from({ length: 4096 }, (_, i) => BigInt(i));
/** BigInt(m) for a whole number m ≥ 0. */
function bigCount(m: number): bigint {
  return m < 4096 ? SMALL_BIG[m] : BigInt(m);
}

/** Scratch for rhoByFloats: each entry's float, and whether it is in the capped set. */
let rbfF = new Float64Array(256);
let rbfIn = new Uint8Array(256);
/** Scratch for boundsOkF's rhoL: each entry's L and voters. */
let fltL = new Float64Array(256);
let fltM = new Float64Array(256);

/**
 * The walk of boundsOk's rhoL without sorting: entries l[i] (numerators over a common D, with
 * acc[slots[i]] voters each); rho is the r with Σ m·min(l, r) = target (the cost over D). The
 * walk in increasing l returns [X, M] for C = {l < rho}: X = target − Σ_C m·l, M = Σ_notC m,
 * whatever the order of equal l. Here C is guessed with floats (Number() of a BigInt is
 * correctly rounded, so monotone), and then proved exactly: l·M < X for every entry of C and
 * l·M ≥ X for every other (then X / M solves the equation, whose solution is unique, so C is
 * the walk's). An entry is decided by its float when it is clearly apart from X / M (the float
 * quotient is within 4 ulps of it, each float within one half); the rest is compared exactly.
 * Null when the guess is not proved (the caller then walks in sorted order).
 */
function rhoByFloats(ls: bigint[], slots: number[], acc: Float64Array, target: bigint): [bigint, bigint] | null {
  const n = ls.length;
  if (rbfF.length < n) {
    rbfF = new Float64Array(2 * n);
    rbfIn = new Uint8Array(2 * n);
  }
  const f = rbfF;
  const inC = rbfIn;
  let total = 0;
  for (let i = 0; i < n; i++) {
    f[i] = Number(ls[i]);
    if (!Number.isFinite(f[i])) return null;
    total += acc[slots[i]];
  }
  const tF = Number(target);
  if (!(tF > 0 && Number.isFinite(tF)) || !(total > 0) || total > 2 ** 52) return null;
  // Float fixpoint: C = {f < r}, r = (target − Σ_C m·f) / Σ_notC m; C only grows.
  let r = tF / total;
  for (let iter = 0; ; iter++) {
    if (iter === 64) return null;
    let sC = 0;
    let mC = 0;
    let nextAbove = Infinity;
    for (let i = 0; i < n; i++) {
      const x = f[i];
      if (x < r) {
        sC += acc[slots[i]] * x;
        mC += acc[slots[i]];
      } else if (x < nextAbove) nextAbove = x;
    }
    const rest = total - mC;
    if (!(rest > 0)) return null;
    const r2 = (tF - sC) / rest;
    if (r2 <= nextAbove) {
      if (r2 > r) r = r2;
      break;
    }
    r = r2;
  }
  // Exact X and M for C = {f < r}.
  let paid = 0n;
  let M = 0;
  for (let i = 0; i < n; i++) {
    const m = acc[slots[i]];
    if (f[i] < r) {
      inC[i] = 1;
      paid += m === 1 ? ls[i] : bigCount(m) * ls[i];
    } else {
      inC[i] = 0;
      M += m;
    }
  }
  if (M === 0) return null;
  const X = target - paid;
  if (X <= 0n) return null;
  const MB = BigInt(M);
  const rhoF = Number(X) / M;
  if (!(rhoF > 0 && Number.isFinite(rhoF))) return null;
  const lo = rhoF * (1 - 1e-12);
  const hi = rhoF * (1 + 1e-12);
  for (let i = 0; i < n; i++) {
    const x = f[i];
    if (inC[i] === 1) {
      if (x < lo) continue;
      if (!(ls[i] * MB < X)) return null;
    } else {
      if (x > hi) continue;
      if (!(ls[i] * MB >= X)) return null;
    }
  }
  return [X, MB];
}

/** Scratch for nextSplit's key. */
let nextSplitCodes = new Uint16Array(64);

/** The split every run starts from: every ballot group in class 1 (class 0 empty). */
const ROOT_VERSION = 1;
/** Gatherings kept per project (versions met in the last runs). */
const GATHERS_KEPT = 8;
/** Known splits kept before starting afresh (a key is a few characters per 16 classes). */
const SPLITS_KEPT = 50_000;

/** Scratch arrays of a run (one run at a time), kept for the next run of the election. */
interface Scratch {
  /** Per class: voters, stamp (valid when equal to stampNow), slot. */
  cnt: Float64Array;
  stamp: Int32Array;
  stampNow: number;
  slot: Int32Array;
  /** Budget/utility per supporter of the project being evaluated, and a window of them. */
  xs: Float64Array;
  win: Int32Array;
  /** floatEvalClasses: per class of the project, its budget and budget slope (with xs). */
  bs: Float64Array;
  ms: Float64Array;
  /** floatEvalClasses: the classes not (yet) in the capped set. */
  fxOut: Int32Array;
  /** payByClass: per old class, its new class and the round if capped. */
  gTo: Int32Array;
  gCap: Int32Array;
  /** boundsOk: per class of this run, one of a round's winner's supporters in it. */
  gRep: Int32Array;
  /** payByClass: per class of the winner's supporters (in gathered order), whether capped and its new class. */
  pCap: Uint8Array;
  pNewK: Int32Array;
  /** boundsOk: per class of a round's winner's supporters, its class at t0 after paying, and its slot. */
  bSlot: Int32Array;
  bOld: Int32Array;
  /** boundsOk: per class of prev before a round's payment, its class after. */
  bTo: Int32Array;
  /**
   * boundsOk: voters per slot, summed with stamps (valid when lhStamp[slot] is lhNow, which only
   * grows, so that what a run left is never taken for the next run's), and the new bounds' index
   * per slot; per budget class, the key of its bounds (see MesRun.lhKey).
   */
  lhAcc: Float64Array;
  lhStamp: Int32Array;
  lhNew: Int32Array;
  lhNow: number;
  lhKey: Int32Array;
  /** boundsOkF: the same as lhAcc, lhStamp, lhNew, lhNow. */
  fAcc: Float64Array;
  fStamp: Int32Array;
  fNew: Int32Array;
  fNow: number;
  /**
   * boundsOk: per class of prev, its budget at t0 and its L and H over the last denominators,
   * valid when b0s, l0s, h0s is the run's stamp for them (stamps from b0Now, which only grows).
   */
  b0v: bigint[];
  l0v: bigint[];
  h0v: bigint[];
  b0s: Int32Array;
  l0s: Int32Array;
  h0s: Int32Array;
  b0Now: number;
  /** gathered(): classes (one longer than the classes: ks[K] is written before K counts it), voters. */
  gKs: Int32Array;
  gTmp: Float64Array;
  /** gathered(): voters per class, all zero between uses. */
  gAcc: Float64Array;
  gAccI: Int32Array;
}

function newScratch(): Scratch {
  return {
    cnt: new Float64Array(64),
    stamp: new Int32Array(64),
    stampNow: 0,
    slot: new Int32Array(64),
    xs: new Float64Array(1024),
    win: new Int32Array(1024),
    bs: new Float64Array(1024),
    ms: new Float64Array(1024),
    fxOut: new Int32Array(1024),
    gTo: new Int32Array(64),
    gCap: new Int32Array(64),
    gRep: new Int32Array(64),
    pCap: new Uint8Array(64),
    pNewK: new Int32Array(64),
    bSlot: new Int32Array(64),
    bOld: new Int32Array(64),
    lhAcc: new Float64Array(0),
    lhStamp: new Int32Array(0),
    lhNew: new Int32Array(0),
    lhNow: 0,
    lhKey: new Int32Array(0),
    fAcc: new Float64Array(0),
    fStamp: new Int32Array(0),
    fNew: new Int32Array(0),
    fNow: 0,
    b0v: [],
    l0v: [],
    h0v: [],
    b0s: new Int32Array(0),
    l0s: new Int32Array(0),
    h0s: new Int32Array(0),
    b0Now: 0,
    bTo: new Int32Array(64),
    gKs: new Int32Array(65),
    gTmp: new Float64Array(64),
    gAcc: new Float64Array(64),
    gAccI: new Int32Array(64),
  };
}

/** A project's supporters by budget class: classes ks[j], with cnt[j] voters; valid for one `version` of the split. */
interface Gathered {
  version: number;
  ks: Int32Array;
  cnt: Float64Array;
  ksBuf: Int32Array;
  cntBuf: Float64Array;
}

/** Exact rho of a project: X / (D·U), with the capped set used to find it. */
interface RhoEval {
  X: bigint;
  U: bigint;
  D: bigint;
  /** Membership: capped iff overrides says so, else iff float budget/utility < thr. */
  thr: number;
  overrides: Map<number, boolean> | null;
}

/** Float evaluation of a project (fast path; certified lower bound on rho). */
interface FloatEval {
  affordable: boolean;
  /** Float estimate of rho, and of its derivative per Add1 step. */
  rho: number;
  slope: number;
  /** Certified lower bound on the exact rho. */
  lower: number;
  thr: number;
  /** Float money of supporters and its derivative per step (for guesses). */
  money: number;
  moneySlope: number;
  /** Exact money (numerator over D) when it had to be computed. */
  exactMoney: bigint | null;
}

interface DroppedInfo {
  round: number;
  money: Rational;
}

interface WinnerInfo {
  cand: number;
  round: number;
  /** rho = rhoNum / rhoDen (not normalised). */
  rhoNum: bigint;
  rhoDen: bigint;
  capped: number;
  payments: MesPayment[];
}

interface RunResult {
  /** Selected project indices (election.projects), in selection order (zero-cost ones first). */
  selected: number[];
  cost: bigint;
  winners: WinnerInfo[];
  dropped: Map<number, DroppedInfo>;
  rounds: number;
  /** Winners (candidate indices) in order, with their exact rho = rhoNum / rhoDen. */
  sequence: number[];
  rhoNum: bigint[];
  rhoDen: bigint[];
  /**
   * Float estimate of how many Add1 steps the monotone sandwich (see
   * verifyInterval) could cover from this run (Infinity: no limit seen).
   * Only a guess: the sandwich itself is the proof.
   */
  horizon: number;
  /**
   * Float estimate of how many Add1 steps the plain sandwich holds from this run (until some
   * loser's rho falls to the winner's rho now, the winner's not moving). Small just after a
   * crossing, where long proofs fail; only a guess, to size the proofs.
   */
  reach: number;
  /** Forced mode: whether the sandwich check held. */
  verified: boolean;
  /**
   * Forced mode, when the check failed because the outcome at T is not the sequence's (another
   * project wins a round, or one is left affordable): a float estimate of how many Add1 steps
   * before T it changes. NaN when the check failed without a change seen at T (the proof is
   * too weak for so long an interval). Only a guess, to aim the next proof.
   */
  changeAgo: number;
  /** The run itself (record mode), for a refined check of the next interval. */
  state: MesRun | null;
  /** Whether payments and drops were recorded (an outcome can be explained from it). */
  details: boolean;
}

interface ForcedCheck {
  seq: number[];
  thrNum: bigint[];
  thrDen: bigint[];
  /** The run at the start of the interval (recorded), for the refined check. */
  prev: MesRun | null;
  /** Length of the interval in cost units per voter. */
  delta: bigint;
}

interface RunFlags {
  /** Record explanations (payments, drops). With it, a project is dropped in the first round its supporters cannot pay for it. */
  details?: boolean;
  /** Track float budget slopes and estimate the sandwich horizon. */
  slopes?: boolean;
  /** Add1 step per voter (for slopes). */
  step?: bigint;
  /** Verify a forced sequence instead of choosing winners. */
  forced?: ForcedCheck;
  /** Keep what a later refined sandwich check needs (who was capped when, winners' supporters' budgets). */
  record?: boolean;
  /** A recorded run at a step delta lower (plain runs; forced runs use forced.prev): see MesRun.ref. */
  ref?: { run: RunResult; delta: bigint };
}

/**
 * gathered()'s pass with few classes: voters per class summed in acc (all zero between uses), then
 * the classes in use listed in class order into ks / tmp. Returns how many.
 */
function gatherByClass(cls: Int32Array, sg: Int32Array, w: Int32Array | Float64Array, acc: Int32Array | Float64Array, classes: number, ks: Int32Array, tmp: Float64Array): number {
  for (let i = 0; i < sg.length; i++) acc[cls[sg[i]]] += w[i];
  let K = 0;
  for (let k = 0; k < classes; k++) {
    if (acc[k] === 0) continue;
    ks[K] = k;
    tmp[K++] = acc[k];
    acc[k] = 0;
  }
  return K;
}

/**
 * gathered()'s pass with many classes: classes in order of first appearance, counted without a
 * branch (classes are often new every few supporters: a branch would be mispredicted). ks must be
 * one longer than the classes (ks[K] is written before K counts it).
 */
function gatherInOrder(cls: Int32Array, sg: Int32Array, w: Int32Array | Float64Array, acc: Int32Array | Float64Array, ks: Int32Array, tmp: Float64Array): number {
  let K = 0;
  for (let i = 0; i < sg.length; i++) {
    const k = cls[sg[i]];
    const a = acc[k];
    ks[K] = k;
    K += +(a === 0);
    acc[k] = a + w[i];
  }
  for (let j = 0; j < K; j++) {
    tmp[j] = acc[ks[j]];
    acc[ks[j]] = 0;
  }
  return K;
}

class MesRun {
  private readonly prep: Prepared;
  private readonly details: boolean;
  private readonly slopes: boolean;
  private forced: ForcedCheck | null;
  /** Add1 step per voter. */
  private readonly step: bigint;

  // Budget classes: budget = N[k] / Dh[ep[k]]. Class 0 is the empty budget.
  // Typed arrays grown by doubling (nClasses is the number in use).
  private N: bigint[] = [];
  private nClasses = 0;
  private ep = new Int32Array(64);
  private F = new Float64Array(64);
  /**
   * Classes made by a payment get no numerator until one is needed (most never are): lazy[k]
   * = 1 while N[k] is not set; then the budget is par[k]'s minus the payment of epoch ep[k],
   * payAt[ep[k]] / Dh[ep[k]], and vH[k] + vL[k] is it in double-double (NaN: not worked out).
   */
  private lazy = new Uint8Array(64);
  private par = new Int32Array(64);
  private vH = new Float64Array(64);
  private vL = new Float64Array(64);
  private payAt: bigint[] = [];
  /** Payments counted per epoch by addTerm for lazy classes (valid when paidStamp[e] is termNow). */
  private paidCnt: number[] = [];
  private paidStamp: number[] = [];
  private paidEpochs: number[] = [];
  /** The starting budget's float: every budget and payment is at most this. */
  private beta0 = 0;
  /** Float derivative of the budget per Add1 step (slopes mode). */
  private MF = new Float64Array(64);
  private cls: Int32Array;
  /**
   * Per ballot group: F and MF of its class (copies, for cache-friendly float passes). Only
   * projects evaluated supporter by supporter read them: without any (approval ballots), empty.
   */
  private FG: Float64Array;
  private MFG: Float64Array;
  private readonly perGroup: boolean;
  private Dh: bigint[];
  /** Dh[e] / Dh[e − 1] (qAt[0] unused). */
  private qAt: bigint[] = [1n];
  private E = 0;
  /** factor(e), valid when facAt[e] is the current epoch. */
  private facOf: bigint[] = [];
  private facAt: number[] = [];
  /** addTerm/takeTerms: per epoch, the sum so far (valid when termStamp[e] is termNow). */
  private termSum: bigint[] = [];
  private termStamp: number[] = [];
  private termNow = 1;
  private termEpochs: number[] = [];
  /** ratioToNumber(·, D) for the epoch overE (new classes of a payment share their D). */
  private over: (n: bigint) => number = () => NaN;
  private overE = -1;

  /** Scratch arrays, shared by the runs of the election. */
  private readonly sc: Scratch;

  private horizon = Infinity;
  private reach = Infinity;

  /** All the winners' costs so far (a little above), and per candidate the money it had when last summed plus what was spent by then (a little below; −∞: not yet). */
  private spent = 0;
  private moneyMark: Float64Array;
  /** The round in which each candidate was last found affordable (0: never), and its money then (a little below). */
  affRound: Int32Array;
  affMoney: Float64Array;
  /**
   * The round in which each candidate was first found unaffordable (0: never), a certified bound
   * above its supporters' exact money then, and the float money and its slope (for guesses).
   */
  dropRound: Int32Array;
  dropUp: Float64Array;
  dropMoney: Float64Array;
  dropSlope: Float64Array;
  /** With ref: delta (a little above), what each voter has more here at the start than in ref. */
  private deltaF = 0;
  /** Per round r, the voters capped in rounds 1..r, summed round by round (at least how many were ever capped). */
  capSum: number[] = [0];
  /** Forced mode: the interval's length in Add1 steps (a float, for guesses). */
  private deltaSteps = 0;
  /** The round under way, and whether every winner so far is ref's. */
  private round = 0;
  private onSeq = true;
  /**
   * A recorded run at a lower step (forced: the run at the interval's start), and its winners:
   * while this run follows them, every budget is at least ref's, round by round (see floatEvalClasses).
   */
  private ref: MesRun | null;
  private refSeq: number[] | null;

  /**
   * Supporters by budget class. With one utility per project (cost or cardinality
   * utilities: approval ballots), every evaluation works on the classes a
   * project's supporters are in (hundreds) rather than on the supporters
   * (tens of thousands); cached per project and version of the split (see Prepared.splits).
   */
  private version: number;
  private gathers: (Gathered[] | undefined)[];

  /** Record mode: round in which each ballot group was first capped (0 = never). */
  firstCap: Int32Array | null = null;
  /** Record mode: per round, the budget class of each supporter of the winner before paying. */
  winCls: Int32Array[] = [];
  /**
   * Record mode: per round, the winner's supporters by budget class before paying, when it is a
   * one-utility project (else null): ks (K classes), then each one's class after paying (0: it
   * paid all it had, i.e. budget ≤ rho·u), then the voters in each.
   */
  winInfo: (Float64Array | null)[] = [];
  /** Blocks the records are views into (see recordInts), how much of each is used, and how much of each kind the run used in all. */
  private recI = new Int32Array(0);
  private recILen = 0;
  private recIUsed = 0;
  private recF = new Float64Array(0);
  private recFLen = 0;
  private recFUsed = 0;
  /**
   * Forced mode (boundsOk): per budget class of this run, the key of its ballot groups' bounds at t0
   * (below the base, prev.nClasses: their class at t0, an exact budget; else base + the index of
   * their bounds); -1 until set. Groups in one class share their history, so their key.
   */
  private lhKey: Int32Array | null = null;
  /**
   * Bounds at t0: numerators of L over denL[lhLe[v]] and of H over denH[lhHe[v]]. Null until
   * first needed (many never are): then L is its parent key's L minus the round's payment
   * lhPayL[lhLe[v]] / denL[lhLe[v]], H likewise (at least 0 when lhK2[v], kind 2).
   */
  private lhLn: (bigint | null)[] = [];
  private lhLe: number[] = [];
  private lhHn: (bigint | null)[] = [];
  private lhHe: number[] = [];
  private lhPar: number[] = [];
  private lhK2: number[] = [];
  private lhPayL: bigint[] = [];
  private lhPayH: bigint[] = [];
  /** lhPayL[e], lhPayH[e] over the last denominators, kept while they stay. */
  private lhPayLc = new Map<number, bigint>();
  private lhPayHc = new Map<number, bigint>();
  private lhRound = 1;
  private lhBroken = false;
  private denL: bigint[] = [];
  /** The stamps of this run's entries in Scratch.b0v, l0v, h0v (the last two: of the last denominators). */
  private lhB0Now = 0;
  private lhL0Now = 0;
  private lhH0Now = 0;
  private lhFacL = new Map<number, bigint>();
  private lhFacH = new Map<number, bigint>();

  private denH: bigint[] = [];
  /**
   * boundsOkF, the same bounds in floats: per budget class of this run, its key (as lhKey), and
   * per key from base on floats below and above its exact L(t0) and H(t0): fL ≤ L ≤ fLh and
   * fHl ≤ H ≤ fH (fLh and fHl while fTwo).
   */
  private fKey: Int32Array | null = null;
  private fL: number[] = [];
  private fLh: number[] = [];
  private fH: number[] = [];
  private fHl: number[] = [];
  private fRound = 1;
  private fBroken = false;
  private fTwo = true;

  constructor(prep: Prepared, beta: Rational, flags: RunFlags) {
    this.prep = prep;
    this.sc = prep.scratch;
    this.gathers = prep.gathers;
    this.version = ROOT_VERSION;
    this.moneyMark = new Float64Array(prep.cands.length).fill(-Infinity);
    this.affRound = new Int32Array(prep.cands.length);
    this.affMoney = new Float64Array(prep.cands.length);
    this.dropRound = new Int32Array(prep.cands.length);
    this.dropUp = new Float64Array(prep.cands.length);
    this.dropMoney = new Float64Array(prep.cands.length);
    this.dropSlope = new Float64Array(prep.cands.length);
    const ref = flags.forced ? { state: flags.forced.prev, seq: flags.forced.seq, delta: flags.forced.delta } : flags.ref ? { state: flags.ref.run.state, seq: flags.ref.run.sequence, delta: flags.ref.delta } : null;
    this.ref = ref !== null ? ref.state : null;
    this.refSeq = ref !== null ? ref.seq : null;
    if (ref !== null) {
      this.deltaF = Number(ref.delta) * (1 + 1e-12);
      this.deltaSteps = Number(ref.delta) / Number(flags.step ?? 1n);
    }
    if (flags.record) this.firstCap = new Int32Array(prep.G);
    this.details = flags.details ?? false;
    this.slopes = flags.slopes ?? false;
    this.forced = flags.forced ?? null;
    this.step = flags.step ?? 1n;
    this.Dh = [beta.d];
    // Runs of one election (Add1 makes hundreds) create about as many classes each.
    this.reserve(prep.classesSeen);
    this.N = new Array<bigint>(prep.classesSeen).fill(0n); // entries from nClasses on are unused
    this.cls = new Int32Array(prep.G).fill(1);
    this.newClass(0n, 0);
    this.newClass(beta.n, Number(flags.step ?? 1n));
    this.beta0 = this.F[1] * (1 + 2 ** -40);
    this.perGroup = prep.cands.some((c) => !this.byClass(c));
    this.FG = this.perGroup ? new Float64Array(prep.G).fill(this.F[1]) : new Float64Array(0);
    this.MFG = this.perGroup ? new Float64Array(prep.G).fill(this.MF[1]) : new Float64Array(0);
  }

  private get D(): bigint {
    return this.Dh[this.E];
  }

  /** Factor bringing a numerator from epoch e to the current epoch. */
  private factor(e: number): bigint {
    if (this.facAt[e] === this.E) return this.facOf[e];
    const f = this.Dh[this.E] / this.Dh[e];
    this.facOf[e] = f;
    this.facAt[e] = this.E;
    return f;
  }

  /**
   * Σ m·N[k] as a numerator over D, for terms added with addTerm: summed per epoch as they
   * are and brought to D once per epoch (not class by class). One sum at a time.
   */
  private addTerm(k: number, m: number): void {
    // A lazy class: its parent's budget minus its payment, down to a class with a numerator.
    while (this.lazy[k] === 1) {
      const e = this.ep[k];
      if (this.paidStamp[e] === this.termNow) this.paidCnt[e] += m;
      else {
        this.paidStamp[e] = this.termNow;
        this.paidCnt[e] = m;
        this.paidEpochs.push(e);
      }
      k = this.par[k];
    }
    const e = this.ep[k];
    const t = m === 1 ? this.N[k] : bigCount(m) * this.N[k];
    if (this.termStamp[e] === this.termNow) this.termSum[e] += t;
    else {
      this.termStamp[e] = this.termNow;
      this.termSum[e] = t;
      this.termEpochs.push(e);
    }
  }

  private takeTerms(): bigint {
    for (const e of this.paidEpochs) {
      const t = bigCount(this.paidCnt[e]) * this.payAt[e];
      if (this.termStamp[e] === this.termNow) this.termSum[e] -= t;
      else {
        this.termStamp[e] = this.termNow;
        this.termSum[e] = -t;
        this.termEpochs.push(e);
      }
    }
    this.paidEpochs.length = 0;
    // Horner over the epochs from the earliest with a term: multiplying by each epoch's small
    // factor qAt[e] costs less than one large factor(e) per epoch.
    let first = this.E;
    for (const e of this.termEpochs) if (e < first) first = e;
    let s = 0n;
    for (let e = first; e <= this.E; e++) {
      if (e > first) s *= this.qAt[e];
      if (this.termStamp[e] === this.termNow) {
        s += this.termSum[e];
        this.termSum[e] = 0n;
      }
    }
    this.termEpochs.length = 0;
    this.termNow++;
    return s;
  }

  /** Class k's numerator, over Dh[ep[k]] (worked out for a lazy class and its lazy ancestors). */
  private num(k: number): bigint {
    if (this.lazy[k] === 0) return this.N[k];
    const chain: number[] = [];
    let a = k;
    for (; this.lazy[a] === 1; a = this.par[a]) chain.push(a);
    let N = this.N[a];
    let e = this.ep[a];
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i];
      const ec = this.ep[c];
      // Over the later of the two denominators (the parent may have been brought past ec since).
      if (e < ec) N *= ec === this.E ? this.factor(e) : this.Dh[ec] / this.Dh[e];
      N -= e > ec ? this.payAt[ec] * (this.Dh[e] / this.Dh[ec]) : this.payAt[ec];
      if (e < ec) e = ec;
      this.N[c] = N;
      this.ep[c] = e;
      this.lazy[c] = 0;
    }
    return N;
  }

  /** Brings class k to the current common denominator. */
  private rescale(k: number): bigint {
    const N = this.num(k);
    const e = this.ep[k];
    if (e !== this.E) {
      this.N[k] = N * this.factor(e);
      this.ep[k] = this.E;
    }
    return this.N[k];
  }

  /** Room for `size` budget classes in every per-class array. */
  private reserve(size: number): void {
    const grow = <T extends Float64Array | Int32Array>(a: T, extra = 0): T => {
      const b = new (a.constructor as { new (n: number): T })(size + extra);
      b.set(a);
      return b;
    };
    if (size > this.F.length) {
      this.ep = grow(this.ep);
      this.F = grow(this.F);
      this.MF = grow(this.MF);
      const lazy = new Uint8Array(size);
      lazy.set(this.lazy);
      this.lazy = lazy;
      this.par = grow(this.par);
      this.vH = grow(this.vH);
      this.vL = grow(this.vL);
    }
    const sc = this.sc;
    if (size > sc.cnt.length) {
      sc.cnt = grow(sc.cnt);
      sc.stamp = grow(sc.stamp);
      sc.slot = grow(sc.slot);
      sc.gTo = grow(sc.gTo);
      sc.gCap = grow(sc.gCap);
      sc.gRep = grow(sc.gRep);
      sc.gKs = grow(sc.gKs, 1);
      sc.gTmp = grow(sc.gTmp);
      sc.gAcc = grow(sc.gAcc);
      sc.gAccI = grow(sc.gAccI);
    }
  }

  /** A new class's index, its slope set (slopes mode). */
  private addClass(slope: number): number {
    const k = this.nClasses++;
    if (k >= this.F.length) this.reserve(this.F.length * 2);
    if (k >= this.prep.classesSeen) this.prep.classesSeen = k + 1;
    if (k >= this.N.length) this.N.push(0n);
    this.ep[k] = this.E;
    this.MF[k] = slope;
    return k;
  }

  private newClass(N: bigint, slope: number): number {
    const k = this.addClass(slope);
    this.N[k] = N;
    this.lazy[k] = 0;
    this.vH[k] = NaN;
    if (this.overE !== this.E) {
      this.over = ratiosOver(this.D);
      this.overE = this.E;
    }
    this.F[k] = N === 0n ? 0 : this.over(N);
    return k;
  }

  /**
   * The class left to class k's uncapped payers after paying payAt[E] / D (in double-double:
   * pH + pL), without its numerator N: −1 when its float would not certainly be the one newClass
   * gives (Number(N) / Number(D), N its numerator over D = dH + dL) or the budget could be 0.
   * Budgets and payments are at most beta0, so after at most E payments the double-double
   * budget is within (E + 4)·2^-100·beta0 of the exact one; far above that, N ≈ budget·D is
   * close enough to tell which double Number(N) is, unless N is within the error of a midpoint
   * between two doubles (then, rarely, −1).
   */
  private newLazy(k: number, pH: number, pL: number, dH: number, dL: number, dF: number, slope: number): number {
    if (Number.isNaN(this.vH[k])) {
      ddRatio(this.num(k), this.Dh[this.ep[k]]);
      this.vH[k] = DD[0];
      this.vL[k] = DD[1];
    }
    ddSub(this.vH[k], this.vL[k], pH, pL);
    const bH = DD[0];
    const bL = DD[1];
    const err = (this.E + 4) * 2 ** -100 * this.beta0;
    if (!(bH > err * 2 ** 60)) return -1;
    ddMul(bH, bL, dH, dL);
    const nH = DD[0];
    const nL = DD[1];
    if (!(nH < 2 ** 999)) return -1;
    // |N − (nH + nL)| ≤ err·D + 2^-100·N; both ends of that interval round to nH, so N does.
    const e = Math.max(2 * (err * dH * 1.001 + nH * 2 ** -100), Math.abs(nL) * 2 ** -50);
    if (nH + (nL + e) !== nH || nH + (nL - e) !== nH) return -1;
    const n = this.addClass(slope);
    this.F[n] = nH / dF;
    this.lazy[n] = 1;
    this.par[n] = k;
    this.vH[n] = bH;
    this.vL[n] = bL;
    return n;
  }

  private guess(t: number): void {
    if (t >= 0 && t < this.horizon) this.horizon = t;
  }

  /**
   * Whether c's supporters can pay its cost, from their float money: decided by the float
   * unless it is within the rounding error of a sum of at most |supporters| terms, then exactly.
   */
  private affordability(c: Cand, money: number): { affordable: boolean; exactMoney: bigint | null } {
    const margin = (c.sg.length + 16) * 4 * EPS;
    if (money >= c.costF * (1 + margin)) return { affordable: true, exactMoney: null };
    if (money < c.costF * (1 - margin)) return { affordable: false, exactMoney: null };
    const exactMoney = this.exactMoney(c);
    return { affordable: exactMoney >= c.cost * this.D, exactMoney };
  }

  /**
   * Whether c is evaluated on its supporters' budget classes rather than one by one:
   * one-utility projects (cost or cardinality utilities, i.e. approval ballots).
   */
  private byClass(c: Cand): boolean {
    return c.uIdx === null;
  }

  /** Whether gathered(c) is at hand for this version (made already). */
  private isGathered(c: Cand): boolean {
    const kept = this.gathers[c.ci];
    if (kept !== undefined) for (let h = 0; h < kept.length; h++) if (kept[h].version === this.version) return true;
    return false;
  }

  /** The budget classes of c's supporters and how many voters are in each (one-utility projects only). */
  private gathered(c: Cand): Gathered {
    let kept = this.gathers[c.ci];
    if (kept === undefined) this.gathers[c.ci] = kept = [];
    for (let h = 0; h < kept.length; h++) if (kept[h].version === this.version) return kept[h];
    const { sg, sm, smI } = c;
    const cls = this.cls;
    const ks = this.sc.gKs; // one longer than the classes: the pass below writes ks[K] before counting it
    const tmp = this.sc.gTmp;
    // Multiplicities are positive: a class is new while its sum is 0. Sums of counts are whole
    // numbers, exact in any order; as integers when they fit (n < 2^31), which is faster.
    const w = smI ?? sm;
    const acc = smI !== null ? this.sc.gAccI : this.sc.gAcc;
    // Far fewer classes than supporters (a large count): add up per class, then list the classes in use.
    const K = this.nClasses * 4 <= sg.length ? gatherByClass(cls, sg, w, acc, this.nClasses, ks, tmp) : gatherInOrder(cls, sg, w, acc, ks, tmp);
    // Kept in the project's own buffers, reused: the oldest one gives way.
    let out: Gathered;
    if (kept.length < GATHERS_KEPT) {
      out = { version: 0, ks, cnt: tmp, ksBuf: new Int32Array(K), cntBuf: new Float64Array(K) };
    } else {
      out = kept.shift()!;
      if (out.ksBuf.length < K) {
        const size = Math.max(K, 2 * out.ksBuf.length);
        out.ksBuf = new Int32Array(size);
        out.cntBuf = new Float64Array(size);
      }
    }
    kept.push(out);
    out.ksBuf.set(ks.subarray(0, K));
    out.cntBuf.set(tmp.subarray(0, K));
    out.ks = out.ksBuf.subarray(0, K);
    out.cnt = out.cntBuf.subarray(0, K);
    out.version = this.version;
    return out;
  }

  /** c found unaffordable this round: its supporters' exact money is below up (the first time in the run is kept). */
  private noteDrop(c: Cand, up: number, money: number, moneySlope: number): void {
    if (this.dropRound[c.ci] !== 0) return;
    this.dropRound[c.ci] = this.round;
    this.dropUp[c.ci] = up;
    this.dropMoney[c.ci] = money;
    this.dropSlope[c.ci] = moneySlope;
  }

  /**
   * Whether to sum a project's money before gathering its supporters: while at least a quarter of
   * the recent passes found the project unaffordable (the counts are halved every 64 tries, and
   * one pass in 8 is still tried while it does not pay, to notice when it does again). Only speed
   * depends on it: both ways give the same evaluation.
   */
  private moneyFirstWorthIt(): boolean {
    const stats = this.prep.moneyFirst;
    if (stats.tries >= 64) {
      stats.tries >>= 1;
      stats.hits >>= 1;
    }
    if (stats.tries < 16 || 4 * stats.hits >= stats.tries) return true;
    return ++stats.skipped % 8 === 0;
  }

  /** floatEval for a one-utility project, on its supporters' budget classes. */
  private floatEvalClasses(c: Cand, start: number): FloatEval {
    // Most projects looked at late in a run turn out unaffordable: their money first. Without a
    // gathering at hand, supporter by supporter (cheaper than gathering them by class, which only
    // then is needed), in two partial sums (two chains of additions in flight): a sum of
    // sg.length positive terms in any order, so affordability's margin holds.
    const cached = this.isGathered(c);
    // Skipped when the project is certainly affordable: its money when last summed in this run,
    // less all that was spent since (its supporters paid at most that), is above the cost; or,
    // following ref's winners, ref found it affordable in this round or later (budgets are
    // higher here, round by round).
    const c1 = c.costF * (1 + 1e-6);
    const prev = this.ref;
    // Following the winners of a run at a lower step (ref; a proof's: the run at the interval's
    // start) that found c unaffordable in this round or before: every budget is at least as high
    // here, round by round, and all of them together exactly n·delta higher (both runs pay the
    // same costs). A voter never capped in ref so far has at least delta more (uncapped in ref,
    // so here too: paying rho·u with a rho no higher), so c's supporters have at most
    // delta·(their number + the voters ref capped so far) more than ref's bound then.
    // Unaffordable without summing.
    if (prev !== null && this.onSeq) {
      const r0 = prev.dropRound[c.ci];
      if (r0 > 0 && r0 <= this.round) {
        const capped = prev.capSum[Math.min(this.round - 1, prev.capSum.length - 1)];
        const more = this.deltaF * Math.min(this.prep.n, c.voters + capped);
        const up = (prev.dropUp[c.ci] + more) * (1 + 1e-9);
        if (up < c.costF * (1 - 1e-9)) {
          const moneySlope = prev.dropSlope[c.ci];
          const money = prev.dropMoney[c.ci] + moneySlope * this.deltaSteps; // a guess
          this.noteDrop(c, up, money, moneySlope);
          return { affordable: false, rho: Infinity, slope: 0, lower: 0, thr: -Infinity, money, moneySlope, exactMoney: null };
        }
      }
    }
    const sure =
      this.moneyMark[c.ci] - this.spent > c1 ||
      (prev !== null && this.onSeq && prev.affRound[c.ci] >= this.round && prev.affMoney[c.ci] > c1);
    if (!cached && !sure && this.moneyFirstWorthIt()) {
      // Groups of one ballot first (no multiplicity to read), then the others.
      const { sg1, sgM, smM } = c;
      const n = c.sg.length;
      const n1 = sg1.length;
      const cls = this.cls;
      const F = this.F;
      let m0 = 0;
      let m1 = 0;
      let s0 = 0;
      let s1 = 0;
      let i = 0;
      if (this.slopes) {
        // With the money's slope (for guesses) in the same pass.
        const MF = this.MF;
        for (; i + 1 < n1; i += 2) {
          const k = cls[sg1[i]];
          const k1 = cls[sg1[i + 1]];
          m0 += F[k];
          s0 += MF[k];
          m1 += F[k1];
          s1 += MF[k1];
        }
        if (i < n1) {
          m0 += F[cls[sg1[i]]];
          s0 += MF[cls[sg1[i]]];
        }
        for (let h = 0; h < sgM.length; h++) {
          const k = cls[sgM[h]];
          m1 += smM[h] * F[k];
          s1 += smM[h] * MF[k];
        }
      } else {
        for (; i + 1 < n1; i += 2) {
          m0 += F[cls[sg1[i]]];
          m1 += F[cls[sg1[i + 1]]];
        }
        if (i < n1) m0 += F[cls[sg1[i]]];
        for (let h = 0; h < sgM.length; h++) m1 += smM[h] * F[cls[sgM[h]]];
      }
      const money = m0 + m1;
      const stats = this.prep.moneyFirst;
      stats.tries++;
      if (money < c.costF * (1 - (n + 16) * 4 * EPS)) {
        stats.hits++;
        this.noteDrop(c, money * (1 + (n + 16) * 4 * EPS), money, s0 + s1);
        return { affordable: false, rho: Infinity, slope: 0, lower: 0, thr: -Infinity, money, moneySlope: s0 + s1, exactMoney: null };
      }
    }
    const { ks, cnt } = this.gathered(c);
    const K = ks.length;
    const F = this.F;
    const MF = this.MF;
    const slopes = this.slopes;
    const u = c.uValsF[0];
    if (cached && !sure) {
      // With one, by class in a pass without divisions (the same sums as below, in the same order).
      let money = 0;
      let moneySlope = 0;
      if (slopes) {
        for (let j = 0; j < K; j++) {
          const k = ks[j];
          money += cnt[j] * F[k];
          moneySlope += cnt[j] * MF[k];
        }
      } else for (let j = 0; j < K; j++) money += cnt[j] * F[ks[j]];
      if (money < c.costF * (1 - (c.sg.length + 16) * 4 * EPS)) {
        this.noteDrop(c, money * (1 + (c.sg.length + 16) * 4 * EPS), money, moneySlope);
        return { affordable: false, rho: Infinity, slope: 0, lower: 0, thr: -Infinity, money, moneySlope, exactMoney: null };
      }
    }
    // One pass: the money, each class's budget (bs) and budget/utility (xs), kept for the next
    // passes, and the first pass of the fixpoint below (the same sums, in the same order, as
    // the money is summed first and then the fixpoint from scratch).
    if (this.sc.bs.length < K) {
      const size = Math.max(K, this.sc.bs.length * 2);
      this.sc.bs = new Float64Array(size);
      this.sc.ms = new Float64Array(size);
    }
    if (this.sc.xs.length < K) this.sc.xs = new Float64Array(Math.max(K, this.sc.xs.length * 2));
    if (this.sc.fxOut.length < K) this.sc.fxOut = new Int32Array(Math.max(K, this.sc.fxOut.length * 2));
    const xs = this.sc.xs;
    const bs = this.sc.bs;
    const ms = this.sc.ms;
    const outside = this.sc.fxOut;
    let nOut = 0;
    let r = Math.max(c.costF / c.totalUF, start);
    let money = 0;
    let moneySlope = 0;
    let sC = 0;
    let uC = 0;
    let mC = 0;
    let nC = 0;
    let nextAbove = Infinity;
    for (let j = 0; j < K; j++) {
      const k = ks[j];
      const b = F[k];
      const m = cnt[j];
      money += m * b;
      bs[j] = b;
      const x = (xs[j] = b / u); // the same float test as capped()
      if (slopes) {
        const mf = MF[k];
        ms[j] = mf;
        moneySlope += m * mf;
        if (x < r) {
          sC += m * b;
          uC += m * u;
          mC += m * mf;
          nC++;
        } else {
          outside[nOut++] = j;
          if (x < nextAbove) nextAbove = x;
        }
      } else if (x < r) {
        sC += m * b;
        uC += m * u;
        nC++;
      } else {
        outside[nOut++] = j;
        if (x < nextAbove) nextAbove = x;
      }
    }
    const { affordable, exactMoney } = this.affordability(c, money);
    const out: FloatEval = { affordable, rho: Infinity, slope: 0, lower: 0, thr: -Infinity, money, moneySlope, exactMoney };
    if (!affordable) {
      this.noteDrop(c, money * (1 + (c.sg.length + 16) * 4 * EPS), money, moneySlope);
      return out;
    }
    this.moneyMark[c.ci] = money * (1 - 1e-9) + this.spent;
    this.affRound[c.ci] = this.round;
    this.affMoney[c.ci] = money * (1 - 1e-9);

    // rho_C for C = {classes with budget/utility < r}, iterated until C is stable
    // (the same fixpoint as the per-supporter pass, on far fewer entries). r only grows, so C
    // only grows: each pass adds to the sums the classes that join C, looking only at those
    // still outside (the sums' error bounds hold in any order; utility sums are exact).
    for (let iter = 0; iter < 64; iter++) {
      if (iter > 0) {
        nextAbove = Infinity;
        let kept = 0;
        for (let t = 0; t < nOut; t++) {
          const j = outside[t];
          const x = xs[j];
          if (x < r) {
            const m = cnt[j];
            sC += m * bs[j];
            uC += m * u;
            if (slopes) mC += m * ms[j];
            nC++;
          } else {
            outside[kept++] = j;
            if (x < nextAbove) nextAbove = x;
          }
        }
        nOut = kept;
      }
      const rest = c.totalUF - uC;
      if (!(rest > 0)) {
        r = Infinity;
        break;
      }
      const r2 = (c.costF - sC) / rest;
      if (r2 <= nextAbove) {
        if (r2 > r) r = r2;
        break;
      }
      r = r2;
    }
    if (r < start) r = start; // start is a certified lower bound of rho
    return this.withRho(out, c, r, sC, uC, mC, nC);
  }

  /**
   * A float evaluation's result: rho, and from the capped set C it was found with
   * (Σ budget sC, Σ utility uC, Σ budget slope mC, nC entries) a certified lower
   * bound and, in slopes mode, how fast rho falls per Add1 step.
   */
  private withRho(out: FloatEval, c: Cand, rho: number, sC: number, uC: number, mC: number, nC: number): FloatEval {
    const rest = c.totalUF - uC;
    out.thr = rho;
    out.rho = rho;
    if (rest > 0 && Number.isFinite(rho)) {
      out.lower = certifiedLower(c, sC, nC, rest);
      if (this.slopes) out.slope = -mC / rest;
    }
    return out;
  }

  /**
   * The supporters' money as a float (the sum floatEval starts from), and its derivative per Add1
   * step (meaningful in slopes mode). Outside the hot loops: the explaining run, the end of a run.
   */
  private floatMoney(c: Cand): { money: number; slope: number } {
    let money = 0;
    let slope = 0;
    if (this.byClass(c)) {
      const { ks, cnt } = this.gathered(c);
      for (let j = 0; j < ks.length; j++) {
        money += cnt[j] * this.F[ks[j]];
        slope += cnt[j] * this.MF[ks[j]];
      }
      return { money, slope };
    }
    const { sg } = c;
    const mult = this.prep.mult;
    for (let i = 0; i < sg.length; i++) {
      money += mult[sg[i]] * this.FG[sg[i]];
      slope += mult[sg[i]] * this.MFG[sg[i]];
    }
    return { money, slope };
  }

  /** Exact Σ multiplicity × budget over all supporters (numerator over D). */
  private exactMoney(c: Cand): bigint {
    if (this.byClass(c)) {
      const { ks, cnt } = this.gathered(c);
      for (let j = 0; j < ks.length; j++) if (ks[j] !== 0) this.addTerm(ks[j], cnt[j]);
      return this.takeTerms();
    }
    const stampNow = ++this.sc.stampNow;
    const touched: number[] = [];
    const { sg } = c;
    const mult = this.prep.mult;
    const cls = this.cls;
    for (let i = 0; i < sg.length; i++) {
      const k = cls[sg[i]];
      if (k === 0) continue;
      if (this.sc.stamp[k] !== stampNow) {
        this.sc.stamp[k] = stampNow;
        this.sc.cnt[k] = 0;
        touched.push(k);
      }
      this.sc.cnt[k] += mult[sg[i]];
    }
    let s = 0n;
    for (const k of touched) s += BigInt(this.sc.cnt[k]) * this.rescale(k);
    return s;
  }

  /** `start`: a certified lower bound on rho (rho never decreases over rounds), to start the iteration from. */
  private floatEval(c: Cand, start: number): FloatEval {
    if (this.byClass(c)) return this.floatEvalClasses(c, start);
    const { sg, uIdx, uValsF } = c;
    const FG = this.FG;
    const MFG = this.MFG;
    const mult = this.prep.mult;
    const slopes = this.slopes;

    // First pass: money of the supporters, and the capped set at rho = cost / total utility.
    const n = sg.length;
    if (this.sc.xs.length < n) this.sc.xs = new Float64Array(Math.max(n, this.sc.xs.length * 2));
    const xs = this.sc.xs;
    let rho = Math.max(c.costF / c.totalUF, start);
    let money = 0;
    let moneySlope = 0;
    let sC = 0;
    let uC = 0;
    let mC = 0;
    let nC = 0;
    let nextAbove = Infinity;
    // Entries just above the starting rho (where the capped set usually ends)
    // are kept aside, so the iteration can usually finish without more passes.
    const winHi = rho * 1.05;
    let nextOut = Infinity;
    if (this.sc.win.length < n) this.sc.win = new Int32Array(Math.max(n, this.sc.win.length * 2));
    const win = this.sc.win;
    let nWin = 0;
    const u0 = uValsF[0];
    for (let i = 0; i < n; i++) {
      const g = sg[i];
      const m = mult[g];
      const b = FG[g];
      money += m * b;
      if (slopes) moneySlope += m * MFG[g];
      const u = uIdx === null ? u0 : uValsF[uIdx[i]];
      const x = b / u;
      xs[i] = x;
      if (x < rho) {
        sC += m * b;
        uC += m * u;
        if (slopes) mC += m * MFG[g];
        nC++;
      } else {
        if (x < nextAbove) nextAbove = x;
        if (x < winHi) win[nWin++] = i;
        else if (x < nextOut) nextOut = x;
      }
    }
    const { affordable, exactMoney } = this.affordability(c, money);
    const out: FloatEval = {
      affordable,
      rho: Infinity,
      slope: 0,
      lower: 0,
      thr: -Infinity,
      money,
      moneySlope,
      exactMoney,
    };
    if (!affordable) return out;

    // rho_C for C = {budget/utility < rho}, iterated until C is stable.
    let r2 = rho;
    let iterate = true;
    {
      const rest = c.totalUF - uC;
      const r = rest > 0 ? (c.costF - sC) / rest : Infinity;
      if (r <= nextAbove) {
        r2 = r;
        iterate = false;
      } else if (Number.isFinite(r)) {
        // Walk the kept entries by increasing budget/utility, capping while below rho_C.
        const order = Array.from(win.subarray(0, nWin)).sort((p, q) => xs[p] - xs[q]);
        let cur = r;
        let used = 0;
        for (; used < order.length; used++) {
          const i = order[used];
          if (xs[i] >= cur) break;
          const g = sg[i];
          const m = mult[g];
          sC += m * FG[g];
          uC += m * (uIdx === null ? u0 : uValsF[uIdx[i]]);
          if (slopes) mC += m * MFG[g];
          nC++;
          const rest2 = c.totalUF - uC;
          cur = rest2 > 0 ? (c.costF - sC) / rest2 : Infinity;
          if (!Number.isFinite(cur)) break;
        }
        const next = used < order.length ? xs[order[used]] : nextOut;
        if (Number.isFinite(cur) && cur <= next) {
          r2 = cur;
          iterate = false;
        } else rho = Number.isFinite(cur) ? cur : rho;
      }
    }
    for (let iter = 0; iterate && iter < 64; iter++) {
      {
        sC = 0;
        uC = 0;
        mC = 0;
        nC = 0;
        nextAbove = Infinity;
        for (let i = 0; i < n; i++) {
          const x = xs[i];
          if (x < rho) {
            const g = sg[i];
            const m = mult[g];
            sC += m * FG[g];
            uC += m * (uIdx === null ? u0 : uValsF[uIdx[i]]);
            if (slopes) mC += m * MFG[g];
            nC++;
          } else if (x < nextAbove) nextAbove = x;
        }
      }
      const rest = c.totalUF - uC;
      if (!(rest > 0)) {
        r2 = Infinity;
        break;
      }
      r2 = (c.costF - sC) / rest;
      if (r2 <= nextAbove) break;
      rho = r2;
    }
    // rho started at a lower bound of the true rho: never report less.
    if (r2 < rho) r2 = rho;
    return this.withRho(out, c, r2, sC, uC, mC, nC);
  }

  /**
   * One pass: affordability, and whether rho is certainly above tau
   * (f(tau) = Σ m·min(b, tau·u) < cost  <=>  rho > tau) and likely above far.
   * 0: unaffordable, 1: rho > far (likely; > tau certain), 2: rho > tau certain, 3: unknown.
   */
  private testPass(c: Cand, tau: number, far: number): { verdict: 0 | 1 | 2 | 3; fe: FloatEval | null } {
    const { sg, uIdx, uValsF } = c;
    const FG = this.FG;
    const mult = this.prep.mult;
    const n = sg.length;
    const u0 = uValsF[0];
    let money = 0;
    let fT = 0;
    let fFar = 0;
    if (this.byClass(c)) {
      const { ks, cnt } = this.gathered(c);
      const F = this.F;
      const a = tau * u0;
      const z = far * u0;
      for (let j = 0; j < ks.length; j++) {
        const b = F[ks[j]];
        const m = cnt[j];
        money += m * b;
        fT += m * (b < a ? b : a);
        fFar += m * (b < z ? b : z);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const g = sg[i];
        const b = FG[g];
        const m = mult[g];
        const u = uIdx === null ? u0 : uValsF[uIdx[i]];
        money += m * b;
        const a = tau * u;
        fT += m * (b < a ? b : a);
        const z = far * u;
        fFar += m * (b < z ? b : z);
      }
    }
    const margin = (n + 16) * 8 * EPS;
    const cost = c.costF;
    if (money < cost * (1 - margin)) {
      const fe: FloatEval = {
        affordable: false,
        rho: Infinity,
        slope: 0,
        lower: 0,
        thr: -Infinity,
        money,
        moneySlope: 0,
        exactMoney: null,
      };
      if (this.slopes) {
        let ms = 0;
        if (uIdx === null) {
          const { ks, cnt } = this.gathered(c);
          for (let j = 0; j < ks.length; j++) ms += cnt[j] * this.MF[ks[j]];
        } else {
          const MFG = this.MFG;
          for (let i = 0; i < n; i++) ms += mult[sg[i]] * MFG[sg[i]];
        }
        fe.moneySlope = ms;
      }
      return { verdict: 0, fe };
    }
    if (money < cost * (1 + margin)) return { verdict: 3, fe: null };
    if (fT < cost * (1 - margin)) return { verdict: fFar < cost * (1 - margin) ? 1 : 2, fe: null };
    return { verdict: 3, fe: null };
  }

  private capped(c: Cand, i: number, k: number, ev: RhoEval): boolean {
    // Must agree with floatEval's x = FG[g] / u (same float operations); FG[g] = F[k], k = cls[g].
    if (ev.overrides !== null) {
      const o = ev.overrides.get(c.uIdx === null ? k : k * c.uVals.length + c.uIdx[i]);
      if (o !== undefined) return o;
    }
    return this.F[k] / (c.uIdx === null ? c.uValsF[0] : c.uValsF[c.uIdx[i]]) < ev.thr;
  }

  /** capped() for a whole budget class of a one-utility project (F[k] is every member's FG). */
  private cappedClass(c: Cand, k: number, ev: RhoEval): boolean {
    if (ev.overrides !== null) {
      const o = ev.overrides.get(k);
      if (o !== undefined) return o;
    }
    return this.F[k] / c.uValsF[0] < ev.thr;
  }

  /** Exact X and U for the capped set described by ev. False if degenerate. */
  private rhoFor(c: Cand, ev: RhoEval): boolean {
    if (this.byClass(c)) {
      const { ks, cnt } = this.gathered(c);
      let cappedVoters = 0;
      for (let j = 0; j < ks.length; j++) {
        const k = ks[j];
        if (!this.cappedClass(c, k, ev)) continue;
        cappedVoters += cnt[j];
        if (k !== 0) this.addTerm(k, cnt[j]);
      }
      const sN = this.takeTerms();
      ev.D = this.D;
      ev.U = c.totalU - BigInt(cappedVoters) * c.uVals[0];
      ev.X = c.cost * ev.D - sN;
      return ev.U > 0n && ev.X >= 0n;
    }
    const stampNow = ++this.sc.stampNow;
    const touched: number[] = [];
    const { sg, uIdx } = c;
    const mult = this.prep.mult;
    const cls = this.cls;
    const uCounts = new Float64Array(c.uVals.length);
    for (let i = 0; i < sg.length; i++) {
      const g = sg[i];
      const k = cls[g];
      if (!this.capped(c, i, k, ev)) continue;
      uCounts[uIdx === null ? 0 : uIdx[i]] += mult[g];
      if (k === 0) continue;
      if (this.sc.stamp[k] !== stampNow) {
        this.sc.stamp[k] = stampNow;
        this.sc.cnt[k] = 0;
        touched.push(k);
      }
      this.sc.cnt[k] += mult[g];
    }
    let sN = 0n;
    for (const k of touched) sN += BigInt(this.sc.cnt[k]) * this.rescale(k);
    let uC = 0n;
    for (let j = 0; j < uCounts.length; j++) if (uCounts[j] > 0) uC += BigInt(uCounts[j]) * c.uVals[j];
    ev.D = this.D;
    ev.U = c.totalU - uC;
    ev.X = c.cost * ev.D - sN;
    return ev.U > 0n && ev.X >= 0n;
  }

  /**
   * Exact rho of an affordable project: start from the float capped set, then
   * check exactly every supporter whose float position is close to rho and
   * correct the set until it is exactly right (each correction raises rho_C,
   * which is a lower bound of rho, so this terminates).
   */
  private exactEval(c: Cand, thr: number): RhoEval {
    const { sg } = c;
    const FG = this.FG;
    const cls = this.cls;
    const ev: RhoEval = { X: 0n, U: 0n, D: this.D, thr, overrides: null };
    if (Number.isFinite(thr)) {
      for (let loop = 0; loop < 12; loop++) {
        if (!this.rhoFor(c, ev)) break;
        const rhoF = ratioToNumber(ev.X, ev.D * ev.U);
        const lo = rhoF * (1 - DELTA);
        const hi = rhoF * (1 + DELTA);
        let changed = false;
        if (this.byClass(c)) {
          const { ks } = this.gathered(c);
          const u0 = c.uValsF[0];
          for (let j = 0; j < ks.length; j++) {
            const k = ks[j];
            const x = this.F[k] / u0;
            const cap = this.cappedClass(c, k, ev);
            // Far from rho: the float decision is certain; it must agree with the set.
            if ((x < lo || x > hi) && cap === x < lo) continue;
            // exact: budget ? rho·u  <=>  N_k·U ? X·u
            const lhs = this.rescale(k) * ev.U;
            const rhs = ev.X * c.uVals[0];
            if ((cap && lhs > rhs) || (!cap && lhs < rhs)) {
              if (ev.overrides === null) ev.overrides = new Map();
              ev.overrides.set(k, !cap);
              changed = true;
            }
          }
          if (!changed) return ev;
          continue;
        }
        let checked: Set<number> | null = null;
        for (let i = 0; i < sg.length; i++) {
          const k = cls[sg[i]];
          const x = FG[sg[i]] / (c.uIdx === null ? c.uValsF[0] : c.uValsF[c.uIdx[i]]);
          if (x < lo || x > hi) {
            // Far from rho: the float decision is certain; it must agree with the set.
            const cap = this.capped(c, i, k, ev);
            if (cap === x < lo) continue;
          }
          const key = c.uIdx === null ? k : k * c.uVals.length + c.uIdx[i];
          if (checked === null) checked = new Set();
          if (checked.has(key)) continue;
          checked.add(key);
          const cap = this.capped(c, i, k, ev);
          // exact: budget ? rho·u  <=>  N_k·U ? X·u
          const lhs = this.rescale(k) * ev.U;
          const rhs = ev.X * (c.uIdx === null ? c.uVals[0] : c.uVals[c.uIdx[i]]);
          if ((cap && lhs > rhs) || (!cap && lhs < rhs)) {
            if (ev.overrides === null) ev.overrides = new Map();
            ev.overrides.set(key, !cap);
            changed = true;
          }
        }
        if (!changed) return ev;
      }
    }
    return this.exactSlow(c);
  }

  /** Exact rho by sorting supporters exactly (fallback for degenerate cases). */
  private exactSlow(c: Cand): RhoEval {
    const entries = new Map<number, { k: number; u: bigint; cnt: bigint }>();
    const multBig = (this.prep.multBig ??= Array.from(this.prep.mult, (m) => BigInt(m)));
    for (let i = 0; i < c.sg.length; i++) {
      const k = this.cls[c.sg[i]];
      const key = c.uIdx === null ? k : k * c.uVals.length + c.uIdx[i];
      const e = entries.get(key);
      if (e) e.cnt += multBig[c.sg[i]];
      else entries.set(key, { k, u: c.uIdx === null ? c.uVals[0] : c.uVals[c.uIdx[i]], cnt: multBig[c.sg[i]] });
    }
    const list = [...entries.entries()];
    for (const [, e] of list) this.rescale(e.k);
    list.sort(([, a], [, b]) => {
      const l = this.N[a.k] * b.u;
      const r = this.N[b.k] * a.u;
      return l < r ? -1 : l > r ? 1 : 0;
    });
    const D = this.D;
    let paid = 0n;
    let denom = c.totalU;
    for (let j = 0; j < list.length; j++) {
      const [, e] = list[j];
      const X = c.cost * D - paid;
      if (X * e.u <= this.N[e.k] * denom) {
        const overrides = new Map<number, boolean>();
        for (let h = 0; h < list.length; h++) overrides.set(list[h][0], h < j);
        return { X, U: denom, D, thr: -Infinity, overrides };
      }
      paid += e.cnt * this.N[e.k];
      denom -= e.cnt * e.u;
    }
    throw new Error(`MES internal error: project ${c.id} deemed affordable but no rho found`);
  }

  /** Exact comparison of two rhos (same D): negative when a is smaller. */
  private static cmpRho(a: RhoEval, b: RhoEval): number {
    const l = a.X * b.U;
    const r = b.X * a.U;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /**
   * Refined sandwich for one round, when the plain one fails for project p
   * (its rho at the end T of the interval is below the winner's rho at the
   * start t0). For a fixed sequence, over t in [t0, T] (Δ = t − t0 per voter):
   *   a voter never capped so far at t0 has at least b(t0) + Δ, any voter at
   *   least b(t0) (lower budgets, lo); and at most b(T) − (T − t)·[never
   *   capped at t0] (upper budgets, up). Hence
   *   rho_w(t) ≤ rho of w under lo(t), a convex function of t (a maximum of
   *   affine rho_C), so below its chord between t0 (where it is rho_w(t0))
   *   and T; and rho_p(t) ≥ rho_C' of p under up(t), affine, for the capped
   *   set C' of p at T. If the affine lower bound is above the chord at both
   *   ends (strictly when p precedes w in id order), p cannot beat w anywhere.
   */
  private refinedOk(
    round: number,
    w: number,
    p: number,
    evP: RhoEval,
    thrNum: bigint,
    thrDen: bigint,
    strict: boolean,
  ): boolean {
    const forced = this.forced!;
    const prev = forced.prev;
    if (prev === null || prev.firstCap === null || round > prev.winCls.length) return false;
    const firstCap = prev.firstCap;
    const delta = forced.delta;
    const mult = this.prep.mult;
    const never = (g: number) => firstCap[g] === 0 || firstCap[g] >= round;

    // (b) at t0: rho_C'(up(t0)) = (X + Δ·K·D) / (D·U), K = capped-at-T supporters of p never capped at t0.
    const cp = this.prep.cands[p];
    let K = 0;
    for (let i = 0; i < cp.sg.length; i++) {
      const g = cp.sg[i];
      if (never(g) && this.capped(cp, i, this.cls[g], evP)) K += mult[g];
    }
    {
      const l = (evP.X + delta * BigInt(K) * evP.D) * thrDen;
      const r = thrNum * evP.D * evP.U;
      if (strict ? !(l > r) : !(l >= r)) return false;
    }

    // (a) at T: rho of w under lo(T) ≤ tau = rho_p(T)  <=>  Σ m·min(lo, tau·u) ≥ cost (> when strict).
    const cw = this.prep.cands[w];
    const snap = prev.winCls[round - 1];
    const tauF = ratioToNumber(evP.X, evP.D * evP.U);
    const deltaF = Number(delta);
    let sum = 0;
    for (let i = 0; i < cw.sg.length; i++) {
      const g = cw.sg[i];
      const lo = prev.F[snap[i]] + (never(g) ? deltaF : 0);
      const u = cw.uIdx === null ? cw.uValsF[0] : cw.uValsF[cw.uIdx[i]];
      sum += mult[g] * Math.min(lo, tauF * u);
    }
    const margin = (cw.sg.length + 16) * 8 * EPS;
    if (sum > cw.costF * (1 + margin)) return true;
    if (sum < cw.costF * (1 - margin)) return false;
    // Exact: Σ over lo-terms (over D0) + tau·Σ over u-terms, against the cost.
    const D0 = prev.Dh[prev.E];
    let s1 = 0n; // Σ m·lo, numerators over D0
    let s2 = 0n; // Σ m·u
    const X = evP.X;
    const DU = evP.D * evP.U;
    for (let i = 0; i < cw.sg.length; i++) {
      const g = cw.sg[i];
      const k = snap[i];
      const loN = prev.num(k) * (D0 / prev.Dh[prev.ep[k]]) + (never(g) ? delta * D0 : 0n);
      const u = cw.uIdx === null ? cw.uVals[0] : cw.uVals[cw.uIdx[i]];
      // min(lo, tau·u): lo = loN / D0, tau·u = X·u / DU
      if (loN * DU <= X * u * D0) s1 += BigInt(mult[g]) * loN;
      else s2 += BigInt(mult[g]) * u;
    }
    const l = s1 * DU + X * s2 * D0;
    const r = cw.cost * D0 * DU;
    return strict ? l > r : l >= r;
  }

  /**
   * Affine sandwich for one round, when the others fail for project p (a near tie: both rhos
   * move together, so comparing p at T with w at t0 is too coarse). Over t in [t0, T], bounds
   * L(t) ≤ b(t) ≤ H(t) on every budget, affine and exact at T (lines from L(t0), H(t0) to
   * b(T)), carried round by round from L = H = b while those are affine (start). For the
   * fixed sequence: a supporter capped at T is capped at every t ≤ T (b(t) ≤ b(T), rho(t) ≥
   * rho(T)), so has 0 after; one uncapped at t0 stays uncapped: b − rho·u; others max(0, b −
   * rho·u). rho_w = max over sets C of rho_C = (cost − Σ_C b) / U_notC is convex and decreasing
   * in the budgets: rho_w(t) ≤ rho_w(L(t)) ≤ RU(t), the chord from rho_w(L(t0)) to rho_w(T);
   * and rho_w(t) ≥ rho_C(H(t)) = RL(t), affine, for C = capped at T. New bounds: L − RU·u,
   * and H − RL·u or, for the others, the chord of the convex max(0, H − RL·u). (When every
   * supporter's budget is exactly affine and the capped set is the same at both ends, rho_C is
   * affine and exact, and so are the new budgets.) Then rho_p(t) ≥ rho_C'(H(t)), affine, for C'
   * = p's capped set at T, and rho_w(t) ≤ RU(t): comparing them at both ends (strictly when p
   * precedes w in id order) proves the whole interval. One-utility projects only.
   */
  private boundsOk(round: number, w: number, p: number, evP: RhoEval, evW: () => RhoEval | null, strict: boolean): boolean {
    const prev = this.forced!.prev;
    const seq = this.forced!.seq;
    const cands = this.prep.cands;
    if (prev === null || round > prev.winInfo.length || this.lhBroken) return false;
    // A proof of one or two steps saves at most one run, and this check can cost more (it
    // carries bounds through every round so far): on Mokotow, most proofs are that short.
    if (this.forced!.delta <= 2n * this.step) return false;
    if (cands[w].uIdx !== null || cands[p].uIdx !== null) return false;
    // At T (first: the cheap end): rho_C'(H(T)) = rho_p(T) against rho_w(T).
    const ew = evW();
    if (ew === null) return false;
    {
      const l = evP.X * ew.U;
      const r = ew.X * evP.U;
      if (strict ? !(l > r) : !(l >= r)) return false;
    }
    const quick = this.boundsOkF(round, w, p, evP, ew, strict);
    if (quick !== 0) return quick > 0;
    if (this.lhKey === null) {
      // A scratch array of the election's runs (one run at a time), set afresh for this one: at
      // the start, every group is in class 1 in both runs (class 0: empty budgets, exact).
      if (this.sc.lhKey.length < this.nClasses) this.sc.lhKey = new Int32Array(2 * this.nClasses);
      this.lhKey = this.sc.lhKey.fill(-1);
      this.lhKey[0] = 0;
      this.lhKey[1] = 1;
      const D0 = prev.Dh[prev.E];
      this.denL = [D0];
      this.denH = [D0];
      const sc = this.sc;
      if (sc.b0s.length < prev.nClasses) {
        const size = 2 * prev.nClasses;
        sc.b0s = new Int32Array(size);
        sc.l0s = new Int32Array(size);
        sc.h0s = new Int32Array(size);
        sc.b0v = new Array<bigint>(size).fill(0n);
        sc.l0v = new Array<bigint>(size).fill(0n);
        sc.h0v = new Array<bigint>(size).fill(0n);
      }
      this.lhB0Now = ++sc.b0Now;
      this.lhL0Now = ++sc.b0Now;
      this.lhH0Now = ++sc.b0Now;
    } else if (this.lhKey.length < this.nClasses) {
      const key = new Int32Array(2 * this.nClasses).fill(-1);
      key.set(this.lhKey);
      this.lhKey = this.sc.lhKey = key;
    }
    // A class's key: its groups' class at t0 (exact budget, the line to b(T)) or base + their bounds' index.
    const keyC = this.lhKey;
    const base = prev.nClasses;
    const D0 = this.denL[0];
    const { lhLn: vLn, lhLe: vLe, lhHn: vHn, lhHe: vHe } = this;
    const sc = this.sc;
    const b0 = (k: number): bigint => {
      if (k === 0) return 0n;
      if (sc.b0s[k] === this.lhB0Now) return sc.b0v[k];
      const v = prev.num(k) * (D0 / prev.Dh[prev.ep[k]]);
      sc.b0v[k] = v;
      sc.b0s[k] = this.lhB0Now;
      return v;
    };
    // Factors from epoch e to the last one (den[last] / den[e]), kept while the last is the same.
    const facL = this.lhFacL;
    const facH = this.lhFacH;
    const fac = (den: bigint[], f: Map<number, bigint>, e: number): bigint => {
      const E = den.length - 1;
      if (e === E) return 1n;
      let v = f.get(e);
      if (v === undefined) f.set(e, (v = den[E] / den[e]));
      return v;
    };
    // L and H numerators of a key, over the last denL, denH.
    // An exact key's L and H (its class budget at t0) are kept while the last denominator stays.

    const payLc = this.lhPayLc;
    const payHc = this.lhPayHc;
    const lOf = (key: number): bigint => {
      if (key < base) {
        if (this.denL.length === 1) return b0(key);
        if (sc.l0s[key] === this.lhL0Now) return sc.l0v[key];
        const v = b0(key) * fac(this.denL, facL, 0);
        sc.l0v[key] = v;
        sc.l0s[key] = this.lhL0Now;
        return v;
      }
      const v = key - base;
      const E = this.denL.length - 1;
      let x = vLn[v];
      if (x === null) {
        // Its parent's L minus the round's payment, both over the last denominator.
        const e = vLe[v];
        let pay = payLc.get(e);
        if (pay === undefined) payLc.set(e, (pay = this.lhPayL[e] * fac(this.denL, facL, e)));
        x = lOf(this.lhPar[v]) - pay;
      } else if (vLe[v] !== E) x *= fac(this.denL, facL, vLe[v]);
      else return x;
      vLn[v] = x;
      vLe[v] = E;
      return x;
    };
    const hOf = (key: number): bigint => {
      if (key < base) {
        if (this.denH.length === 1) return b0(key);
        if (sc.h0s[key] === this.lhH0Now) return sc.h0v[key];
        const v = b0(key) * fac(this.denH, facH, 0);
        sc.h0v[key] = v;
        sc.h0s[key] = this.lhH0Now;
        return v;
      }
      const v = key - base;
      const E = this.denH.length - 1;
      let x = vHn[v];
      if (x === null) {
        const e = vHe[v];
        let pay = payHc.get(e);
        if (pay === undefined) payHc.set(e, (pay = this.lhPayH[e] * fac(this.denH, facH, e)));
        x = hOf(this.lhPar[v]) - pay;
        if (this.lhK2[v] === 1 && x < 0n) x = 0n;
      } else if (vHe[v] !== E) x *= fac(this.denH, facH, vHe[v]);
      else return x;
      vHn[v] = x;
      vHe[v] = E;
      return x;
    };
    // Voters per slot (key·3 + kind), summed with stamps; `touched` lists the slots in use.
    let touched: number[] = [];
    const room = (extra: number): void => {
      const need = 3 * (base + vLn.length + extra);
      const sc = this.sc;
      if (sc.lhAcc.length >= need) return;
      const acc = new Float64Array(2 * need);
      const stamp = new Int32Array(2 * need);
      stamp.set(sc.lhStamp);
      acc.set(sc.lhAcc);
      sc.lhAcc = acc;
      sc.lhStamp = stamp;
      sc.lhNew = new Int32Array(2 * need);
    };
    const add = (slot: number, m: number): void => {
      const sc = this.sc;
      if (sc.lhStamp[slot] !== sc.lhNow) {
        sc.lhStamp[slot] = sc.lhNow;
        sc.lhAcc[slot] = 0;
        touched.push(slot);
      }
      sc.lhAcc[slot] += m;
    };
    /** rho_c under the L bounds of the slots' voters: [X, M] with rho·u = X / (DL·M) (M voters uncapped), or null if unaffordable. */
    const rhoL = (c: Cand, slots: number[]): [bigint, bigint] | null => {
      const DL = this.denL[this.denL.length - 1];
      const n = slots.length;
      const ls: bigint[] = new Array<bigint>(n);
      for (let i = 0; i < n; i++) ls[i] = lOf(Math.floor(slots[i] / 3));
      const quick = rhoByFloats(ls, slots, this.sc.lhAcc, c.cost * DL);
      if (quick !== null) return quick;
      // The walk in order of L (the reference for rhoByFloats, and its fallback).
      const list = slots.map((slot, i) => [ls[i], BigInt(this.sc.lhAcc[slot])] as [bigint, bigint]);
      list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      let M = 0n;
      for (const [, m] of list) M += m;
      let paid = 0n;
      for (const [l, m] of list) {
        const X = c.cost * DL - paid;
        if (X <= l * M) return [X, M];
        paid += m * l;
        M -= m;
      }
      return null;
    };
    // Carry the bounds to the start of this round.
    for (; this.lhRound < round; this.lhRound++) {
      const j = this.lhRound - 1;
      const c = cands[seq[j]];
      if (c.uIdx !== null) {
        this.lhBroken = true;
        return false;
      }
      // The winner's supporters by class in this run (at T) before paying: class info[q] (K
      // classes, info[2K + q] voters) went to the class info[K + q] (b(T) after paying; 0:
      // nothing left), and at t0 to a1(q), the class after paying in prev of any of its
      // supporters (all of a class's groups share their history, so their classes in prev and
      // their key).
      const info = this.winInfo[j];
      const pInfo = prev.winInfo[j];
      if (info === null || pInfo === null) {
        this.lhBroken = true;
        return false;
      }
      const K = info.length / 3;
      const pK = pInfo.length / 3;
      if (this.sc.bTo.length < prev.nClasses) this.sc.bTo = new Int32Array(2 * prev.nClasses);
      const pTo = this.sc.bTo; // per class of prev before paying: its class after
      for (let q = 0; q < pK; q++) pTo[pInfo[q]] = pInfo[pK + q];
      const pOld = prev.winCls[j];
      const tOld = this.winCls[j];
      const repOf = this.sc.gRep; // per class of this run: one of its supporters (the last one)
      for (let i = 0; i < tOld.length; i++) repOf[tOld[i]] = i;
      if (this.sc.bSlot.length < K) this.sc.bSlot = new Int32Array(2 * K);
      const a1 = this.sc.bSlot; // per class of this run: a1(q)
      // Budgets exactly affine and the same capped set C at both ends ("plain"): rho_C(t) is
      // affine, each supporter keeps its side of rho_C·u in between, so rho = rho_C; new budgets
      // exactly affine: each supporter's class at t0 is the one after paying.
      let plain = true;
      for (let q = 0; q < K; q++) {
        const k = info[q];
        const key = keyC[k];
        if (key < 0) {
          this.lhBroken = true; // cannot happen (every class was made by a round carried already)
          return false;
        }
        a1[q] = pTo[pOld[repOf[k]]];
        if (k === 0 && a1[q] !== 0) {
          this.lhBroken = true; // cannot happen (nothing left at T, so at t0)
          return false;
        }
        if (key >= base || (a1[q] === 0) !== (info[K + q] === 0)) plain = false;
      }
      if (plain) {
        for (let q = 0; q < K; q++) if (info[K + q] !== 0) keyC[info[K + q]] = a1[q];
        continue;
      }
      // Supporters by key and kind: 0 capped at T, 1 uncapped at t0, 2 in between.
      room(K);
      this.sc.lhNow++;
      touched = [];
      if (this.sc.bOld.length < K) this.sc.bOld = new Int32Array(2 * K);
      const slotOf = this.sc.bOld;
      for (let q = 0; q < K; q++) {
        const b1 = info[K + q];
        const kind = b1 === 0 ? 0 : a1[q] !== 0 ? 1 : 2;
        if (kind === 0 && a1[q] !== 0) {
          this.lhBroken = true; // cannot happen (capped at T, so at t0)
          return false;
        }
        const slot = keyC[info[q]] * 3 + kind;
        slotOf[q] = slot;
        add(slot, info[2 * K + q]);
      }
      const ru = rhoL(c, touched);
      if (ru === null) {
        this.lhBroken = true;
        return false;
      }
      // RL(t0)·u = (cost·DH − Σ_capped-at-T m·H) / (DH·Mnot), Mnot voters not capped at T.
      const DH = this.denH[this.denH.length - 1];
      let notCapped = 0; // a sum of voter counts: exact
      let XH = c.cost * DH;
      for (const slot of touched) {
        if (slot % 3 !== 0) notCapped += this.sc.lhAcc[slot];
        else if (slot !== 0) XH -= bigCount(this.sc.lhAcc[slot]) * hOf(slot / 3); // key 0: nothing left
      }
      const Mnot = BigInt(notCapped);
      const [XU, Mrem] = ru;
      if (Mnot > 0n) {
        // New bounds for the supporters not capped at T: L − RU·u and H − RL·u (the latter at
        // least 0 for kind 2), i.e. (lo·Mrem − XU) / (DL·Mrem) and (hi·Mnot − XH) / (DH·Mnot),
        // worked out when first needed (lOf, hOf): the same payment for every key.
        this.denL.push(this.denL[this.denL.length - 1] * Mrem);
        this.denH.push(DH * Mnot);
        facL.clear();
        facH.clear();
        payLc.clear();
        payHc.clear();
        this.lhL0Now = ++sc.b0Now;
        this.lhH0Now = ++sc.b0Now;
        const EL = this.denL.length - 1;
        const EH = this.denH.length - 1;
        this.lhPayL[EL] = XU;
        this.lhPayH[EH] = XH;
        for (const slot of touched) {
          if (slot % 3 === 0) continue;
          this.sc.lhNew[slot] = vLn.length;
          vLn.push(null);
          vLe.push(EL);
          vHn.push(null);
          vHe.push(EH);
          this.lhPar.push(Math.floor(slot / 3));
          this.lhK2.push(slot % 3 === 2 ? 1 : 0);
        }
      }
      // The classes after paying (at T) take their new keys (capped at T: class 0, key 0).
      for (let q = 0; q < K; q++) {
        const slot = slotOf[q];
        if (slot % 3 !== 0) keyC[info[K + q]] = base + this.sc.lhNew[slot];
      }
    }
    // At t0: rho_C'(H(t0)) against rho_w(L(t0)).
    room(0);
    const cw = cands[w];
    this.sc.lhNow++;
    touched = [];
    // Supporters by class (every class now was made by a round carried already: it has a key).
    {
      const { ks, cnt } = this.gathered(cw);
      for (let q = 0; q < ks.length; q++) {
        if (keyC[ks[q]] < 0) return false;
        add(keyC[ks[q]] * 3, cnt[q]);
      }
    }
    const ru = rhoL(cw, touched);
    if (ru === null) return false;
    const cp = cands[p];
    this.sc.lhNow++;
    touched = [];
    const gp = this.gathered(cp);
    for (let q = 0; q < gp.ks.length; q++) {
      const k = gp.ks[q];
      if (keyC[k] < 0) return false;
      if (this.cappedClass(cp, k, evP)) add(keyC[k] * 3, gp.cnt[q]);
    }
    const DH = this.denH[this.denH.length - 1];
    const DL = this.denL[this.denL.length - 1];
    let XP = cp.cost * DH;
    for (const slot of touched) if (slot !== 0) XP -= bigCount(this.sc.lhAcc[slot]) * hOf(slot / 3);
    // XP / (DH·U') against XU / (DL·M·u)
    const l = XP * DL * ru[1] * cw.uVals[0];
    const r = ru[0] * DH * evP.U;
    if (strict ? l > r : l >= r) return true;

    // The bound from p's capped set at T is loose at t0 when that set changed in between (long
    // intervals, or just after a crossing, where p trails w closely). Any set C gives an affine
    // lower bound rho_C(H(t)) ≤ rho_p(t); take also C0 = p's capped set under H(t0), tight at t0.
    // rho_p(t) is then above the larger of the two lines, and the chord RU is below it wherever
    // one of the lines is: each is above RU on one side of where it meets RU, and it suffices
    // that these sides overlap.
    this.sc.lhNow++;
    touched = [];
    for (let q = 0; q < gp.ks.length; q++) add(keyC[gp.ks[q]] * 3, gp.cnt[q]);
    const byH = touched.map((slot) => ({ key: slot / 3, h: hOf(slot / 3), m: BigInt(this.sc.lhAcc[slot]) }));
    byH.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    let M0 = 0n;
    for (const e of byH) M0 += e.m;
    let paid = 0n;
    let X0 = -1n;
    const c0 = new Set<number>();
    for (const e of byH) {
      const X = cp.cost * DH - paid;
      if (X <= e.h * M0) {
        X0 = X;
        break;
      }
      paid += e.m * e.h;
      M0 -= e.m;
      c0.add(e.key);
    }
    if (X0 <= 0n) return false;
    for (let q = 0; q < gp.ks.length; q++) {
      const k = gp.ks[q];
      if (k !== 0 && c0.has(keyC[k])) this.addTerm(k, gp.cnt[q]);
    }
    const XT = cp.cost * this.D - this.takeTerms();
    const up = cp.uVals[0];
    // Exact rhos as [numerator, denominator]: the chord RU, the two lines of p, at t0 and at T.
    const ru0: [bigint, bigint] = [ru[0], DL * ru[1] * cw.uVals[0]];
    const ru1: [bigint, bigint] = [ew.X, ew.D * ew.U];
    const diff = (x: [bigint, bigint], y: [bigint, bigint]): [bigint, bigint] => [x[0] * y[1] - y[0] * x[1], x[1] * y[1]];
    const a = diff([XP, DH * evP.U], ru0); // < 0: the check above failed
    const b = diff([evP.X, evP.D * evP.U], ru1); // ≥ 0: checked first
    const c = diff([X0, DH * M0 * up], ru0);
    const d = diff([XT, this.D * M0 * up], ru1);
    if (strict ? !(b[0] > 0n && c[0] > 0n) : !(b[0] >= 0n && c[0] >= 0n)) return false;
    // The sides overlap: a·d ≤ b·c (a < 0 ≤ c, b ≥ 0; strictly when p precedes w).
    const ad = a[0] * d[0] * b[1] * c[1];
    const bc = b[0] * c[0] * a[1] * d[1];
    return strict ? ad < bc : ad <= bc;
  }

  /**
   * boundsOk's checks at t0 in floats, without a BigInt. Every key carries four floats: below
   * and above its exact L(t0) and H(t0) (the ones boundsOk works out); every step is monotone
   * (rho falls as budgets rise), so each stays on its side. The lower L and upper H are bounds
   * themselves (a line from below L(t0) to b(T) is still below b, one from above H(t0) still
   * above, and boundsOk's arguments hold for any such lines): when they prove the interval, it is
   * proved (1). The other two bound what boundsOk finds: when they show its checks fail, they do
   * (−1; a wrong "no" could only cost a proof). Else 0, and boundsOk decides exactly. Budget
   * floats are within 2^-50 of the exact budgets (newClass, newLazy).
   */
  private boundsOkF(round: number, w: number, p: number, evP: RhoEval, ew: RhoEval, strict: boolean): number {
    const prev = this.forced!.prev!;
    const seq = this.forced!.seq;
    const cands = this.prep.cands;
    if (this.fBroken) return 0;
    if (this.fKey === null) {
      this.fKey = new Int32Array(Math.max(64, 2 * this.nClasses)).fill(-1);
      this.fKey[0] = 0;
      this.fKey[1] = 1;
    } else if (this.fKey.length < this.nClasses) {
      const key = new Int32Array(2 * this.nClasses).fill(-1);
      key.set(this.fKey);
      this.fKey = key;
    }
    const keyC = this.fKey;
    const base = prev.nClasses;
    const PF = prev.F;
    const { fL, fLh, fH, fHl } = this;
    // Below base, a key is a class of prev at t0: L = H = its budget, its float within 2^-50.
    const lLo = (key: number): number => (key < base ? PF[key] * (1 - 2 ** -40) : fL[key - base]);
    const lHi = (key: number): number => (key < base ? PF[key] * (1 + 2 ** -40) : fLh[key - base]);
    const hHi = (key: number): number => (key < base ? PF[key] * (1 + 2 ** -40) : fH[key - base]);
    const hLo = (key: number): number => (key < base ? PF[key] * (1 - 2 ** -40) : fHl[key - base]);
    // x rounded down and up: past the rounding error of the one operation that made it.
    const dn = (x: number): number => x - Math.abs(x) * 2 ** -50;
    const up = (x: number): number => x + Math.abs(x) * 2 ** -50;
    // Voters per slot (key·3 + kind), summed with stamps; `touched` lists the slots in use.
    const sc = this.sc;
    let touched: number[] = [];
    const add = (slot: number, m: number): void => {
      if (slot >= sc.fStamp.length) {
        const size = 2 * (slot + 1);
        const acc = new Float64Array(size);
        const stamp = new Int32Array(size);
        acc.set(sc.fAcc);
        stamp.set(sc.fStamp);
        sc.fAcc = acc;
        sc.fStamp = stamp;
        sc.fNew = new Int32Array(size);
      }
      if (sc.fStamp[slot] !== sc.fNow) {
        sc.fStamp[slot] = sc.fNow;
        sc.fAcc[slot] = 0;
        touched.push(slot);
      }
      sc.fAcc[slot] += m;
    };
    /**
     * The pay r (rho·u of c) solving Σ m·min(v, r) = cost over the slots' voters, v = val(key):
     * certified above it (dir 1) or below it (dir −1), NaN when not certified. Σ m·min(v, r) is
     * non-decreasing in r, so rho·u ≤ r once the sum reaches the cost there, > r when short of it.
     */
    const payOf = (c: Cand, val: (key: number) => number, dir: 1 | -1): number => {
      const n = touched.length;
      if (fltL.length < n) {
        fltL = new Float64Array(2 * n);
        fltM = new Float64Array(2 * n);
      }
      const ls = fltL;
      const ms = fltM;
      let total = 0;
      for (let i = 0; i < n; i++) {
        ls[i] = val(Math.floor(touched[i] / 3));
        ms[i] = sc.fAcc[touched[i]];
        total += ms[i];
      }
      const cost = c.costF;
      // Fixpoint (as rhoByFloats): C = {v < r}, r = (cost − Σ_C m·v) / Σ_notC m; C only grows.
      let r = cost / total;
      for (let iter = 0; ; iter++) {
        if (iter === 64) return NaN;
        let sC = 0;
        let mC = 0;
        let nextAbove = Infinity;
        for (let i = 0; i < n; i++) {
          const x = ls[i];
          if (x < r) {
            sC += ms[i] * x;
            mC += ms[i];
          } else if (x < nextAbove) nextAbove = x;
        }
        const rest = total - mC;
        if (!(rest > 0)) return NaN;
        const r2 = (cost - sC) / rest;
        if (r2 <= nextAbove) {
          if (r2 > r) r = r2;
          break;
        }
        r = r2;
      }
      if (!(r > 0 && Number.isFinite(r))) return NaN;
      // Each try moves r by twice what the last one missed by (over the voters it does not cap).
      let rB = r * (1 + dir * 2 ** -40);
      for (let tries = 0; tries < 4; tries++) {
        let f = 0;
        let mag = 0;
        let above = 0;
        for (let i = 0; i < n; i++) {
          const v = ms[i] * (ls[i] < rB ? ls[i] : rB);
          if (ls[i] >= rB) above += ms[i];
          f += v;
          mag += Math.abs(v);
        }
        const err = mag * (n + 4) * 2 ** -51;
        const miss = dir === 1 ? cost * (1 + 2 ** -51) - (f - err) : f + err - cost * (1 - 2 ** -51);
        if (dir === 1 ? miss <= 0 : miss < 0) return rB;
        if (!(above > 0)) return NaN;
        rB += dir * ((2 * miss) / above + rB * 2 ** -45);
        if (!(rB > 0)) return NaN;
      }
      return NaN;
    };
    /** Below (dir 1: above) the cost minus Σ m·val over the slots of kind 0 (key 0: nothing left). */
    const costLess = (c: Cand, val: (key: number) => number, dir: 1 | -1): number => {
      let sum = 0;
      let n = 0;
      for (const slot of touched) {
        if (slot % 3 !== 0 || slot === 0) continue;
        sum += sc.fAcc[slot] * val(slot / 3);
        n++;
      }
      return c.costF * (1 + dir * 2 ** -51) - sum * (1 - dir * (n + 4) * 2 ** -51);
    };
    // Carry the bounds to the start of this round (as boundsOk does, see there). The upper L and
    // lower H (fTwo) stop when one is not certified.
    for (; this.fRound < round; this.fRound++) {
      const j = this.fRound - 1;
      const c = cands[seq[j]];
      const info = this.winInfo[j];
      const pInfo = prev.winInfo[j];
      if (c.uIdx !== null || info === null || pInfo === null) {
        this.fBroken = true;
        return 0;
      }
      const K = info.length / 3;
      const pK = pInfo.length / 3;
      if (sc.bTo.length < prev.nClasses) sc.bTo = new Int32Array(2 * prev.nClasses);
      const pTo = sc.bTo;
      for (let q = 0; q < pK; q++) pTo[pInfo[q]] = pInfo[pK + q];
      const pOld = prev.winCls[j];
      const tOld = this.winCls[j];
      // One supporter per class (the first met), until each of the K has one.
      const repOf = sc.gRep;
      const seen = sc.stamp;
      const now = ++sc.stampNow;
      for (let i = 0, found = 0; found < K && i < tOld.length; i++) {
        const k = tOld[i];
        if (seen[k] === now) continue;
        seen[k] = now;
        repOf[k] = i;
        found++;
      }
      if (sc.bSlot.length < K) sc.bSlot = new Int32Array(2 * K);
      const a1 = sc.bSlot;
      let plain = true;
      for (let q = 0; q < K; q++) {
        const k = info[q];
        const key = keyC[k];
        if (seen[k] !== now) {
          this.fBroken = true; // cannot happen (every class in info has supporters in winCls)
          return 0;
        }
        a1[q] = pTo[pOld[repOf[k]]];
        if (key < 0 || (k === 0 && a1[q] !== 0)) {
          this.fBroken = true;
          return 0;
        }
        if (key >= base || (a1[q] === 0) !== (info[K + q] === 0)) plain = false;
      }
      if (plain) {
        for (let q = 0; q < K; q++) if (info[K + q] !== 0) keyC[info[K + q]] = a1[q];
        continue;
      }
      sc.fNow++;
      touched = [];
      if (sc.bOld.length < K) sc.bOld = new Int32Array(2 * K);
      const slotOf = sc.bOld;
      for (let q = 0; q < K; q++) {
        const kind = info[K + q] === 0 ? 0 : a1[q] !== 0 ? 1 : 2;
        if (kind === 0 && a1[q] !== 0) {
          this.fBroken = true;
          return 0;
        }
        const slot = keyC[info[q]] * 3 + kind;
        slotOf[q] = slot;
        add(slot, info[2 * K + q]);
      }
      const payLHi = payOf(c, lLo, 1);
      if (Number.isNaN(payLHi)) {
        this.fBroken = true;
        return 0;
      }
      const payLLo = this.fTwo ? payOf(c, lHi, -1) : NaN;
      if (Number.isNaN(payLLo)) this.fTwo = false;
      let notCapped = 0;
      for (const slot of touched) if (slot % 3 !== 0) notCapped += sc.fAcc[slot];
      if (notCapped > 0) {
        // What each voter not capped at T pays under H (RL(t0)·u), below and above.
        const payHLo = dn(costLess(c, hHi, -1) / notCapped);
        const payHHi = up(costLess(c, hLo, 1) / notCapped);
        for (const slot of touched) {
          if (slot % 3 === 0) continue;
          const key = Math.floor(slot / 3);
          let h = up(hHi(key) - payHLo);
          let hl = dn(hLo(key) - payHHi);
          if (slot % 3 === 2) {
            if (h < 0) h = 0;
            if (hl < 0) hl = 0;
          }
          sc.fNew[slot] = fL.length;
          fL.push(dn(lLo(key) - payLHi));
          fLh.push(up(lHi(key) - payLLo));
          fH.push(h);
          fHl.push(hl);
        }
      }
      for (let q = 0; q < K; q++) {
        const slot = slotOf[q];
        if (slot % 3 !== 0) keyC[info[K + q]] = base + sc.fNew[slot];
      }
    }
    // At t0: rho_C'(H(t0)) against rho_w(L(t0)).
    const cw = cands[w];
    sc.fNow++;
    touched = [];
    {
      const { ks, cnt } = this.gathered(cw);
      for (let q = 0; q < ks.length; q++) {
        if (keyC[ks[q]] < 0) return 0;
        add(keyC[ks[q]] * 3, cnt[q]);
      }
    }
    const payWHi = payOf(cw, lLo, 1);
    if (!(payWHi > 0)) return 0;
    const two = this.fTwo;
    const payWLo = two ? payOf(cw, lHi, -1) : NaN;
    const cp = cands[p];
    sc.fNow++;
    touched = [];
    const gp = this.gathered(cp);
    for (let q = 0; q < gp.ks.length; q++) {
      const k = gp.ks[q];
      if (keyC[k] < 0) return 0;
      if (this.cappedClass(cp, k, evP)) add(keyC[k] * 3, gp.cnt[q]);
    }
    // Rhos: rho_p(t0) ≥ XP / U' (U' = evP.U), rho_w(t0) ≤ RU(t0) = pay / u_w.
    const xpLo = costLess(cp, hHi, -1);
    const xpHi = costLess(cp, hLo, 1);
    const uP = ratioToNumber(evP.U, 1n);
    const uPLo = uP * (1 - 2 ** -50);
    const uPHi = uP * (1 + 2 ** -50);
    const uW = cw.uValsF[0];
    const ru0Hi = up(payWHi / (uW * (1 - 2 ** -50)));
    const p0Lo = xpLo >= 0 ? dn(xpLo / uPHi) : dn(xpLo / uPLo);
    const aLo = dn(p0Lo - ru0Hi);
    if (strict ? aLo > 0 : aLo >= 0) return 1;
    // boundsOk's second check: p's supporters by key, for the line of a set C0 (any set gives a
    // line below rho_p; boundsOk takes p's capped set under H(t0), here under the upper H).
    sc.fNow++;
    touched = [];
    for (let q = 0; q < gp.ks.length; q++) add(keyC[gp.ks[q]] * 3, gp.cnt[q]);
    const upF = cp.uValsF[0];
    const rwT = ratioToNumber(ew.X, ew.D * ew.U);
    const rpT = ratioToNumber(evP.X, evP.D * evP.U);
    const rC0 = payOf(cp, hHi, -1);
    if (rC0 > 0) {
      let s0 = 0;
      let n0 = 0;
      let mOut = 0;
      for (const slot of touched) {
        const h = hHi(slot / 3);
        if (h < rC0) {
          sc.fNew[slot] = 1;
          s0 += sc.fAcc[slot] * h;
          n0++;
        } else {
          sc.fNew[slot] = 0;
          mOut += sc.fAcc[slot];
        }
      }
      if (mOut > 0) {
        // Its line at t0 (H) and at T (the budgets now), below; the chord RU above; b, c, d as in boundsOk.
        const x0 = cp.costF * (1 - 2 ** -51) - s0 * (1 + (n0 + 4) * 2 ** -51);
        let sT = 0;
        for (let q = 0; q < gp.ks.length; q++) if (sc.fNew[keyC[gp.ks[q]] * 3] === 1) sT += gp.cnt[q] * this.F[gp.ks[q]];
        const xT = cp.costF * (1 - 2 ** -51) - sT * (1 + 2 ** -40) * (1 + (gp.ks.length + 4) * 2 ** -51);
        const u0Lo = mOut * upF * (1 - 2 ** -50);
        const u0Hi = mOut * upF * (1 + 2 ** -50);
        const rwTHi = rwT * (1 + 2 ** -48);
        const bLo = dn(rpT * (1 - 2 ** -48) - rwTHi);
        const cLo = dn((x0 >= 0 ? dn(x0 / u0Hi) : dn(x0 / u0Lo)) - ru0Hi);
        const dLo = dn((xT >= 0 ? dn(xT / u0Hi) : dn(xT / u0Lo)) - rwTHi);
        // Then a < 0 ≤ b, c; the lines overlap when a·d ≤ b·c (strictly when p precedes w).
        if (strict ? bLo > 0 && cLo > 0 : bLo >= 0 && cLo >= 0) {
          if (strict ? dLo > 0 : dLo >= 0) return 1;
          const ad = up(aLo * dLo);
          const bc = dn(bLo * cLo);
          if (strict ? ad < bc : ad <= bc) return 1;
        }
      }
    }
    if (!two || !(payWLo > 0)) return 0;
    // Does boundsOk's first check fail (a < 0)?
    const ru0Lo = dn(payWLo / (uW * (1 + 2 ** -50)));
    const p0Hi = xpHi >= 0 ? up(xpHi / uPLo) : up(xpHi / uPHi);
    const aHi = up(p0Hi - ru0Lo);
    if (!(aHi < 0)) return 0;
    // Its second needs c = rho_p(H(t0)) − RU(t0) ≥ 0, rho_p(H(t0)) being p's rho under H at t0
    // (the walk's X0 / (DH·M0·u)), and a·d ≤ b·c.
    const payPHi = payOf(cp, hLo, 1);
    const payPLo = rC0;
    if (!(payPHi > 0 && payPLo > 0)) return 0;
    const cHi = up(up(payPHi / (upF * (1 - 2 ** -50))) - ru0Lo);
    if (cHi < 0) return -1;
    // The walk's set C0 = {keys with H < rho_p·u} unless a key is too close to tell, and M0 the
    // voters outside it; then d = rho_C0(b(T)) − rho_w(T) and b = rho_p(T) − rho_w(T).
    let m0 = 0;
    for (const slot of touched) {
      const key = slot / 3;
      if (hHi(key) < payPLo) sc.fNew[slot] = 1;
      else if (hLo(key) >= payPHi) {
        sc.fNew[slot] = 0;
        m0 += sc.fAcc[slot];
      } else return 0;
    }
    if (!(m0 > 0)) return 0;
    let sT = 0;
    for (let q = 0; q < gp.ks.length; q++) if (sc.fNew[keyC[gp.ks[q]] * 3] === 1) sT += gp.cnt[q] * this.F[gp.ks[q]];
    const xtHi = cp.costF * (1 + 2 ** -51) - sT * (1 - 2 ** -40) * (1 - (gp.ks.length + 4) * 2 ** -51);
    const u0Lo = m0 * upF * (1 - 2 ** -50);
    const u0Hi = m0 * upF * (1 + 2 ** -50);
    const rwTLo = rwT * (1 - 2 ** -48);
    const dHi = up((xtHi >= 0 ? up(xtHi / u0Lo) : up(xtHi / u0Hi)) - rwTLo);
    const bHi = up(rpT * (1 + 2 ** -48) - rwTLo);
    if (dHi < 0 && bHi >= 0 && cHi >= 0 && dn(aHi * dHi) > up(bHi * cHi)) return -1;
    return 0;
  }

  /** Float guess of how many Add1 steps ago an affordable project's supporters' money reached its cost. */
  private static affordableAgo(c: Cand, fe: FloatEval): number {
    return fe.moneySlope > 0 ? Math.max(0, fe.money - c.costF) / fe.moneySlope : Infinity;
  }

  run(): RunResult {
    const prep = this.prep;
    const cands = prep.cands;
    const C = cands.length;
    const alive = new Uint8Array(C).fill(1);
    const L = new Float64Array(C);
    const rhoF = new Float64Array(C);
    const rhoS = new Float64Array(C);
    const seenRound = new Int32Array(C);
    for (let j = 0; j < C; j++) {
      L[j] = (cands[j].costF / cands[j].totalUF) * LOWER;
      rhoF[j] = cands[j].costF / cands[j].totalUF;
    }
    const fes: (FloatEval | null)[] = new Array(C).fill(null);
    const selected: number[] = [...prep.zeroCost];
    let cost = 0n;
    const winners: WinnerInfo[] = [];
    const sequence: number[] = [];
    const rhoNum: bigint[] = [];
    const rhoDen: bigint[] = [];
    const dropped = new Map<number, DroppedInfo>();
    const forced = this.forced;
    let verified = true;
    let changeAgo = NaN;
    let round = 0;
    let aliveCount = C;

    // Steps until projects dropped this round would become affordable again.
    // After the last round that changes the outcome. A project dropped in a round that selects
    // one seldom wins a round when it comes back (it is first priced high: most of its
    // supporters' money): it mostly changes the outcome when affordable after the last round,
    // with what its supporters have left then, estimated at the end of the run (laterDrops);
    // winning a round earlier is guarded by a much relaxed estimate.
    let roundDrops: number[] = [];
    let roundDropped: number[] = [];
    const laterDrops: number[] = [];
    const laterSteps: number[] = [];
    const DROP_RELAX = 8;
    const drop = (j: number, fe: FloatEval) => {
      alive[j] = 0;
      aliveCount--;
      if (this.slopes && fe.moneySlope > 0) {
        roundDrops.push((cands[j].costF - fe.money) / fe.moneySlope);
        roundDropped.push(j);
      }
      if (this.details) {
        const money = fe.exactMoney ?? this.exactMoney(cands[j]);
        dropped.set(j, { round, money: rat(money, this.D) });
      }
    };
    /** True when j was settled by a one-pass test (dropped, or rho certainly above tau). */
    const settled = (j: number, tau: number): boolean => {
      if (this.slopes) return false;
      const far = tau * 1.01;
      const t = this.testPass(cands[j], tau, far);
      if (t.verdict === 0) {
        seenRound[j] = round;
        fes[j] = null;
        drop(j, t.fe!);
        return true;
      }
      if (t.verdict === 1 || t.verdict === 2) {
        const lb = (t.verdict === 1 ? far : tau) * LOWER;
        if (lb > L[j]) L[j] = lb;
        return true;
      }
      return false;
    };
    const evalFloat = (j: number): FloatEval | null => {
      const fe = this.floatEval(cands[j], L[j]);
      seenRound[j] = round;
      fes[j] = fe;
      if (!fe.affordable) {
        drop(j, fe);
        return null;
      }
      if (fe.lower > L[j]) L[j] = fe.lower;
      rhoF[j] = fe.rho;
      rhoS[j] = fe.slope;
      return fe;
    };

    // For the explaining run: each project's supporters' money when last summed (before the first
    // round, supporters × the equal share), and a bound on what they have paid since.
    // (Only that run's: made for it alone, as hundreds of proving runs would make them for nothing.)
    const explaining = this.details && !forced;
    const knownMoney = new Float64Array(explaining ? C : 0);
    const paidSince = new Float64Array(explaining ? C : 0);
    const maxU = new Float64Array(explaining ? C : 0);
    if (explaining) {
      for (let j = 0; j < C; j++) {
        knownMoney[j] = prep.supporters[cands[j].pi] * this.F[1];
        maxU[j] = Math.max(...cands[j].uValsF);
      }
    }
    const order: number[] = [];
    for (let j = 0; j < C; j++) order.push(j);
    while (aliveCount > 0) {
      round++;
      this.round = round;
      roundDrops = [];
      roundDropped = [];
      if (this.details && !forced) {
        // For "why it did not win": the first round its supporters' money falls short of its cost
        // (it only shrinks, so the project never comes back). Left alone, the float bounds would
        // notice some of them rounds later, with less money left, and the figure would depend on that.
        for (let j = 0; j < C; j++) {
          if (!alive[j]) continue;
          // While what they can have paid since leaves plenty above the cost, there is nothing to sum again.
          if (knownMoney[j] - paidSince[j] > cands[j].costF * (1 + 1e-9) + knownMoney[j] * 1e-9) continue;
          // The float sum decides unless it is within its rounding error of the cost.
          const { money } = this.floatMoney(cands[j]);
          knownMoney[j] = money;
          paidSince[j] = 0;
          const { affordable, exactMoney } = this.affordability(cands[j], money);
          if (affordable) continue;
          alive[j] = 0;
          aliveCount--;
          dropped.set(j, { round, money: rat(exactMoney ?? this.exactMoney(cands[j]), this.D) });
        }
      }
      // Alive projects by lower bound, ties by id (cands are in id order, so by index). Kept from
      // round to round: bounds move little, so an insertion sort has little to move.
      let alives = 0;
      for (let t = 0; t < order.length; t++) if (alive[order[t]]) order[alives++] = order[t];
      order.length = alives;
      for (let t = 1; t < alives; t++) {
        const j = order[t];
        const Lj = L[j];
        let h = t;
        for (; h > 0; h--) {
          const p = order[h - 1];
          if (!(L[p] > Lj || (L[p] === Lj && p > j))) break;
          order[h] = p;
        }
        order[h] = j;
      }

      let best = -1;
      let bestEv: RhoEval | null = null;
      // Once the check fails, the run goes on as a plain one: the rounds so far are proved to
      // be MES's at T, so it ends with the outcome at T.
      let given = false;
      if (forced && verified) {
        // The winner is given, with an upper bound on its rho over the interval;
        // every other project must be unaffordable or have a rho above it.
        const fw = round <= forced.seq.length ? forced.seq[round - 1] : -1;
        const thrNum = fw >= 0 ? forced.thrNum[round - 1] : 0n;
        const thrDen = fw >= 0 ? forced.thrDen[round - 1] : 1n;
        const thrUp = fw >= 0 ? ratioToNumber(thrNum, thrDen) * (1 + 1e-12) : Infinity;
        // The winner's exact rho at T, computed once when a check needs it (null: unaffordable).
        let wEvMemo: RhoEval | null | undefined;
        const wFe: { fe: FloatEval | null } = { fe: null };
        const wEv = (): RhoEval | null => {
          if (wEvMemo !== undefined) return wEvMemo;
          const fe = (wFe.fe = alive[fw] ? this.floatEval(cands[fw], L[fw]) : null);
          return (wEvMemo = fe !== null && fe.affordable ? this.exactEval(cands[fw], fe.thr) : null);
        };
        for (const j of order) {
          if (j === fw) continue;
          if (L[j] > thrUp) break;
          if (fw >= 0 && settled(j, thrUp)) continue;
          const fe = evalFloat(j);
          if (fe === null) continue;
          if (fw < 0) {
            verified = false; // something is still affordable after the last round
            changeAgo = MesRun.affordableAgo(cands[j], fe);
            break;
          }
          if (L[j] > thrUp) continue;
          const ev = this.exactEval(cands[j], fe.thr);
          L[j] = Math.max(L[j], ratioToNumber(ev.X, ev.D * ev.U) * LOWER);
          const l = ev.X * thrDen;
          const r = thrNum * ev.D * ev.U;
          const pFirst = compareProjectIds(cands[j].id, cands[fw].id) < 0;
          if (l < r || (l === r && pFirst)) {
            if (
              !this.refinedOk(round, fw, j, ev, thrNum, thrDen, pFirst) &&
              !this.boundsOk(round, fw, j, ev, wEv, pFirst)
            ) {
              verified = false;
              const ew = wEv();
              if (ew !== null && wFe.fe !== null) {
                const c = MesRun.cmpRho(ev, ew);
                if (c < 0 || (c === 0 && pFirst)) {
                  // j beats the winner at T: the change comes where j's rho fell below the
                  // winner's or where j became affordable, whichever is later (linear guesses).
                  const gap = ratioToNumber(ew.X, ew.D * ew.U) - ratioToNumber(ev.X, ev.D * ev.U);
                  const closing = wFe.fe.slope - fe.slope;
                  const rhoAgo = closing > 0 ? gap / closing : Infinity;
                  changeAgo = Math.min(rhoAgo, MesRun.affordableAgo(cands[j], fe));
                }
              }
              break;
            }
          }
        }
        if (verified && fw < 0) {
          for (const t of roundDrops) this.guess(t);
          break;
        }
        const fe = verified && alive[fw] ? evalFloat(fw) : null;
        if (fe !== null) {
          best = fw;
          bestEv = this.exactEval(cands[fw], fe.thr);
          given = true;
        } else verified = false;
      }
      if (!given) {
        // Phase 1 (floats): evaluate in order of lower bound until the bounds exceed the best float rho.
        let minRho = Infinity;
        let arg = -1;
        for (const j of order) {
          if (!alive[j]) continue; // dropped earlier in the round, before a failed check
          if (L[j] > minRho * (1 + 1e-6)) break;
          if (arg >= 0 && settled(j, minRho * (1 + 1e-9))) continue;
          const fe = evalFloat(j);
          if (fe === null) continue;
          if (arg < 0 || fe.rho < minRho || (fe.rho === minRho && compareProjectIds(cands[j].id, cands[arg].id) < 0)) {
            minRho = fe.rho;
            arg = j;
          }
        }
        if (arg < 0) {
          // Nothing affordable among those looked at; the rest must be checked too.
          for (const j of order) if (alive[j] && seenRound[j] !== round) evalFloat(j);
          for (const j of order) if (alive[j]) arg = j;
        }
        // Phase 2 (exact): the float favourite, then anything not certified to lose to it.
        best = arg;
        bestEv = arg < 0 ? null : this.exactEval(cands[arg], fes[arg]!.thr);
        let bestUp = bestEv === null ? -Infinity : ratioToNumber(bestEv.X, bestEv.D * bestEv.U) * (1 + 1e-12);
        for (const j of order) {
          if (bestEv === null) break;
          if (j === best || !alive[j] || L[j] > bestUp) continue;
          let fe = seenRound[j] === round ? fes[j] : null;
          if (fe === null) {
            fe = evalFloat(j);
            if (fe === null || L[j] > bestUp) continue;
          }
          const ev = this.exactEval(cands[j], fe.thr);
          L[j] = Math.max(L[j], ratioToNumber(ev.X, ev.D * ev.U) * LOWER);
          const c = MesRun.cmpRho(ev, bestEv);
          if (c < 0 || (c === 0 && compareProjectIds(cands[j].id, cands[best].id) < 0)) {
            best = j;
            bestEv = ev;
            bestUp = ratioToNumber(bestEv.X, bestEv.D * bestEv.U) * (1 + 1e-12);
          }
        }
      }
      if (bestEv === null) {
        for (const t of roundDrops) this.guess(t);
        break;
      }
      for (let q = 0; q < roundDrops.length; q++) {
        this.guess(roundDrops[q] * DROP_RELAX);
        laterDrops.push(roundDropped[q]);
        laterSteps.push(roundDrops[q]);
      }

      const w = cands[best];
      alive[best] = 0;
      aliveCount--;
      if (this.slopes) {
        // Sandwich horizon estimate: rho_p(t) must stay above the winner's rho now. Only from
        // projects evaluated this round: older slopes mostly foretell changes that do not come.
        const rw = ratioToNumber(bestEv.X, bestEv.D * bestEv.U);
        const sw = rhoS[best];
        for (let j = 0; j < C; j++) {
          if (!alive[j] || seenRound[j] !== round || !(rhoS[j] < sw)) continue;
          this.guess((rhoF[j] - rw) / (sw - rhoS[j]));
        }
        for (let j = 0; j < C; j++) {
          if (!alive[j] || seenRound[j] !== round || !(rhoS[j] < 0)) continue;
          const t = (rhoF[j] - rw) / -rhoS[j];
          if (t >= 0 && t < this.reach) this.reach = t;
        }
      }
      sequence.push(best);
      const refSeq = this.refSeq;
      if (refSeq === null || round > refSeq.length || refSeq[round - 1] !== best) this.onSeq = false;
      rhoNum.push(bestEv.X);
      rhoDen.push(bestEv.D * bestEv.U);
      const info = this.pay(w, bestEv, round, this.slopes ? rhoS[best] : 0);
      this.capSum.push(this.capSum[this.capSum.length - 1] + info.capped);
      this.spent += w.costF * (1 + 1e-9);
      info.cand = best;
      winners.push(info);
      selected.push(w.pi);
      cost += w.cost;
      if (this.details && !forced) {
        // Each of the winner's supporters paid at most rho × their utility for it, and all of them its cost.
        const most = ratioToNumber(bestEv.X, bestEv.D * bestEv.U) * maxU[best] * (1 + 1e-9);
        for (let j = 0; j < C; j++) if (alive[j]) paidSince[j] += Math.min(w.costF * (1 + 1e-9), prep.supporters[cands[j].pi] * most);
      }
    }
    if (forced && sequence.length < forced.seq.length) verified = false;
    // Supporters' money only shrinks over rounds: a project that was further from its cost when
    // dropped than the horizon already is cannot come back sooner.
    for (let q = 0; q < laterDrops.length; q++) {
      if (!(laterSteps[q] < this.horizon)) continue;
      const c = cands[laterDrops[q]];
      const { money, slope } = this.floatMoney(c);
      if (slope > 0) this.guess((c.costF - money) / slope);
    }
    for (const pi of prep.zeroCost) cost += prep.election.projects[pi].cost;
    // Done with the runs it was compared with: a later run that compares with this one must not
    // keep them (and theirs, and so on) alive.
    this.forced = null;
    this.ref = null;
    this.refSeq = null;
    return {
      selected,
      cost,
      winners,
      dropped,
      rounds: round,
      sequence,
      rhoNum,
      rhoDen,
      horizon: this.horizon,
      reach: this.reach,
      verified,
      changeAgo,
      state: this.firstCap ? this : null,
      details: this.details,
    };
  }

  /**
   * Room for n entries of a record (winCls, winInfo), every entry written by the caller: views
   * into a block of the run (a block is never rewritten, so a view stays valid when the run
   * moves on to a new block), rather than an array of its own per round.
   */
  private recordInts(n: number): Int32Array {
    if (this.recILen + n > this.recI.length) {
      this.recI = new Int32Array(Math.max(n, this.prep.recordHint));
      this.recILen = 0;
    }
    const at = this.recILen;
    this.recILen += n;
    this.recIUsed += n;
    if (this.recIUsed > this.prep.recordHint) this.prep.recordHint = this.recIUsed;
    return this.recI.subarray(at, at + n);
  }

  private recordFloats(n: number): Float64Array {
    if (this.recFLen + n > this.recF.length) {
      this.recF = new Float64Array(Math.max(n, this.prep.recordHintF));
      this.recFLen = 0;
    }
    const at = this.recFLen;
    this.recFLen += n;
    this.recFUsed += n;
    if (this.recFUsed > this.prep.recordHintF) this.prep.recordHintF = this.recFUsed;
    return this.recF.subarray(at, at + n);
  }

  /**
   * pay() for a one-utility project, class by class: who is capped, what they paid and
   * the new budgets are decided per class; the supporters are walked once, to move them.
   */
  private payByClass(c: Cand, ev: RhoEval, round: number, rhoSlope: number): WinnerInfo {
    const { X, U } = ev;
    const Dold = ev.D;
    const r = gcdBig(U, c.uGcd * X);
    const q = U / r;
    const { ks, cnt } = this.gathered(c);
    const K = ks.length;
    if (this.sc.pCap.length < K) {
      this.sc.pCap = new Uint8Array(2 * K);
      this.sc.pNewK = new Int32Array(2 * K);
    }
    const capOf = this.sc.pCap;
    let cappedVoters = 0;
    let uncappedVoters = 0;
    for (let j = 0; j < K; j++) {
      if (this.cappedClass(c, ks[j], ev)) {
        capOf[j] = 1;
        cappedVoters += cnt[j];
      } else {
        capOf[j] = 0;
        uncappedVoters += cnt[j];
      }
    }

    let payments: MesPayment[] = [];
    if (this.details) {
      const capped = new Map<bigint, number>();
      for (let j = 0; j < K; j++) {
        if (capOf[j] === 0) continue;
        const N = this.rescale(ks[j]);
        capped.set(N, (capped.get(N) ?? 0) + cnt[j]);
      }
      const shares: PaidShare[] = uncappedVoters > 0 ? [{ n: X * c.uVals[0], d: Dold * U, voters: uncappedVoters }] : [];
      payments = summarizePayments(shares, capped, Dold);
    }

    // New budgets over D·q: N·q − u·X / r for each uncapped class, 0 for the capped. Lazily
    // (newLazy) while D is small enough for floats: the payment and D in double-double.
    const payU = (c.uVals[0] * X) / r;
    const D = Dold * q;
    this.Dh.push(D);
    this.qAt.push(q);
    this.E++;
    this.payAt[this.E] = payU;
    const lazy = D < 1n << 900n && payU > 0n; // ddRatio needs a positive payment
    let pH = 0;
    let pL = 0;
    let dH = 0;
    let dL = 0;
    if (lazy) {
      ddRatio(payU, D);
      pH = DD[0];
      pL = DD[1];
      dH = Number(D);
      dL = Number(D - BigInt(dH));
    }
    const dF = Number(D);
    const newK = this.sc.pNewK;
    for (let j = 0; j < K; j++) {
      newK[j] = 0;
      if (capOf[j] === 1) continue;
      const k = ks[j];
      const slope = this.slopes ? this.MF[k] - c.uValsF[0] * rhoSlope : 0;
      const n = lazy ? this.newLazy(k, pH, pL, dH, dL, dF, slope) : -1;
      if (n >= 0) newK[j] = n;
      else {
        const N = this.rescale(k) - payU;
        if (N !== 0n) newK[j] = this.newClass(N, slope);
      }
    }

    // Move the supporters (and, when recording, note who was capped when).
    // Per old class: its new class, and (recording) the round if capped, else 0.
    const to = this.sc.gTo;
    const capRound = this.sc.gCap;
    for (let j = 0; j < K; j++) {
      to[ks[j]] = newK[j];
      capRound[ks[j]] = capOf[j] === 1 ? round : 0;
    }
    const { sg } = c;
    const n = sg.length;
    const cls = this.cls;
    const firstCap = this.firstCap;
    if (firstCap !== null) {
      const oldCls = this.recordInts(n);
      if (cappedVoters > 0) {
        for (let i = 0; i < n; i++) {
          const g = sg[i];
          const k = cls[g];
          oldCls[i] = k;
          cls[g] = to[k];
          const f = firstCap[g];
          firstCap[g] = f + +(f === 0) * capRound[k]; // capRound[k] if still 0 (no branch to mispredict)
        }
      } else {
        // Nobody capped (a third of the payments on Budapest): nothing to note in firstCap.
        for (let i = 0; i < n; i++) {
          const g = sg[i];
          const k = cls[g];
          oldCls[i] = k;
          cls[g] = to[k];
        }
      }
      this.winCls.push(oldCls);
      const info = this.recordFloats(3 * K);
      for (let j = 0; j < K; j++) {
        info[j] = ks[j];
        info[K + j] = newK[j];
        info[2 * K + j] = cnt[j];
      }
      this.winInfo.push(info);
    } else {
      for (let i = 0; i < n; i++) {
        const g = sg[i];
        cls[g] = to[cls[g]];
      }
    }
    if (this.perGroup) {
      const FG = this.FG;
      const MFG = this.MFG;
      for (let i = 0; i < n; i++) {
        const g = sg[i];
        FG[g] = this.F[cls[g]];
        MFG[g] = this.MF[cls[g]];
      }
    }
    this.version = this.nextSplit(c, newK, K);
    return { cand: -1, round, rhoNum: X, rhoDen: Dold * U, capped: cappedVoters, payments };
  }

  /**
   * The version after payByClass(c): the split before, c's classes in gathered order (given by
   * the split) and which of them ended in class 0 give the split after (new classes are
   * numbered in that order).
   */
  private nextSplit(c: Cand, newK: Int32Array, K: number): number {
    // One character per 16 classes (a bit set when the class ends empty), made in one call.
    const n = (K + 15) >> 4;
    if (nextSplitCodes.length < n) nextSplitCodes = new Uint16Array(2 * n);
    const codes = nextSplitCodes;
    for (let j = 0, c16 = 0; j < K; j += 16, c16++) {
      let bits = 0;
      for (let h = j; h < j + 16 && h < K; h++) if (newK[h] === 0) bits |= 1 << (h - j);
      codes[c16] = bits;
    }
    let tail = "";
    for (let j = 0; j < n; j += 4096) tail += String.fromCharCode.apply(null, codes.subarray(j, Math.min(n, j + 4096)) as unknown as number[]);
    const key = `${this.version}:${c.ci}:${K}:${tail}`;
    const splits = this.prep.splits;
    let v = splits.get(key);
    if (v === undefined) {
      if (splits.size >= SPLITS_KEPT) splits.clear(); // forgotten splits only get new versions
      v = ++this.prep.lastVersion;
      splits.set(key, v);
    }
    return v;
  }

  /** The winner's supporters pay; budget classes are split accordingly. */
  private pay(c: Cand, ev: RhoEval, round: number, rhoSlope: number): WinnerInfo {
    if (this.byClass(c)) return this.payByClass(c, ev, round, rhoSlope);
    const { X, U } = ev;
    const Dold = ev.D;
    // New common denominator D·q with q = U / r, r dividing u·X for every utility u.
    const r = gcdBig(U, c.uGcd * X);
    const q = U / r;
    const newD = Dold * q;
    const { sg, uIdx } = c;
    const nU = c.uVals.length;
    const mult = this.prep.mult;
    const cls = this.cls;
    const n = sg.length;

    // Membership with the pre-payment classes; distinct (class, utility) keys.
    const oldCls = new Int32Array(n);
    const isCap = new Uint8Array(n);
    let cappedVoters = 0;
    const firstCap = this.firstCap;
    for (let i = 0; i < n; i++) {
      const k = cls[sg[i]];
      oldCls[i] = k;
      if (this.capped(c, i, k, ev)) {
        isCap[i] = 1;
        cappedVoters += mult[sg[i]];
        if (firstCap !== null && firstCap[sg[i]] === 0) firstCap[sg[i]] = round;
      }
    }
    if (firstCap !== null) this.winCls.push(oldCls);

    let payments: MesPayment[] = [];
    if (this.details) {
      // Uncapped supporters pay rho·u (one amount per utility); capped ones pay all they had
      // left, one amount per budget class, compared as numerators over Dold (no gcd).
      const uncapped = new Float64Array(nU);
      const stampNow = ++this.sc.stampNow;
      const touched: number[] = [];
      for (let i = 0; i < n; i++) {
        const m = mult[sg[i]];
        if (!isCap[i]) {
          uncapped[uIdx === null ? 0 : uIdx[i]] += m;
          continue;
        }
        const k = oldCls[i];
        if (this.sc.stamp[k] !== stampNow) {
          this.sc.stamp[k] = stampNow;
          this.sc.cnt[k] = 0;
          touched.push(k);
        }
        this.sc.cnt[k] += m;
      }
      const capped = new Map<bigint, number>();
      for (const k of touched) {
        const N = this.rescale(k);
        capped.set(N, (capped.get(N) ?? 0) + this.sc.cnt[k]);
      }
      const shares: PaidShare[] = [];
      for (let j = 0; j < nU; j++) if (uncapped[j] > 0) shares.push({ n: X * c.uVals[j], d: Dold * U, voters: uncapped[j] });
      payments = summarizePayments(shares, capped, Dold);
    }

    // New budgets over newD: N·q − u·X / r for the uncapped, 0 for the capped.
    const stampNow = ++this.sc.stampNow;
    const pending: Array<[number, number, bigint]> = []; // (i, key, new numerator) for new classes
    const newOf = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (isCap[i]) continue;
      const k = oldCls[i];
      if (uIdx === null) {
        if (this.sc.stamp[k] === stampNow) continue;
        this.sc.stamp[k] = stampNow;
        pending.push([i, k, 0n]);
      } else {
        const key = k * nU + uIdx[i];
        if (newOf.has(key)) continue;
        newOf.set(key, -1);
        pending.push([i, key, 0n]);
      }
    }
    const payU = c.uVals.map((u) => (u * X) / r);
    const fq = new Map<number, bigint>();
    for (const p of pending) {
      const i = p[0];
      const k = oldCls[i];
      const Nk = this.num(k);
      const e = this.ep[k];
      let f = fq.get(e);
      if (f === undefined) {
        f = this.factor(e) * q;
        fq.set(e, f);
      }
      p[2] = Nk * f - payU[uIdx === null ? 0 : uIdx[i]];
    }
    this.Dh.push(newD);
    this.qAt.push(q);
    this.E++;
    for (const [i, key, Nn] of pending) {
      const k = oldCls[i];
      const uF = uIdx === null ? c.uValsF[0] : c.uValsF[uIdx[i]];
      const nk = Nn === 0n ? 0 : this.newClass(Nn, this.slopes ? this.MF[k] - uF * rhoSlope : 0);
      if (uIdx === null) this.sc.slot[k] = nk;
      else newOf.set(key, nk);
    }
    const FG = this.FG;
    const MFG = this.MFG;
    for (let i = 0; i < n; i++) {
      const g = sg[i];
      const nk = isCap[i] ? 0 : uIdx === null ? this.sc.slot[oldCls[i]] : newOf.get(oldCls[i] * nU + uIdx[i])!;
      cls[g] = nk;
      FG[g] = this.F[nk];
      MFG[g] = this.MF[nk];
    }
    if (firstCap !== null) this.winInfo.push(null);
    this.version = ++this.prep.lastVersion; // a split of its own (not looked up)
    return { cand: -1, round, rhoNum: X, rhoDen: Dold * U, capped: cappedVoters, payments };
  }
}

/** What some supporters paid each: n / d (`capped`: all they had left). */
interface PaidShare {
  n: bigint;
  d: bigint;
  voters: number;
  capped?: boolean;
}

/** Distinct payments listed one by one up to this many; beyond, capped supporters' ones become one range. */
const MAX_LISTED_PAYMENTS = 6;

/**
 * A winner's payments, largest first: each uncapped share, and what capped supporters
 * paid (all they had left; numerators over `D` → voters). When capped supporters paid
 * many different amounts (a large election), they are one entry "between `from` and
 * `amount`": exact, and what a reader can take in.
 */
function summarizePayments(uncapped: PaidShare[], capped: Map<bigint, number>, D: bigint): MesPayment[] {
  const cmp = (a: PaidShare, b: PaidShare) => {
    const l = a.n * b.d;
    const r = b.n * a.d;
    return l > r ? -1 : l < r ? 1 : 0;
  };
  const show = (p: PaidShare): MesPayment => {
    const amount = rat(p.n, p.d);
    return { amount: toDecimalString(amount, 6), exact: toFractionString(amount), voters: p.voters, ...(p.capped ? { allTheyHad: true as const } : {}) };
  };
  if (uncapped.length + capped.size <= MAX_LISTED_PAYMENTS || capped.size < 2) {
    const all = [...uncapped, ...[...capped].map(([n, voters]) => ({ n, d: D, voters, capped: true }))].sort(cmp);
    const merged: PaidShare[] = [];
    for (const p of all) {
      const last = merged[merged.length - 1];
      // A capped voter whose last money equals the share paid the share: said as the share.
      if (last && cmp(last, p) === 0) {
        last.voters += p.voters;
        last.capped &&= p.capped;
      } else merged.push({ ...p });
    }
    return merged.map(show);
  }
  let min: bigint | null = null;
  let max: bigint | null = null;
  let voters = 0;
  for (const [n, v] of capped) {
    if (min === null || n < min) min = n;
    if (max === null || n > max) max = n;
    voters += v;
  }
  const from = rat(min!, D);
  const range: MesPayment = { ...show({ n: max!, d: D, voters }), from: toDecimalString(from, 6), fromExact: toFractionString(from) };
  return [...uncapped.sort(cmp).map(show), range];
}

function runMes(prep: Prepared, beta: Rational, flags: RunFlags = {}): RunResult {
  if (prep.n === 0 || prep.cands.length === 0) {
    let cost = 0n;
    for (const pi of prep.zeroCost) cost += prep.election.projects[pi].cost;
    return {
      selected: [...prep.zeroCost],
      cost,
      winners: [],
      dropped: new Map(),
      rounds: 0,
      sequence: [],
      rhoNum: [],
      rhoDen: [],
      horizon: Infinity,
      reach: Infinity,
      verified: true,
      changeAgo: NaN,
      state: null,
      details: true,
    };
  }
  return new MesRun(prep, beta, flags).run();
}

/**
 * Monotone sandwich: proves that the MES outcome is the same at every step
 * from the run `at` (step k) to step k + J (budget `beta`).
 *
 * Follow the winner sequence of `at` at the larger budget. For a fixed
 * sequence, every remaining budget is non-decreasing in the starting budget
 * (by induction over rounds: supporters pay min(b, rho·u) and a richer group
 * of supporters gets a rho that can only be lower), hence every project's
 * rho is non-increasing and its supporters' money non-decreasing. So if, at
 * step k + J, in every round every other project either is unaffordable or
 * has a rho at least the winner's rho at step k (ties: id order), and nothing
 * is affordable after the last round, then at every budget in between the
 * same project wins every round, and the same projects end unaffordable.
 */
function verifyInterval(prep: Prepared, at: RunResult, beta: Rational, step: bigint, delta: bigint): RunResult {
  return runMes(prep, beta, {
    forced: { seq: at.sequence, thrNum: at.rhoNum, thrDen: at.rhoDen, prev: at.state, delta },
    slopes: true,
    record: true,
    step,
  });
}

// ---------------------------------------------------------------------------
// Public rules.

function sameSequence(a: RunResult, b: RunResult): boolean {
  return a.sequence.length === b.sequence.length && a.sequence.every((j, i) => b.sequence[i] === j);
}

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

/** Longest first proof from a run where the outcome changed (just after a crossing, long proofs often fail). */
const FIRST_PIECE = 24;
/** The first proof when the run is at a near tie (reach below NEAR_TIE steps): shorter still. */
const NEAR_TIE = 0.5;
const NEAR_TIE_PIECE = 12;
/**
 * Pieces longer than FIRST_PIECE may be this many times the plain sandwich's reach (first ones:
 * REACH_FIRST times), or twice the last proved piece (the refined sandwiches can hold for long
 * where the plain one does not: a lasting near tie that never crosses).
 */
const REACH_CAP = 16;
const REACH_FIRST = 2;
/** How much longer than the last proved piece the next may be. */
const PIECE_GROWTH = 8;
/** A proof that fails without a change is retried this many times shorter. */
const WEAK_SHRINK = 2;
/** Failed proofs tried before running the next step. */
const MAX_FAILURES = 6;

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
  /** A run with details at step chosenK, when the Add1 search already made one. */
  let chosenRun: RunResult | null = null;
  let runs = 0;
  let verifyRuns = 0;
  if (options.add1 && prep.n > 0) {
    const candIdx = prep.cands.map((c) => c.pi);
    let k = 0n;
    let prevK: bigint | null = null;
    let lastJump = 1n;
    let previous: { k: bigint; run: RunResult } | null = null;
    let proving = false;
    /** A later step's outcome, from a proof that failed there (the run ends as a plain one). */
    let ahead: { k: bigint; run: RunResult } | null = null;
    /** The recorded run at the last step proved or run (for the next plain run's ref). */
    let last: { k: bigint; run: RunResult } | null = null;
    for (;;) {
      let res: RunResult;
      if (ahead !== null && ahead.k === k) {
        res = ahead.run;
        ahead = null;
      } else {
        // Plain runs keep their details (payments, drops), so the run at the chosen step is
        // also the final one; proving runs skip them (hundreds of runs, one final run more).
        const ref = proving && last !== null && last.run.state !== null ? { run: last.run, delta: (k - last.k) * step } : undefined;
        res = runMes(prep, perVoter(prep, B, k, step), { slopes: proving, record: proving, details: !proving, step, ref });
        runs++;
      }
      if (res.cost > B) {
        // The reference returns the previous step's outcome, which equals the
        // outcome of the last run (proved constant over the steps we jumped).
        chosenK = prevK === null ? 0n : k - 1n;
        if (prevK === null) chosenRun = res;
        else if (previous !== null && previous.k === chosenK) chosenRun = previous.run;
        if (chosenRun !== null && !chosenRun.details) chosenRun = null;
        break;
      }
      if (isExhaustive(election, new Set(res.selected), res.cost, candIdx)) {
        chosenK = k;
        chosenRun = res.details ? res : null;
        break;
      }
      // Proofs pay off once one step leaves the outcome as it was; while every step
      // changes it (large steps, as in a city-wide count in cents), plain runs are cheaper.
      if (!proving && !options.naiveAdd1 && previous !== null && previous.k === k - 1n && sameSequence(previous.run, res)) {
        proving = true;
      }
      previous = { k, run: res };
      prevK = k;
      let reached: bigint = k; // the outcome is proved the same at every step in [k, reached]
      if (res.state !== null) {
        // Prove pieces [reached, reached + t], each verifying run giving the thresholds for the
        // next. How far to aim is a float guess: the next change is expected `horizon` steps
        // ahead. A proof that fails where the outcome has changed says about where (changeAgo),
        // and the next aims just before; one that fails without a change was too long for the
        // sandwich, and is shortened. A failed proof still gives the outcome where it failed,
        // kept for when the search gets there.
        let from = res;
        let cap = FIRST_PIECE; // longest piece worth trying next
        let aim: bigint | null = null; // the last step guessed unchanged, from a failed proof
        let failures = 0;
        let lastPiece = 0; // length of the last proved piece
        for (;;) {
          const h = from.horizon;
          // How far the sandwich may hold: the first piece from a near tie is short, one from a
          // clear lead may go as far as the plain sandwich's reach suggests; no piece goes much
          // beyond that reach (past it, proofs often fail without a change).
          let most = cap;
          if (failures === 0 && from === res) most = from.reach < NEAR_TIE ? Math.min(cap, NEAR_TIE_PIECE) : Math.max(cap, Math.floor(REACH_FIRST * from.reach));
          const longFirst = most > cap;
          most = Math.min(most, Math.max(FIRST_PIECE, Math.floor(REACH_CAP * from.reach), 2 * lastPiece));
          let t = Math.min(Number.isFinite(h) ? Math.ceil(h) - 1 : Number(2n * (reached - k) + 2n * lastJump + 16n), most, 1e12);
          // Two steps at least unless the next one is expected to change: should the proof
          // fail, it gives the second step, so it costs no more than running both.
          if (failures === 0 && h >= 1) t = Math.max(t, 2);
          if (aim !== null) t = Math.min(t, Number(aim - reached));
          // Not past a step with another outcome (the proof would fail), nor past the next step
          // when its outcome is known.
          if (ahead !== null && (ahead.k === reached + 1n || !sameSequence(ahead.run, res))) t = Math.min(t, Number(ahead.k - reached) - 1);
          // One step: the plain run of the next step costs as much, and cannot fail.
          if (t < 2) break;
          const target = BigInt(t);
          verifyRuns++;
          const v = verifyInterval(prep, from, perVoter(prep, B, reached + target, step), step, target * step);
          if (v.verified) {
            reached += target;
            lastPiece = t;
            from = v;
            cap = t * PIECE_GROWTH;
            if (aim !== null && reached >= aim) break;
            continue;
          }
          ahead = { k: reached + target, run: v };
          if (++failures >= MAX_FAILURES) break;
          if (Number.isNaN(v.changeAgo)) {
            // A first piece lengthened by the reach falls back to the usual one (the reach missed what failed).
            cap = longFirst ? Math.min(FIRST_PIECE, Math.floor(t / WEAK_SHRINK)) : Math.floor(t / WEAK_SHRINK);
            continue;
          }
          const before = Math.ceil(t - v.changeAgo) - 1;
          aim = reached + BigInt(before >= 1 ? before : Math.floor(t / WEAK_SHRINK));
        }
        last = { k: reached, run: from };
      } else last = null;
      lastJump = reached - k + 1n;
      k = reached + 1n;
      if (ahead !== null && ahead.k < k) ahead = null;
    }
  }

  let final = chosenRun;
  if (final === null) {
    final = runMes(prep, perVoter(prep, B, chosenK, step), { details: true });
    runs++;
  }
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
    const remainingBefore = isSelected && !isFilled ? B - running : (remainingAtFill.get(pi) ?? B - spent);
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
      const rho = rat(w.rhoNum, w.rhoDen);
      detail = {
        kind: "winner",
        round: w.round,
        rho: toDecimalString(rho, 9),
        rhoExact: toFractionString(rho),
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
    verifyRuns,
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
