import { describe, expect, it } from "vitest";
import { MIX_BATCH, rowsToMix } from "~/domain/ballots/mixing";

// Sealed ballots wait, then join the Ballot table in random batches: the rules for which go when.

const rows = (district: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${district}-${i}`, district }));
const byDistrict = (r: { district: string }) => r.district;

describe("which sealed ballots are mixed", () => {
  it("waits until a district has twice a batch sealed, whatever the others have", () => {
    expect(rowsToMix([...rows("north", 2 * MIX_BATCH - 1), ...rows("south", 2 * MIX_BATCH - 1)], byDistrict, "open")).toEqual([]);
  });

  it("then mixes all but a batch of that district's ballots, and none of a district with fewer", () => {
    const chosen = rowsToMix([...rows("north", 2 * MIX_BATCH + 3), ...rows("south", 2 * MIX_BATCH - 1)], byDistrict, "open");
    expect(chosen).toHaveLength(MIX_BATCH + 3);
    expect(new Set(chosen.map((r) => r.district))).toEqual(new Set(["north"]));
    expect(new Set(chosen.map((r) => r.id)).size).toBe(chosen.length);
  });

  it("leaves a random batch sealed, not the latest ballots: each ballot is sometimes mixed, sometimes left", () => {
    const waiting = rows("north", 2 * MIX_BATCH);
    const timesMixed = new Map(waiting.map((r) => [r.id, 0]));
    for (let draw = 0; draw < 300; draw++) for (const r of rowsToMix(waiting, byDistrict, "open")) timesMixed.set(r.id, timesMixed.get(r.id)! + 1);
    // Each is mixed with probability 1/2 per draw: never mixed, or always, in 300 draws, is beyond chance.
    for (const [, n] of timesMixed) expect(n).toBeGreaterThan(0), expect(n).toBeLessThan(300);
  });

  it("after the close, mixes a group whole once a batch waits (late survey answers), and not before", () => {
    expect(rowsToMix(rows("cycle", MIX_BATCH - 1), byDistrict, "closed")).toEqual([]);
    expect(rowsToMix(rows("cycle", MIX_BATCH), byDistrict, "closed")).toHaveLength(MIX_BATCH);
  });

  it("mixes everything at the close, however few", () => {
    const waiting = [...rows("north", 3), ...rows("south", 1)];
    expect(rowsToMix(waiting, byDistrict, "all").map((r) => r.id).sort()).toEqual(waiting.map((r) => r.id).sort());
  });
});
