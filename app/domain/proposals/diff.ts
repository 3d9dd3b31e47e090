// What changed between two revisions of a proposal, word by word, for the compare page.
import { diffWords } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function diffText(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

/** Words added and removed, for a one-line summary ("12 words added, 3 removed"). */
export function diffCounts(parts: readonly DiffPart[]) {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  return {
    added: parts.filter((p) => p.kind === "added").reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((p) => p.kind === "removed").reduce((n, p) => n + words(p.text), 0),
  };
}
