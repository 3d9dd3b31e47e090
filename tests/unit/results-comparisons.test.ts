import { describe, expect, it } from "vitest";
import { greedyDifference, unspentReason } from "~/domain/results/satisfaction";

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

describe("why money was left unspent", () => {
  const projects = [
    { costCents: 64_000_00, selected: true },
    { costCents: 205_000_00, selected: false },
    { costCents: 42_000_00, selected: false },
  ];
  it("nothing fits: every project not funded costs more than what is left", () => {
    expect(unspentReason(100_000_00, 64_000_00, projects)).toEqual({ leftCents: 36_000_00, why: "nothing-fits" });
  });
  it("the rule: a project would have fitted, but the rule did not fund it", () => {
    expect(unspentReason(120_000_00, 64_000_00, projects)).toEqual({ leftCents: 56_000_00, why: "rule" });
  });
  it("every project funded, and money still left over", () => {
    const all = projects.map((p) => ({ ...p, selected: true }));
    expect(unspentReason(400_000_00, 311_000_00, all)).toEqual({ leftCents: 89_000_00, why: "all-funded" });
  });
  it("nothing to say when the whole budget was spent", () => {
    expect(unspentReason(64_000_00, 64_000_00, projects)).toBeNull();
  });
});
