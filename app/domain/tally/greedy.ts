import { compareProjectIds } from "./tie-break";
import type { Election, ProjectId, ProjectOutcome, TallyOutcome } from "./types";
import { ballotCount } from "./weights";

/** Scores already counted, per election (an election is never changed once built). */
const counted = new WeakMap<Election, ReadonlyMap<ProjectId, bigint>>();

/**
 * Approvals per project (or total points when ballots carry points); a ballot counts `count` times.
 * Counted once per election: a count with Equal Shares needs them for its greedy fill and for the
 * plain-greedy comparison beside it, a pass over every ballot each.
 */
export function scoreProjects(election: Election): ReadonlyMap<ProjectId, bigint> {
  let scores = counted.get(election);
  if (scores === undefined) {
    scores = countScores(election);
    counted.set(election, scores);
  }
  return scores;
}

function countScores(election: Election): Map<ProjectId, bigint> {
  const index = new Map<ProjectId, number>();
  election.projects.forEach((p, i) => index.set(p.id, i));
  // Approvals are summed as numbers (exact: a count of voters is a safe integer),
  // points as BigInt.
  const approvals = new Float64Array(election.projects.length);
  const points: bigint[] = election.projects.map(() => 0n);
  for (const ballot of election.ballots) {
    const count = ballotCount(ballot);
    if (count === 0) continue;
    const ids = ballot.ids;
    if (ballot.points) {
      const weight = BigInt(count);
      for (let i = 0; i < ids.length; i++) {
        const pi = index.get(ids[i]);
        if (pi !== undefined) points[pi] += ballot.points[i] * weight; // a vote for an unknown project counts for nothing
      }
    } else {
      for (let i = 0; i < ids.length; i++) {
        const pi = index.get(ids[i]);
        if (pi !== undefined) approvals[pi] += count;
      }
    }
  }
  const scores = new Map<ProjectId, bigint>();
  election.projects.forEach((p, i) => scores.set(p.id, points[i] + BigInt(approvals[i])));
  return scores;
}

export interface GreedyOptions {
  /**
   * "total" (default, our `greedy`): highest score first. "per-cost": highest
   * score per unit of cost first (pabutools' greedy_*_sat for non-cost
   * satisfactions); a zero-cost project with a positive score comes first.
   */
  ranking?: "total" | "per-cost";
  /** Projects already selected (e.g. by MES): skipped by the walk, their cost already spent. */
  preselected?: Iterable<ProjectId>;
}

/**
 * The greedy order: score descending (or score per cost), ties to the
 * smallest project id as a plain string.
 */
export function greedyOrder(
  election: Election,
  scores: ReadonlyMap<ProjectId, bigint> = scoreProjects(election),
  ranking: "total" | "per-cost" = "total",
) {
  const projects = [...election.projects];
  if (ranking === "total") {
    return projects.sort((a, b) => {
      const sa = scores.get(a.id)!;
      const sb = scores.get(b.id)!;
      if (sa !== sb) return sa > sb ? -1 : 1;
      return compareProjectIds(a.id, b.id);
    });
  }
  // Density score/cost compared exactly by cross-multiplication. Classes:
  // 2 = positive score and zero cost (infinite density), 1 = finite positive
  // density, 0 = density 0 (no score).
  const klass = (p: { id: ProjectId; cost: bigint }) => {
    const s = scores.get(p.id)!;
    if (s <= 0n) return 0;
    return p.cost === 0n ? 2 : 1;
  };
  return projects.sort((a, b) => {
    const ka = klass(a);
    const kb = klass(b);
    if (ka !== kb) return kb - ka;
    if (ka === 1) {
      const l = scores.get(a.id)! * b.cost;
      const r = scores.get(b.id)! * a.cost;
      if (l !== r) return l > r ? -1 : 1;
    }
    return compareProjectIds(a.id, b.id);
  });
}

/**
 * Greedy: most votes first; a project that fits the remaining budget is
 * selected, one that does not is skipped and the walk goes on. Projects with
 * no votes are not excluded: they come last and are added if they still fit.
 */
export function greedy(
  election: Election,
  budget: bigint = election.budget,
  options: GreedyOptions = {},
): TallyOutcome {
  const scores = scoreProjects(election);
  const order = greedyOrder(election, scores, options.ranking ?? "total");
  const preselected = new Set(options.preselected ?? []);
  let remaining = budget;
  for (const p of election.projects) if (preselected.has(p.id)) remaining -= p.cost;
  const winners: ProjectId[] = [];
  const projects: ProjectOutcome[] = order.map((p, position) => {
    const score = scores.get(p.id)!;
    const remainingBefore = remaining;
    if (preselected.has(p.id)) {
      return { id: p.id, cost: p.cost, score, selected: true, position, remainingBefore };
    }
    const selected = p.cost <= remaining;
    if (selected) {
      remaining -= p.cost;
      winners.push(p.id);
    }
    return { id: p.id, cost: p.cost, score, selected, position, remainingBefore };
  });
  return { rule: "greedy", budget, winners, spent: budget - remaining, projects };
}
