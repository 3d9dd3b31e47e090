import { compareProjectIds } from "./tie-break";
import type { Election, ProjectId, ProjectOutcome, TallyOutcome } from "./types";

/** Approvals per project (or total points when ballots carry points). */
export function scoreProjects(election: Election): Map<ProjectId, bigint> {
  const scores = new Map<ProjectId, bigint>();
  for (const p of election.projects) scores.set(p.id, 0n);
  for (const ballot of election.ballots) {
    ballot.ids.forEach((id, i) => {
      const current = scores.get(id);
      if (current === undefined) return; // a vote for an unknown project counts for nothing
      scores.set(id, current + (ballot.points ? ballot.points[i] : 1n));
    });
  }
  return scores;
}

/**
 * Greedy: most votes first; a project that fits the remaining budget is
 * selected, one that does not is skipped and the walk goes on. Projects with
 * no votes are not excluded: they come last and are added if they still fit.
 */
export function greedy(election: Election, budget: bigint = election.budget): TallyOutcome {
  const scores = scoreProjects(election);
  const order = [...election.projects].sort((a, b) => {
    const sa = scores.get(a.id)!;
    const sb = scores.get(b.id)!;
    if (sa !== sb) return sa > sb ? -1 : 1;
    return compareProjectIds(a.id, b.id);
  });
  let remaining = budget;
  const winners: ProjectId[] = [];
  const projects: ProjectOutcome[] = order.map((p, position) => {
    const score = scores.get(p.id)!;
    const remainingBefore = remaining;
    const selected = p.cost <= remaining;
    if (selected) {
      remaining -= p.cost;
      winners.push(p.id);
    }
    return { id: p.id, cost: p.cost, score, selected, position, remainingBefore };
  });
  return { rule: "greedy", budget, winners, spent: budget - remaining, projects };
}
