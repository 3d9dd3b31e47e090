import { describe, expect, it } from "vitest";
import { explainNote, noteFor } from "~/domain/results/explain";
import { mes, mesAdd1 } from "~/domain/tally/mes";
import type { Election, MesWinnerDetail } from "~/domain/tally/types";
import { tIn } from "../../english";

// 12 voters with 100 each (budget 1200), cardinality utilities. Voters 1–8 each fund a
// project of their own first (s1..s8, costing 31, 33, …, 45: its rho is its cost, below
// Z's), so they come to Z with 69, 67, …, 55 left. Z (800) is approved by all 12:
// the eight pay all they have left (496), the four others pay (800 − 496) / 4 = 76 each.
const singles = Array.from({ length: 8 }, (_, i) => ({ id: `s${i + 1}`, cost: BigInt(31 + 2 * i) }));
const election: Election = {
  budget: 1200n,
  projects: [...singles, { id: "Z", cost: 800n }],
  ballots: [...singles.map((s) => ({ ids: [s.id, "Z"] })), { ids: ["Z"], count: 4 }],
};

describe("what Equal Shares says each supporter paid", () => {
  const out = mes(election, { utility: "cardinality" });
  const z = out.projects.find((p) => p.id === "Z")!;

  it("funds the eight small projects first, then Z", () => {
    expect(out.winners).toEqual([...singles.map((s) => s.id), "Z"]);
  });

  it("lists the equal share, and the many 'all they had left' amounts as one exact range", () => {
    const detail = z.mes as MesWinnerDetail;
    expect(detail.cappedSupporters).toBe(8);
    expect(detail.payments).toEqual([
      { amount: "76", exact: "76", voters: 4 },
      { amount: "69", exact: "69", voters: 8, from: "55", fromExact: "55" },
    ]);
  });

  it("lists every amount when there are only a few", () => {
    const detail = out.projects.find((p) => p.id === "s3")!.mes as MesWinnerDetail;
    expect(detail.payments).toEqual([{ amount: "35", exact: "35", voters: 1 }]);
  });

  it("explains the range in plain words", () => {
    const text = explainNote(noteFor(z), (cents) => `$${(cents / 100).toFixed(2)}`, tIn("en"));
    expect(text).toBe("Funded by its 12 supporters' equal shares: 4 paid $0.76, 8 paid all they had left ($0.55 to $0.69).");
    const spanish = explainNote(noteFor(z), (cents) => `${(cents / 100).toFixed(2)} $`, tIn("es"));
    expect(spanish).toContain("8 personas aportaron todo lo que les quedaba (de 0.55 $ a 0.69 $)");
  });

  it("writes large counts as readers expect them in their language", () => {
    const note = { kind: "mes-winner" as const, supporters: 145803, payments: [{ cents: 230, voters: 136308 }, { cents: 227, voters: 9495, fromCents: 0 }] };
    const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
    expect(explainNote(note, dollars, tIn("en"))).toBe(
      "Funded by its 145,803 supporters' equal shares: 136,308 paid $2.30, 9,495 paid all they had left ($0.00 to $2.27).",
    );
    // Spanish as written in the United States (es-US), like the money beside it: "145,803", not "145.803".
    expect(explainNote(note, dollars, tIn("es"))).toContain("las 145,803 personas que lo votaron");
  });
});

describe("reasons on ranked ballots", () => {
  const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
  it("speak of points, which are not a number of voters", () => {
    expect(explainNote({ kind: "greedy" }, dollars, tIn("en"), "points")).toBe("Funded: projects are taken in order of points, and when its turn came it fit in what was left of the budget.");
    expect(explainNote({ kind: "greedy-fill" }, dollars, tIn("es"), "points")).toContain("en orden de puntos");
    expect(explainNote({ kind: "greedy" }, dollars, tIn("en"))).toBe("Funded: projects are taken in order of votes, and when its turn came it fit in what was left of the budget.");
  });
});

describe("a supporter who could not pay the equal share", () => {
  it("is said to have paid all they had left, even when listed on their own", () => {
    // 20 each; P (16) by v1 and v2 first (8 each); then Q (30): v2 has 12 left and pays it, v3 pays 18.
    const outcome = mes({ budget: 60n, projects: [{ id: "P", cost: 16n }, { id: "Q", cost: 30n }], ballots: [{ ids: ["P"] }, { ids: ["P", "Q"] }, { ids: ["Q"] }] }, { utility: "cost" });
    const q = outcome.projects.find((p) => p.id === "Q")!;
    const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
    expect(explainNote(noteFor(q), dollars, tIn("en"))).toBe("Funded by its 2 supporters' equal shares: 1 paid $0.18, 1 paid all they had left ($0.12).");
    expect(explainNote(noteFor(q), dollars, tIn("es"))).toContain("1 persona aportó todo lo que le quedaba ($0.12)");
  });
});

describe("a project Equal Shares could not fund, under mes-add1", () => {
  // Budget 100, two voters with 50 each. Z (20) is voter 2's; Y (90) is voter 1's alone and
  // can never be paid within the budget, and the 80 left after Z cannot buy it either.
  const small: Election = {
    budget: 100n,
    projects: [{ id: "Y", cost: 90n }, { id: "Z", cost: 20n }],
    ballots: [{ ids: ["Y"] }, { ids: ["Z"] }],
  };
  const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
  it("says both why its supporters could not pay and what was left for it after", () => {
    const outcome = mesAdd1(small, { utility: "cost" });
    expect(outcome.winners).toEqual(["Z"]);
    const y = outcome.projects.find((p) => p.id === "Y")!;
    expect(explainNote(noteFor(y, true), dollars, tIn("en"))).toBe(
      "Not funded: even before any project was funded, its one supporter's share covered only 55% of its cost. Then, when the money Equal Shares left went to the next projects by votes, only $0.80 remained at its turn.",
    );
    // Under plain mes nothing is spent after Equal Shares: no second sentence.
    expect(explainNote(noteFor(y), dollars, tIn("en"))).toBe("Not funded: even before any project was funded, its one supporter's share covered only 55% of its cost.");
  });
});

