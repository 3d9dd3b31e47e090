import { describe, expect, it } from "vitest";
import { normaliseTracker } from "~/domain/ballots/trackers";
import { byWhatResidentsCanDoNow, type Phase } from "~/domain/cycles/phases";

describe("reading a ballot tracker as people copy it", () => {
  it("accepts any case, spaces and dashes", () => {
    expect(normaliseTracker("0cf1 4fa2 0e0b")).toBe("0CF1-4FA2-0E0B");
    expect(normaliseTracker(" 0CF14FA20E0B ")).toBe("0CF1-4FA2-0E0B");
  });

  it("reads the letters O, I and L as the digits they look like (a tracker has no such letters)", () => {
    expect(normaliseTracker("O7O5-O14O-751F")).toBe("0705-0140-751F");
    expect(normaliseTracker("l0I0-0000-000o")).toBe("1010-0000-0000");
  });

  it("refuses what cannot be a tracker instead of searching for part of it", () => {
    expect(normaliseTracker("0705-0140-751")).toBeNull(); // a digit short
    expect(normaliseTracker("0705-0140-751F-0")).toBeNull(); // one too many
    expect(normaliseTracker("0705-0140-75XF")).toBeNull(); // X is not hexadecimal
    expect(normaliseTracker("hello")).toBeNull();
  });
});

describe("the order of cycles on the home page", () => {
  it("puts voting first, then ideas, and finished and draft cycles last, keeping the order within a phase", () => {
    const cycles: { name: string; phase: Phase }[] = [
      { name: "parks", phase: "costing" },
      { name: "libraries", phase: "voting" },
      { name: "youth", phase: "ideas" },
      { name: "2025", phase: "implementation" },
      { name: "schools", phase: "voting" },
      { name: "old", phase: "closed" },
      { name: "next", phase: "draft" },
    ];
    expect([...cycles].sort(byWhatResidentsCanDoNow).map((c) => c.name)).toEqual(["libraries", "schools", "youth", "parks", "2025", "old", "next"]);
  });
});
