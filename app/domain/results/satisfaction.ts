/**
 * How many voters got at least one project they voted for: a plain measure of
 * how widely an outcome serves the electorate, shown for the chosen rule and
 * for greedy side by side.
 */
export function votersWithAWinner(ballots: readonly (readonly string[])[], winners: Iterable<string>) {
  const won = new Set(winners);
  const satisfied = ballots.filter((ids) => ids.some((id) => won.has(id))).length;
  return { satisfied, voters: ballots.length };
}
