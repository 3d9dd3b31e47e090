import type { ProjectOutcome } from "../tally/types";

// Why each project won or lost, stored with the tally result as JSON and turned
// into plain words (translation keys) on the results page. Pure.

// Ties name the other projects by public number (`tiedIds`, `tieLostTo`); counts stored before that have the count only.
export type ProjectNote =
  | { kind: "greedy"; tiedWith?: number; tiedIds?: string[] }
  | { kind: "did-not-fit"; remainingCents: number; tieLostTo?: string[] }
  | { kind: "mes-winner"; supporters: number; payments: { cents: number; voters: number; fromCents?: number; allTheyHad?: true }[] }
  | { kind: "greedy-fill" }
  | { kind: "no-support" }
  | { kind: "unaffordable"; supporters: number; coveragePercent: number | null; leftCents?: number; beforeAnyFunded?: true };

/**
 * `filled`: the rule then spent what Equal Shares left by votes (mes-add1), so a loser also did not fit that.
 * `all`: every project of the count, to tell a greedy winner that came first on the tie-break over one not funded.
 */
export function noteFor(p: ProjectOutcome, filled = false, all: readonly ProjectOutcome[] = []): ProjectNote {
  const mes = p.mes;
  if (p.selected) {
    if (p.via === "greedy-fill") return { kind: "greedy-fill" };
    if (mes?.kind === "winner") {
      return {
        kind: "mes-winner",
        supporters: mes.supporters,
        payments: mes.payments.map((pay) =>
          pay.from !== undefined
            ? { cents: Number(pay.amount), voters: pay.voters, fromCents: Number(pay.from) }
            : pay.allTheyHad
              ? { cents: Number(pay.amount), voters: pay.voters, allTheyHad: true as const }
              : { cents: Number(pay.amount), voters: pay.voters },
        ),
      };
    }
    // The tie-break decided something only when a project with as many votes after it was not funded.
    const tied = all.filter((q) => q !== p && !q.selected && q.score === p.score && q.position > p.position);
    return tied.length > 0 ? { kind: "greedy", tiedWith: tied.length, tiedIds: tied.map((q) => q.id) } : { kind: "greedy" };
  }
  if (mes?.kind === "loser") {
    if (mes.reason === "no-support") return { kind: "no-support" };
    return {
      kind: "unaffordable",
      supporters: mes.supporters,
      // "0.2900" → 29 (multiplying the float by 100 would give 28.999…).
      coveragePercent: mes.coverage === undefined ? null : Math.floor(Math.round(Number(mes.coverage) * 10_000) / 100),
      // Out in the first round: its supporters' whole shares fell short, not what others' projects left them.
      ...(mes.droppedInRound === 1 ? { beforeAnyFunded: true as const } : {}),
      ...(filled ? { leftCents: Number(p.remainingBefore) } : {}),
    };
  }
  // Funded projects with as many votes that came before it on the tie-break: had it gone first, it might have fit.
  const tieLostTo = all.filter((q) => q !== p && q.selected && q.score === p.score && q.position < p.position).map((q) => q.id);
  return { kind: "did-not-fit", remainingCents: Number(p.remainingBefore), ...(tieLostTo.length ? { tieLostTo } : {}) };
}

const numbers = (ids: readonly string[]) => ids.map((id) => `#${id}`).join(", ");

export function parseNote(json: string): ProjectNote | null {
  try {
    const note = JSON.parse(json) as ProjectNote;
    return note && typeof note === "object" && "kind" in note ? note : null;
  } catch {
    return null;
  }
}

/**
 * What a project's figure counts: votes (approval and knapsack ballots), or the
 * top-k points of ranked ballots, which are not a number of voters.
 */
export type ScoreKind = "votes" | "points";

/** A project as residents know it, by public number ("#9 Shade trees"), also its id in the .pb files a recount uses. */
export function numberedTitle(p: { number: number | null; title: string }): string {
  return p.number === null ? p.title : `#${p.number} ${p.title}`;
}

export function scoreKindOf(ballotMethod: string): ScoreKind {
  return ballotMethod === "ranked" ? "points" : "votes";
}

/** Translates a key with values: the page's t() (kept as a parameter so this file stays pure). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The note in plain words, e.g. "Its supporters' remaining shares covered only 42% of its cost." */
export function explainNote(note: ProjectNote | null, money: (cents: number) => string, t: Translate, score: ScoreKind = "votes"): string {
  switch (note?.kind) {
    case "greedy":
      if (note.tiedIds?.length) return t(score === "points" ? "results:explain.greedyTieNamedPoints" : "results:explain.greedyTieNamed", { count: note.tiedIds.length, others: numbers(note.tiedIds) });
      if (note.tiedWith) return t(score === "points" ? "results:explain.greedyTiePoints" : "results:explain.greedyTie", { count: note.tiedWith });
      return score === "points" ? t("results:explain.greedyPoints") : t("results:explain.greedy");
    case "did-not-fit": {
      const why = t("results:explain.didNotFit", { remaining: money(note.remainingCents) });
      if (!note.tieLostTo?.length) return why;
      return `${why} ${t(score === "points" ? "results:explain.tieLostPoints" : "results:explain.tieLost", { count: note.tieLostTo.length, others: numbers(note.tieLostTo) })}`;
    }
    case "mes-winner": {
      // Shares are exact fractions of a cent: a rounded one says so, so that the sums do not look wrong.
      const amount = (cents: number) => (Number.isInteger(cents) ? money(cents) : t("results:explain.about", { amount: money(Math.round(cents)) }));
      const payments = note.payments
        .map((p) =>
          p.fromCents !== undefined
            ? t("results:explain.paymentRange", { count: p.voters, from: amount(p.fromCents), to: amount(p.cents) })
            : t(p.allTheyHad ? "results:explain.paymentAll" : "results:explain.payment", { count: p.voters, amount: amount(p.cents) }),
        )
        .join(", ");
      return note.supporters === 1
        ? t("results:explain.mesWinnerOne", { payments })
        : t("results:explain.mesWinner", { supporters: note.supporters, payments });
    }
    case "greedy-fill":
      return score === "points" ? t("results:explain.greedyFillPoints") : t("results:explain.greedyFill");
    case "no-support":
      return t("results:explain.noSupport");
    case "unaffordable": {
      const why =
        note.coveragePercent === null
          ? t("results:explain.unaffordable", { count: note.supporters })
          : t(note.beforeAnyFunded ? "results:explain.unaffordableFromStart" : "results:explain.unaffordableCoverage", { count: note.supporters, percent: note.coveragePercent });
      if (note.leftCents === undefined) return why;
      const fill = score === "points" ? "results:explain.fillDidNotFitPoints" : "results:explain.fillDidNotFit";
      return `${why} ${t(fill, { left: money(note.leftCents) })}`;
    }
    default:
      return "";
  }
}
