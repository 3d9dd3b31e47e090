// The phases of a cycle and the guards between them. Pure.

export const PHASES = [
  "draft",
  "ideas",
  "proposals",
  "costing",
  "voting",
  "results",
  "implementation",
  "closed",
] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  draft: "Draft (not public yet)",
  ideas: "Collecting ideas",
  proposals: "Developing proposals",
  costing: "Costing and vetting",
  voting: "Voting",
  results: "Results",
  implementation: "Building the winning projects",
  closed: "Closed",
};

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

export function nextPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return i >= 0 && i < PHASES.length - 1 ? PHASES[i + 1] : null;
}

/** What the guards need to know about a cycle. */
export interface CycleSnapshot {
  phase: Phase;
  districts: readonly { id: string; name: string; budgetCents: number }[];
  categoryCount: number;
  proposals: readonly { number: number; title: string; districtId: string; status: string }[];
  /** Districts that have a published tally result. */
  publishedDistrictIds: readonly string[];
}

/**
 * Reasons the cycle cannot move from its current phase to the next one.
 * An empty list means it may advance.
 */
export function blockersToAdvance(cycle: CycleSnapshot): string[] {
  const blockers: string[] = [];
  switch (cycle.phase) {
    case "draft":
      if (cycle.districts.length === 0) blockers.push("Add at least one district.");
      for (const d of cycle.districts) {
        if (d.budgetCents <= 0) blockers.push(`District “${d.name}” has no budget.`);
      }
      if (cycle.categoryCount === 0) blockers.push("Add at least one category.");
      break;
    case "proposals":
      if (!cycle.proposals.some((p) => p.status !== "draft")) {
        blockers.push("No proposal has been sent for costing yet.");
      }
      break;
    case "costing": {
      // Every proposal sent for costing is on a ballot: it needs a cost and a verdict.
      for (const p of cycle.proposals) {
        if (p.status === "costing") {
          blockers.push(`Proposal #${p.number} “${p.title}” has no cost estimate and verdict yet.`);
        }
      }
      for (const d of cycle.districts) {
        if (!cycle.proposals.some((p) => p.districtId === d.id && p.status === "feasible")) {
          blockers.push(`District “${d.name}” has no feasible proposal to vote on.`);
        }
      }
      break;
    }
    case "results":
      for (const d of cycle.districts) {
        if (!cycle.publishedDistrictIds.includes(d.id)) {
          blockers.push(`Results for “${d.name}” are not published yet.`);
        }
      }
      break;
    case "closed":
      blockers.push("The cycle is closed.");
      break;
    default:
      break;
  }
  return blockers;
}
