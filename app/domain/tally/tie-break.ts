import type { ProjectId } from "./types";

/**
 * The fixed tie-breaking order of ../shared/tally-rules.md: among exactly tied
 * projects, the smallest id by plain string (code point) order wins, so "10" < "9".
 */
export function compareProjectIds(a: ProjectId, b: ProjectId): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
