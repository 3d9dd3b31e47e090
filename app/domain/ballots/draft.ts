import type { BallotSubmission } from "./rules";

/**
 * A ballot not yet cast, as the voter's own cookie keeps it between the steps of the ballot: the
 * choices only, each by its place among the ballot's projects sorted by id (a few bytes each, so a
 * long ranked ballot stays far under a cookie's 4 KB; a cookie over it would be dropped, and the
 * choices with it). The reasons a ballot was refused are worked out again from the choices.
 */
export interface PackedChoices {
  /** Ticked projects (knapsack, approval). */
  picks: number[];
  /** Each project's rank as chosen (ranked ballots; projects left blank are left out). */
  ranks: [number, string][];
}

const sortedIds = (projectIds: readonly string[]) => [...projectIds].sort();

export function packChoices(submission: BallotSubmission, projectIds: readonly string[]): PackedChoices {
  const place = new Map(sortedIds(projectIds).map((id, i) => [id, i]));
  if ("ranks" in submission) {
    // A rank is a few digits; four characters keep any mistake typed (a letter, a decimal) a mistake.
    const ranks = Object.entries(submission.ranks).flatMap(([id, rank]): [number, string][] =>
      rank.trim() !== "" && place.has(id) ? [[place.get(id)!, rank.trim().slice(0, 4)]] : [],
    );
    return { picks: [], ranks };
  }
  return { picks: submission.ids.flatMap((id) => (place.has(id) ? [place.get(id)!] : [])), ranks: [] };
}

/** The choices back as a submission of `method`'s form; places no longer on the ballot are dropped. */
export function unpackChoices(packed: PackedChoices, projectIds: readonly string[], method: string): BallotSubmission {
  const ids = sortedIds(projectIds);
  if (method === "ranked") {
    const ranks: Record<string, string> = Object.fromEntries(projectIds.map((id) => [id, ""]));
    for (const [i, rank] of packed.ranks) if (ids[i] !== undefined) ranks[ids[i]] = rank;
    return { ranks };
  }
  return { ids: packed.picks.flatMap((i) => (ids[i] !== undefined ? [ids[i]] : [])) };
}
