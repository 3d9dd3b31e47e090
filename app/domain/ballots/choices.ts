// A ballot's choices as stored: proposal numbers, comma-separated. Ranked ballots
// keep rank order; other ballots are sorted, so identical ballots are identical text.

export function encodeChoices(numbers: readonly number[], ranked: boolean): string {
  return (ranked ? [...numbers] : [...numbers].sort((a, b) => a - b)).join(",");
}

export function decodeChoices(choices: string): number[] {
  return choices ? choices.split(",").map(Number) : [];
}
