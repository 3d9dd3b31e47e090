import { describe, expect, it } from "vitest";
import { resultColumns, resultRows } from "~/domain/results/export";

describe("the results CSV", () => {
  it("fills exactly the header's columns, in order, whatever the ballots count", () => {
    for (const score of ["votes", "points"] as const) {
      const [row] = resultRows([
        {
          cycle: "Riverside PB", district: "North", budgetCents: 100_000_00, rule: "greedy", run: 1, ballots: 3, ballotsSha256: "ab", spoiledPaperBallots: 2, score,
          projects: [{ proposalId: "cl9x", number: 9, title: "Shade trees", costCents: 10_000_00, votes: 3, position: 0, selected: true }],
        },
      ]);
      expect(Object.keys(row)).toEqual(resultColumns(score));
      expect(row).toMatchObject({ project_id: "cl9x", proposal_number: 9, [score]: 3, ballots: 3, spoiled_paper_ballots: 2 });
    }
  });

  it("gives every row its district's funded total: the winners' costs added up, not the losers'", () => {
    const rows = resultRows([
      {
        cycle: "Riverside PB", district: "North", budgetCents: 100_000_00, rule: "mes", run: 1, ballots: 3, ballotsSha256: "ab", spoiledPaperBallots: 0, score: "votes",
        projects: [
          { proposalId: "a", number: 1, title: "Shade trees", costCents: 40_000_50, votes: 3, position: 0, selected: true },
          { proposalId: "b", number: 2, title: "Skate park", costCents: 70_000_00, votes: 2, position: 1, selected: false },
          { proposalId: "c", number: 3, title: "Benches", costCents: 9_999_50, votes: 1, position: 2, selected: true },
        ],
      },
    ]);
    expect(rows.map((r) => r.district_funded)).toEqual(["50000.00", "50000.00", "50000.00"]);
  });
});