describe("the share given for a project Equal Shares could not fund is taken when it first fell short", () => {
  // Two voters with 50 each approve both P (40) and Q (70). Both cost them the same per unit,
  // and P comes first by id; after it, each has 30 left: 60 of Q's 70 (85.7%), so Q is out in round 2.
  const election: Election = {
    budget: 100n,
    projects: [{ id: "P", cost: 40n }, { id: "Q", cost: 70n }],
    ballots: [{ ids: ["P", "Q"] }, { ids: ["P", "Q"] }],
  };
  const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

  it("after the projects funded before that round", () => {
    const q = mes(election, { utility: "cost" }).projects.find((p) => p.id === "Q")!;
    expect(q.mes).toMatchObject({ kind: "loser", droppedInRound: 2, coverage: "0.8571" });
    expect(explainNote(noteFor(q), dollars, tIn("en"))).toBe("Not funded: its 2 supporters' remaining shares covered only 85% of its cost.");
  });

  it("in the first round it fell short, even when the count had no need to look at it then", () => {
    // Q is v1's alone: 25 of 60 from the start. Cheaper per unit, P (everyone's) is funded first
    // without Q being priced at all; after it v1 has 15 (25%), but Q was already out at 41%.
    const lonely: Election = {
      budget: 100n,
      projects: [{ id: "P", cost: 40n }, { id: "Q", cost: 60n }],
      ballots: [{ ids: ["P", "Q"] }, { ids: ["P"] }, { ids: ["P"] }, { ids: ["P"] }],
    };
    const q = mes(lonely, { utility: "cost" }).projects.find((p) => p.id === "Q")!;
    expect(q.mes).toMatchObject({ kind: "loser", droppedInRound: 1, coverage: "0.4167" });
  });

  it("before anything was funded, when even the whole shares fell short", () => {
    const dear = { ...election, projects: [{ id: "P", cost: 40n }, { id: "Q", cost: 125n }] };
    const q = mes(dear, { utility: "cost" }).projects.find((p) => p.id === "Q")!;
    expect(q.mes).toMatchObject({ kind: "loser", droppedInRound: 1, coverage: "0.8000" });
    expect(explainNote(noteFor(q), dollars, tIn("en"))).toBe("Not funded: even before any project was funded, its 2 supporters' shares together covered only 80% of its cost.");
    expect(explainNote(noteFor(q), dollars, tIn("es"))).toBe(
      "No financiado: aun antes de financiar ningún proyecto, las partes de las 2 personas que lo votaron cubrían juntas solo el 80% de su costo.",
    );
  });
});

describe("why a greedy winner won", () => {
  const election = (budget: bigint): Election => ({
    budget,
    projects: [
      { id: "2", cost: 40n },
      { id: "4", cost: 40n },
      { id: "7", cost: 50n },
    ],
    ballots: [{ ids: ["2", "4"] }, { ids: ["2", "4"] }, { ids: ["7"] }],
  });
  const notesOf = async (budget: bigint) => {
    const { greedy } = await import("~/domain/tally/greedy");
    const outcome = greedy(election(budget));
    return (id: string) => noteFor(outcome.projects.find((p) => p.id === id)!, false, outcome.projects);
  };

  it("says it came first on the tie-break when a project with as many votes after it was not funded, and names them both ways", async () => {
    const note = await notesOf(70n); // "2" takes 40; "4", as popular, no longer fits
    expect(note("2")).toEqual({ kind: "greedy", tiedWith: 1, tiedIds: ["4"] });
    expect(explainNote(note("2"), String, tIn("en"))).toBe(
      "Funded: #4 had as many votes and was not funded; this one came first in the published tie-break order, and it fit the budget.",
    );
    // The one that lost the tie says to which project.
    expect(note("4")).toEqual({ kind: "did-not-fit", remainingCents: 30, tieLostTo: ["2"] });
    expect(explainNote(note("4"), String, tIn("en"))).toBe("Not funded: only 30 of the budget was left when its turn came. #2 had as many votes and came before it in the published tie-break order.");
    expect(explainNote(note("4"), String, tIn("es"), "points")).toBe("No financiado: cuando llegó su turno solo quedaban 30 del presupuesto. #2 tuvo tantos puntos y quedó antes en el orden de desempate publicado.");
  });

  it("still explains a tie counted before ties were named (the count only)", () => {
    expect(explainNote({ kind: "greedy", tiedWith: 2 }, String, tIn("en"))).toBe(
      "Funded: 2 other projects had as many votes and were not funded; this one came first in the published tie-break order, and it fit the budget.",
    );
  });

  it("gives the plain reason when the tied projects were all funded: the tie-break decided nothing", async () => {
    const note = await notesOf(100n);
    expect(note("2")).toEqual({ kind: "greedy" });
    // "4" also won, and nothing after it had 2 votes.
    expect(note("4")).toEqual({ kind: "greedy" });
    expect(explainNote(note("4"), String, tIn("en"))).toBe("Funded: projects are taken in order of votes, and when its turn came it fit in what was left of the budget.");
  });
});
