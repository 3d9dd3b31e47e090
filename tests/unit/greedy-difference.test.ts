import { describe, expect, it } from "vitest";
import { greedyDifference } from "~/domain/results/satisfaction";

// Projects as the results page lists them: public number, funded under the rule used or not.
const projects = [
  { number: 14, title: "Music room", selected: true },
  { number: 12, title: "Bus shelters", selected: true },
  { number: 13, title: "Community garden", selected: true },
  { number: 11, title: "New playground", selected: false },
];
const titles = (ps: { title: string }[]) => ps.map((p) => p.title);

describe("what plain greedy would have funded differently", () => {
  it("names the projects swapped, in the page's order", () => {
    const d = greedyDifference(projects, ["11", "13", "14"]);
    expect(titles(d.onlyUnderGreedy)).toEqual(["New playground"]);
    expect(titles(d.onlyUnderRule)).toEqual(["Bus shelters"]);
  });

  it("is empty both ways when both fund the same projects", () => {
    expect(greedyDifference(projects, ["12", "13", "14"])).toEqual({ onlyUnderGreedy: [], onlyUnderRule: [] });
  });

  it("compares numbers as the .pb file writes them (no 1 for 11)", () => {
    const d = greedyDifference([{ number: 1, title: "One", selected: false }, { number: 11, title: "Eleven", selected: true }], ["11"]);
    expect(d).toEqual({ onlyUnderGreedy: [], onlyUnderRule: [] });
  });
});
