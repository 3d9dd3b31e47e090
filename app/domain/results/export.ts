// Rows of the per-project results export, one per project per district. Pure.

import type { ScoreKind } from "./explain";

export interface ResultRowInput {
  cycle: string;
  district: string;
  budgetCents: number;
  rule: string;
  run: number;
  ballots: number;
  ballotsSha256: string;
  /** Paper ballots of the district received but not countable (never in `ballots`). */
  spoiledPaperBallots: number;
  /** The figure's column is named for what it counts: "votes", or "points" on ranked ballots. */
  score: ScoreKind;
  /** number: the public proposal number (#9), the project's id in the `.pb` file and the tie-break. */
  projects: { proposalId: string; number: number | null; title: string; costCents: number; votes: number; position: number; selected: boolean }[];
}

/** The export's columns, in order, the same as resultRows' keys: the header is written even with no rows. */
export function resultColumns(score: ScoreKind) {
  return [
    "cycle", "district", "rank", "project_id", "project", score, "cost", "selected",
    "district_budget", "rule", "run", "ballots", "ballots_sha256", "proposal_number", "spoiled_paper_ballots", "district_funded",
  ];
}

export function resultRows(results: readonly ResultRowInput[]) {
  return results.flatMap((r) => {
    // What the district's winners cost together, so a spreadsheet need not add up the "yes" rows.
    const fundedCents = r.projects.reduce((sum, p) => sum + (p.selected ? p.costCents : 0), 0);
    return r.projects.map((p) => ({
      cycle: r.cycle,
      district: r.district,
      rank: p.position + 1,
      project_id: p.proposalId,
      project: p.title,
      [r.score]: p.votes,
      cost: (p.costCents / 100).toFixed(2),
      selected: p.selected ? "yes" : "no",
      district_budget: (r.budgetCents / 100).toFixed(2),
      rule: r.rule,
      run: r.run,
      ballots: r.ballots,
      ballots_sha256: r.ballotsSha256,
      // Added last, so the columns before them keep their places.
      proposal_number: p.number ?? "",
      spoiled_paper_ballots: r.spoiledPaperBallots,
      district_funded: (fundedCents / 100).toFixed(2),
    }));
  });
}
