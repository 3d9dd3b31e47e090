import type { ProjectOutcome } from "../tally/types";

// Why each project won or lost, stored with the tally result as JSON and turned
// into plain words on the results page. Pure.

export type ProjectNote =
  | { kind: "greedy" }
  | { kind: "did-not-fit"; remainingCents: number }
  | { kind: "mes-winner"; supporters: number; payments: { cents: number; voters: number }[] }
  | { kind: "greedy-fill" }
  | { kind: "no-support" }
  | { kind: "unaffordable"; supporters: number; coveragePercent: number | null };

export function noteFor(p: ProjectOutcome): ProjectNote {
  const mes = p.mes;
  if (p.selected) {
    if (p.via === "greedy-fill") return { kind: "greedy-fill" };
    if (mes?.kind === "winner") {
      return {
        kind: "mes-winner",
        supporters: mes.supporters,
        payments: mes.payments.map((pay) => ({ cents: Number(pay.amount), voters: pay.voters })),
      };
    }
    return { kind: "greedy" };
  }
  if (mes?.kind === "loser") {
    if (mes.reason === "no-support") return { kind: "no-support" };
    return {
      kind: "unaffordable",
      supporters: mes.supporters,
      // "0.2900" → 29 (multiplying the float by 100 would give 28.999…).
      coveragePercent: mes.coverage === undefined ? null : Math.floor(Math.round(Number(mes.coverage) * 10_000) / 100),
    };
  }
  return { kind: "did-not-fit", remainingCents: Number(p.remainingBefore) };
}

export function parseNote(json: string): ProjectNote | null {
  try {
    const note = JSON.parse(json) as ProjectNote;
    return note && typeof note === "object" && "kind" in note ? note : null;
  } catch {
    return null;
  }
}

/** The note in plain words, e.g. "Its supporters' remaining shares covered only 42% of its cost." */
export function explainNote(note: ProjectNote | null, money: (cents: number) => string): string {
  switch (note?.kind) {
    case "greedy":
      return "Funded: it had more votes than the projects after it, and it fit the budget.";
    case "did-not-fit":
      return `Not funded: only ${money(note.remainingCents)} of the budget was left when its turn came.`;
    case "mes-winner": {
      const parts = note.payments.map((p) => `${p.voters} paid ${money(Math.round(p.cents))}`);
      return note.supporters === 1
        ? `Funded by its one supporter's equal share: ${parts.join(", ")}.`
        : `Funded by its ${note.supporters} supporters' equal shares: ${parts.join(", ")}.`;
    }
    case "greedy-fill":
      return "Funded from the money left over after Equal Shares, in order of votes.";
    case "no-support":
      return "Not funded: nobody voted for it.";
    case "unaffordable":
      return note.coveragePercent === null
        ? `Not funded: its ${note.supporters} supporters' remaining shares could not cover its cost.`
        : `Not funded: its ${note.supporters} supporters' remaining shares covered only ${note.coveragePercent}% of its cost.`;
    default:
      return "";
  }
}
