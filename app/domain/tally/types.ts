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
  /**
   * How many voters cast exactly this ballot (default 1). Identical ballots
   * read grouped (e.g. `GROUP BY choices`) count as `count` separate voters in
   * every rule: the same winners, payments and explanations as the ballots
   * written out one by one. A non-negative whole number; 0 counts for nothing.
   */
  count?: number;
}

export interface Election {
  /** Budget in minor units. */
  budget: bigint;
  projects: readonly TallyProject[];
  ballots: readonly TallyBallot[];
  /**
   * Minor units per currency unit (100n when costs are in cents). The Add1
   * completion of `mes-add1` raises every voter's budget by one currency unit
   * per step, i.e. by this many cost units. Defaults to 1n (costs in whole
   * currency units, as in Pabulib files).
   */
  currencyUnit?: bigint;
  /**
   * The ballots are already grouped (the database counts identical ballots once, with
   * their number): Equal Shares then skips its own grouping. Only a speed hint: two
   * identical ballots given separately are still counted exactly.
   */
  grouped?: boolean;
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
  /**
   * Budget left when the walk reached this project (greedy, and the greedy fill after
   * Equal Shares); for a project no walk reached, what was left at the end. Lets the UI
   * explain a skip.
   */
  remainingBefore: bigint;
  /** MES rules: how a selected project got in. */
  via?: "mes" | "zero-cost" | "greedy-fill";
  /** MES rules: why the project won or lost (see mes.ts). */
  mes?: MesProjectDetail;
}

/** What one group of supporters paid for a project selected by MES. */
export interface MesPayment {
  /** Amount each of these voters paid, in cost units, as a decimal (6 places). */
  amount: string;
  /** The same amount exactly, "n/d". */
  exact: string;
  voters: number;
  /**
   * Set when these voters paid different amounts, each all they had left: the smallest
   * (decimal and exact); `amount` is then the largest.
   */
  from?: string;
  fromExact?: string;
  /** These voters paid all they had left, less than the others' share (set on amounts listed one by one). */
  allTheyHad?: true;
}

export interface MesWinnerDetail {
  kind: "winner";
  /** 1-based MES round in which the project was selected (0: zero-cost project with support). */
  round: number;
  /** Price per unit of utility, as a decimal; with cost utilities each uncapped supporter pays rho × cost. */
  rho: string;
  /** rho exactly, "n/d". */
  rhoExact: string;
  /** Voters with positive utility for the project. */
  supporters: number;
  /** Supporters who could not pay their full share and paid all their remaining money. */
  cappedSupporters: number;
  /** Distinct payments, largest first; they add up to the cost (capped ones may be one range, see MesPayment.from). */
  payments: MesPayment[];
}

export interface MesLoserDetail {
  kind: "loser";
  /** no-support: nobody gave it positive utility; unaffordable: its supporters ran out of money. */
  reason: "no-support" | "unaffordable";
  supporters: number;
  /** MES round in which its supporters' money first fell below its cost. */
  droppedInRound?: number;
  /** Its supporters' remaining money at that point (decimal, cost units). */
  supportersMoney?: string;
  /** supportersMoney / cost, as a decimal with 4 places (e.g. "0.8342" = 83.42 % of the cost). */
  coverage?: string;
}

export type MesProjectDetail = MesWinnerDetail | MesLoserDetail;

/** Outcome-level facts about an MES run (rules mes and mes-add1). */
export interface MesOutcomeDetail {
  /** Utility used: cost (approval ballots), points (ranked/cumulative) or cardinality (1 per approval). */
  utility: "cost" | "points" | "cardinality";
  voters: number;
  /** Starting budget of each voter in the MES run that produced the outcome (decimal and exact). */
  perVoterBudget: string;
  perVoterBudgetExact: string;
  /** Add1: number of one-unit-per-voter steps taken (0 for plain MES). */
  add1Steps: number;
  /** Add1: the virtual total budget n × perVoterBudget of that run (decimal). */
  virtualBudget: string;
  /** Add1: MES runs actually computed (the engine jumps over steps that cannot change the outcome). */
  mesRuns: number;
  /** Add1: extra MES runs that proved the outcome constant over a range of steps (monotone sandwich). */
  verifyRuns: number;
  /** Cost of the MES part before any greedy fill. */
  mesSpent: bigint;
  /** Projects added by the greedy fill, in order. */
  filled: ProjectId[];
}

export interface TallyOutcome {
  rule: TallyRule;
  budget: bigint;
  /** Winners in the order they were selected. */
  winners: ProjectId[];
  spent: bigint;
  projects: ProjectOutcome[];
  /** Present for the MES rules. */
  mes?: MesOutcomeDetail;
}
