// Rows of the per-project results export, one per project per district. Pure.

export interface ResultRowInput {
  cycle: string;
  district: string;
  budgetCents: number;
  rule: string;
  run: number;
  ballots: number;
  ballotsSha256: string;
  projects: { proposalId: string; title: string; costCents: number; votes: number; position: number; selected: boolean }[];
}

export function resultRows(results: readonly ResultRowInput[]) {
  return results.flatMap((r) =>
    r.projects.map((p) => ({
      cycle: r.cycle,
      district: r.district,
      rank: p.position + 1,
      project_id: p.proposalId,
      project: p.title,
      votes: p.votes,
      cost: (p.costCents / 100).toFixed(2),
      selected: p.selected ? "yes" : "no",
      district_budget: (r.budgetCents / 100).toFixed(2),
      rule: r.rule,
      run: r.run,
      ballots: r.ballots,
      ballots_sha256: r.ballotsSha256,
    })),
  );
}

/** Why a project did not win, in plain words, from the tally note. */
export function explainNotSelected(note: string, formatMoney: (cents: number) => string): string {
  const m = /^did-not-fit:(\d+)$/.exec(note);
  if (m) return `Not funded: only ${formatMoney(Number(m[1]))} of the budget was left when its turn came.`;
  return "Not funded.";
}
