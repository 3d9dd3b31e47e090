import { rat } from "../tally/rational";
import type { PabulibFile } from "../tally/pabulib";

/**
 * A published district result and its anonymised ballots as a Pabulib `.pb`
 * file, so anyone can recount it (`npm run tally`, or pabutools). Costs and the
 * budget are written in currency units; ballots are numbered 1..n in an order
 * that says nothing about who voted when (the caller passes them sorted by
 * their random ids).
 */
export function districtToPabulib(input: {
  cycle: {
    name: string;
    slug: string;
    currency: string;
    ballotMethod: string;
    maxRanks: number;
    minApprovals: number;
    maxApprovals: number;
    tallyRule: string;
    votingOpensOn?: string | null;
    votingClosesOn?: string | null;
  };
  district: { name: string; budgetCents: number };
  projects: readonly { id: string; title: string; costCents: number; votes: number; selected: boolean; category: string }[];
  ballots: readonly (readonly string[])[]; // ranked ballots in rank order
}): PabulibFile {
  const { cycle, district } = input;
  const ranked = cycle.ballotMethod === "ranked";
  // Pabulib's "votes" is how many ballots name the project; ranked results' top-k points go in "score".
  const ballotsNaming = new Map<string, number>();
  for (const ids of input.ballots) for (const id of new Set(ids)) ballotsNaming.set(id, (ballotsNaming.get(id) ?? 0) + 1);
  // Ranked ballots were counted with top-k points (k = max_length), not Pabulib's usual Borda: the file says
  // so, and `npm run tally` reads it, so a recount gives the published points and winners without a flag.
  const limits: [string, string][] = ranked
    ? [["max_length", String(cycle.maxRanks)], ["ordinal_points", "top-k"]]
    : cycle.ballotMethod === "approval"
      ? [["min_length", String(cycle.minApprovals)], ["max_length", String(cycle.maxApprovals)]]
      : [];
  return {
    meta: [
      ["description", `${cycle.name}: ${district.name}`],
      ["unit", cycle.name],
      ["instance", district.name],
      ["currency", cycle.currency],
      // The voting days, as Pabulib writes them (dd.mm.yyyy).
      ...(cycle.votingOpensOn ? [["date_begin", pabulibDate(cycle.votingOpensOn)]] : []),
      ...(cycle.votingClosesOn ? [["date_end", pabulibDate(cycle.votingClosesOn)]] : []),
      ["rule", cycle.tallyRule],
      ["ballot", cycle.ballotMethod],
      ...limits,
    ].map(([key, value]) => ({ key, value })),
    voteType: ranked ? "ordinal" : "approval",
    ...(ranked ? { ordinalPoints: "top-k" as const } : {}),
    budget: rat(district.budgetCents, 100),
    projectColumns: ["project_id", "cost", "votes", ...(ranked ? ["score"] : []), "name", "category", "selected"],
    projects: input.projects.map((p) => ({
      id: p.id,
      cost: rat(p.costCents, 100),
      extra: {
        votes: String(ballotsNaming.get(p.id) ?? 0),
        ...(ranked ? { score: String(p.votes) } : {}),
        name: p.title,
        category: p.category,
        selected: p.selected ? "1" : "0",
      },
    })),
    voteColumns: ["voter_id", "vote"],
    votes: input.ballots.map((ids, i) => ({ voterId: String(i + 1), ids: [...ids], extra: {} })),
  };
}

/** "2026-11-20" → "20.11.2026". */
function pabulibDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}
