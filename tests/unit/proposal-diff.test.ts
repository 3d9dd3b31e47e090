import { describe, expect, it } from "vitest";
import { diffCounts, diffText } from "~/domain/proposals/diff";

describe("comparing two revisions of a proposal", () => {
  it("marks the words added and removed, keeping the rest as it was", () => {
    const parts = diffText("Four benches around the pond.", "Six benches around the pond, with shade.");
    const removed = parts.filter((p) => p.kind === "removed").map((p) => p.text).join("|");
    const added = parts.filter((p) => p.kind === "added").map((p) => p.text).join("|");
    expect(removed).toContain("Four");
    expect(removed).not.toContain("benches");
    expect(added).toContain("Six");
    expect(added).toContain("with shade");
    // Reading only the kept and added parts gives the newer text back.
    expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe("Six benches around the pond, with shade.");
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe("Four benches around the pond.");
    expect(diffCounts(parts).removed).toBeLessThanOrEqual(2);
    expect(diffCounts(parts).added).toBeGreaterThanOrEqual(3);
  });

  it("says nothing changed when the texts are the same", () => {
    const parts = diffText("Same text.", "Same text.");
    expect(parts).toEqual([{ kind: "same", text: "Same text." }]);
    expect(diffCounts(parts)).toEqual({ added: 0, removed: 0 });
  });
});
