import { describe, expect, it } from "vitest";
import { similarIdeas, titleSimilarity, titleWords } from "~/domain/ideas/similar";

describe("possible duplicate ideas", () => {
  const existing = [
    { number: 1, title: "Benches along the river path" },
    { number: 2, title: "More street lights on Oak Avenue" },
    { number: 3, title: "A bench by the river" },
    { number: 4, title: "Free wifi at the bus hub" },
  ];

  it("finds ideas sharing the meaningful words, whatever the plurals, case and small words", () => {
    expect(similarIdeas("New benches by the River", existing).map((i) => i.number)).toEqual([3, 1]);
    expect(similarIdeas("Street lighting on Oak avenue", existing).map((i) => i.number)).toEqual([2]);
  });

  it("folds accents, so Spanish titles match too", () => {
    expect(titleWords("Más árboles en la plaza")).toEqual(new Set(["arbol", "plaza"]));
    expect(titleSimilarity("Árboles en la plaza", "arboles plaza")).toBe(1);
  });

  it("finds nothing for an unrelated idea or an empty title", () => {
    expect(similarIdeas("A mural at the school", existing)).toEqual([]);
    expect(similarIdeas("the and of", existing)).toEqual([]);
  });
});
