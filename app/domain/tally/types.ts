// Pure types for the tally engine. No framework or database imports here:
// the same code runs in the app, the CLI and the benchmarks.

export type ProjectId = string;

export interface TallyProject {
  id: ProjectId;
  /** Cost in minor units (cents). */
  cost: bigint;
}

/**
 * One anonymous ballot. `ids` lists the projects the voter chose; for ranked
 * ballots in preference order (best first). `points`, when present, gives the
 * points for each id in `ids` (cumulative ballots and ranked ballots already
 * converted to points).
 */
export interface TallyBallot {
  ids: readonly ProjectId[];
  points?: readonly bigint[];
}

export interface Election {
  /** Budget in minor units. */
  budget: bigint;
  projects: readonly TallyProject[];
  ballots: readonly TallyBallot[];
}

export type TallyRule = "greedy" | "mes" | "mes-add1";

export interface ProjectOutcome {
  id: ProjectId;
  cost: bigint;
  /** Approvals, or total points for ranked/cumulative ballots. */
  score: bigint;
  selected: boolean;
  /** Position in the greedy walk (0 = first considered). */
  position: number;
  /** Budget left when the walk reached this project (greedy); lets the UI explain a skip. */
  remainingBefore: bigint;
}

export interface TallyOutcome {
  rule: TallyRule;
  budget: bigint;
  /** Winners in the order they were selected. */
  winners: ProjectId[];
  spent: bigint;
  projects: ProjectOutcome[];
}
