import { describe, expect, it } from "vitest";
import { movesTo, placeOf } from "~/domain/proposals/revisions";
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

describe("where a proposal was filed at each revision", () => {
  const at = (district: string | null, category: string | null) => ({ district: district ? { id: district } : null, category: category ? { id: category } : null });

  it("names the revision that moved it, by district or by category, newest first", () => {
    const moves = movesTo([at("south", "parks"), at("north", "parks"), at("north", "streets"), at("north", "streets")]);
    expect(moves.map((m) => m && `${m.district.id}/${m.category.id}`)).toEqual(["south/parks", "north/parks", null, null]);
  });

  it("never takes a place that was not recorded (revisions saved before places were) for a move", () => {
    expect(movesTo([at("south", "parks"), at(null, null), at("north", "parks")])).toEqual([null, null, null]);
    expect(placeOf(at("north", null))).toBeNull();
  });
});
