import { describe, expect, it } from "vitest";
import { checkBallot, describeBallotRules, selectionTotalCents, whyNoBallotIsValid, type BallotRules } from "~/domain/ballots/rules";
import { tallyRuleName } from "~/domain/cycles/rules-schema";
import { allInWords, inWords, tIn } from "../english";
import { packChoices, unpackChoices } from "~/domain/ballots/draft";

const options = [
  { id: "a", title: "Playground", costCents: 60_000_00 },
  { id: "b", title: "Benches", costCents: 30_000_00 },
  { id: "c", title: "Trees", costCents: 10_000_00 },
  { id: "d", title: "Mural", costCents: 5_000_00 },
];
const knapsack = (budgetCents = 100_000_00, minSpendPercent = 0): BallotRules => ({ method: "knapsack", budgetCents, minSpendPercent });
// The errors as a voter reads them (the rules return translatable messages).
const errorsOf = (check: ReturnType<typeof checkBallot>) => (check.ok ? [] : allInWords(check.errors));

describe("the total of a selection (the voter's running total, the clerk's ticks, the server's check)", () => {
  it("adds the chosen projects once each, and nothing for an id not on the ballot", () => {
    expect(selectionTotalCents(options, ["a", "c"])).toBe(70_000_00);
    expect(selectionTotalCents(options, [])).toBe(0);
    expect(selectionTotalCents(options, ["b", "zz"])).toBe(30_000_00);
  });
});

describe("knapsack ballots", () => {
  it("accept a selection within the budget, an exact fit included", () => {
    expect(checkBallot(knapsack(), options, { ids: ["a", "b", "c"] })).toEqual({ ok: true, totalCents: 100_000_00, selection: ["a", "b", "c"] });
  });

  it("refuse a selection over the budget, say by how much, and keep the selection", () => {
    const check = checkBallot(knapsack(80_000_00), options, { ids: ["a", "b"] });
    expect(check.selection).toEqual(["a", "b"]);
    expect(errorsOf(check)).toEqual([
      "Your selection costs $90,000, which is $10,000 over the district budget of $80,000. Remove a project to continue.",
    ]);
  });

  it("refuse a selection one cent over the budget", () => {
    expect(errorsOf(checkBallot(knapsack(100_000_00 - 1), options, { ids: ["a", "b", "c"] }))).toEqual([
      "Your selection costs $100,000, which is $0.01 over the district budget of $99,999.99. Remove a project to continue.",
    ]);
  });

  it("accept a selection worth exactly the minimum spend, and refuse one cent less", () => {
    // 70% of $100,000 is $70,000: Trees ($10,000) + Playground ($60,000).
    expect(checkBallot(knapsack(100_000_00, 70), options, { ids: ["a", "c"] })).toMatchObject({ ok: true, totalCents: 70_000_00 });
    expect(errorsOf(checkBallot(knapsack(100_000_01, 70), options, { ids: ["a", "c"] }))).toEqual([
      "Your selection costs $70,000. Please choose projects worth at least $70,000.01 (70% of the budget); $0.01 more.",
    ]);
  });

  it("enforce a minimum spend when the cycle sets one", () => {
    expect(errorsOf(checkBallot(knapsack(100_000_00, 70), options, { ids: ["b", "c"] }))).toEqual([
      "Your selection costs $40,000. Please choose projects worth at least $70,000 (70% of the budget); $30,000 more.",
    ]);
    expect(checkBallot(knapsack(100_000_00, 70), options, { ids: ["a", "c"] }).ok).toBe(true);
  });

  it("refuse an empty ballot, unknown projects and duplicates", () => {
    expect(errorsOf(checkBallot(knapsack(), options, { ids: [] }))).toEqual(["Choose at least one project."]);
    expect(errorsOf(checkBallot(knapsack(), options, { ids: ["a", "a", "zzz"] }))).toEqual([
      "A project was chosen twice; each counts once.",
      "Your ballot named a project that is not on this ballot.",
    ]);
  });
});

describe("rules no ballot can meet (checked before voting opens)", () => {
  const money = (cents: number) => `$${cents / 100}`;
  const minSpend = (percent: number, costs: number[]) =>
    whyNoBallotIsValid({ method: "knapsack", budgetCents: 100_00, minSpendPercent: percent }, costs, "North", money);
  it("finds the most a ballot can spend within the budget from any choice of projects, not only the dearest first", () => {
    // 60 + 45 is over 100; 50 + 45 = 95 is the most, which the dearest-first walk (60, then nothing) misses.
    expect(minSpend(95, [60_00, 50_00, 45_00])).toBeNull();
    expect(inWords(minSpend(96, [60_00, 50_00, 45_00])!)).toMatch(/the most any choice of its proposals can spend within the budget is \$95,/);
    // Everything together fits: the whole ballot's cost is the most.
    expect(minSpend(100, [60_00, 40_00])).toBeNull();
  });
  it("lets an approval ballot's minimum be as high as the projects on it, and no higher", () => {
    const approval = (min: number) => whyNoBallotIsValid({ method: "approval", minApprovals: min, maxApprovals: 5 }, [1, 2, 3], "North", money);
    expect(approval(3)).toBeNull();
    expect(inWords(approval(4)!)).toMatch(/at least 4 projects, but only 3 proposals will be on its ballot/);
  });
});

describe("approval ballots", () => {
  const approval: BallotRules = { method: "approval", minApprovals: 2, maxApprovals: 3 };
  it("accept between the minimum and the maximum number of projects, whatever they cost", () => {
    expect(checkBallot(approval, options, { ids: ["a", "b"] }).ok).toBe(true);
    expect(checkBallot(approval, options, { ids: ["a", "b", "c"] }).ok).toBe(true);
  });
  it("refuse an empty ballot, saying what to do", () => {
    const check = checkBallot(approval, options, { ids: [] });
    expect(check.ok).toBe(false);
    expect(errorsOf(check)).toEqual(["Choose at least one project."]);
  });
  it("refuse too few or too many", () => {
    expect(errorsOf(checkBallot(approval, options, { ids: ["a"] }))).toEqual(["Choose at least 2 projects; you chose 1."]);
    expect(errorsOf(checkBallot(approval, options, { ids: ["a", "b", "c", "d"] }))).toEqual(["Choose at most 3 projects; you chose 4. Remove 1."]);
    // One project at most: said in the singular.
    expect(errorsOf(checkBallot({ ...approval, minApprovals: 1, maxApprovals: 1 }, options, { ids: ["a", "b"] }))).toEqual(["Choose at most 1 project; you chose 2. Remove 1."]);
  });
});

describe("ranked ballots", () => {
  const ranked: BallotRules = { method: "ranked", maxRanks: 3 };
  it("accept ranks 1..n and return the projects in rank order", () => {
    expect(checkBallot(ranked, options, { ranks: { a: "2", b: "", c: "1", d: "3" } })).toMatchObject({ ok: true, selection: ["c", "a", "d"] });
  });
  it("refuse gaps, repeats, non-numbers and too many ranks, keeping what was chosen", () => {
    expect(errorsOf(checkBallot(ranked, options, { ranks: { a: "1", c: "3" } }))).toEqual([
      "No project has rank 2: rank your choices in order (1st, 2nd, 3rd…) without leaving one out.",
    ]);
    expect(errorsOf(checkBallot(ranked, options, { ranks: { a: "1", b: "1", c: "2" } }))).toEqual([
      "You gave rank 1 to more than one project. Give each rank once.",
    ]);
    // Both problems at once, so the voter fixes the ballot in one go.
    expect(errorsOf(checkBallot(ranked, options, { ranks: { a: "1", b: "1", c: "4" } }))).toEqual([
      "You gave rank 1 to more than one project. Give each rank once.",
      "No project has ranks 2 and 3: rank your choices in order (1st, 2nd, 3rd…) without leaving one out.",
    ]);
    // Several ranks: listed as the language lists them, in words that agree with the number.
    const twice = checkBallot({ method: "ranked", maxRanks: 4 }, options, { ranks: { a: "1", b: "1", c: "2", d: "2" } });
    expect(errorsOf(twice)).toEqual(["You gave ranks 1 and 2 to more than one project each. Give each rank once."]);
    expect(twice.ok ? [] : twice.errors.map((e) => inWords(e, "es"))).toEqual(["Usted dio las posiciones 1 y 2 a más de un proyecto cada una. Use cada posición una sola vez."]);
    const gaps = checkBallot(ranked, options, { ranks: { a: "3" } });
    expect(gaps.ok ? [] : gaps.errors.map((e) => inWords(e, "es"))).toEqual(["Ningún proyecto tiene las posiciones 1 y 2: ordene sus opciones (1.ª, 2.ª, 3.ª…) sin saltarse ninguna."]);
    // Each project with a shared or unreadable rank gets its own message, to show beside it.
    const repeat = checkBallot(ranked, options, { ranks: { a: "1", b: "1", c: "2", d: "x" } });
    expect(repeat.ok ? {} : Object.fromEntries(Object.entries(repeat.problems).map(([id, m]) => [id, inWords(m)]))).toEqual({
      a: "Rank 1 is also given to another project: give each project its own rank.",
      b: "Rank 1 is also given to another project: give each project its own rank.",
      d: "Not a rank: use a whole number from 1.",
    });
    expect(errorsOf(checkBallot(ranked, options, { ranks: { a: "first" } }))[0]).toMatch(/whole number/);
    const four = checkBallot(ranked, options, { ranks: { a: "1", b: "2", c: "3", d: "4" } });
    expect(errorsOf(four)).toEqual(["You can rank at most 3 projects; you ranked 4."]);
    expect(four.selection).toEqual(["a", "b", "c", "d"]);
  });
  it("refuse a ballot with no rank", () => {
    expect(errorsOf(checkBallot(ranked, options, { ranks: { a: "", b: "" } }))).toEqual(["Rank at least one project: put 1 next to your first choice."]);
  });
});

describe("the rules in plain words", () => {
  it("describe each method", () => {
    expect(inWords(describeBallotRules(knapsack(100_000_00, 70)))).toBe("Choose projects whose total cost is between 70% of the budget and the whole budget of $100,000.");
    expect(inWords(describeBallotRules({ method: "approval", minApprovals: 1, maxApprovals: 5 }))).toBe("Choose between 1 and 5 projects.");
    expect(inWords(describeBallotRules({ method: "approval", minApprovals: 1, maxApprovals: 1 }))).toBe("Choose exactly 1 project.");
    expect(inWords(describeBallotRules({ method: "ranked", maxRanks: 3 }))).toBe("Rank up to 3 projects: 1 for your first choice, 2 for your second, and so on.");
    expect(inWords(describeBallotRules(knapsack(100_000_00), "USD", { perDistrict: true }))).toBe("Choose any projects whose total cost fits the budget of your district.");
  });

  it("say them in Spanish too, amounts included", () => {
    expect(inWords(describeBallotRules({ method: "approval", minApprovals: 1, maxApprovals: 5 }), "es")).toBe("Elija entre 1 y 5 proyectos.");
    const over = checkBallot(knapsack(80_000_00), options, { ids: ["a", "b"] }, "USD", "es-US");
    expect(over.ok ? [] : allInWords(over.errors, "es")).toEqual([
      "Su selección cuesta $90,000, es decir, $10,000 más que el presupuesto del distrito, que es de $80,000. Quite un proyecto para continuar.",
    ]);
  });
});

describe("the counting rule's name", () => {
  it("says points for greedy on ranked ballots, votes otherwise, and shows an unknown rule as stored", () => {
    const t = tIn("en");
    expect(tallyRuleName(t, "greedy", "ranked")).toBe("Greedy: most points first, within the budget");
    expect(tallyRuleName(t, "greedy", "knapsack")).toBe("Greedy: most votes first, within the budget");
    expect(tallyRuleName(t, "mes-add1", "ranked")).toBe("Method of Equal Shares, completed (Add1, then greedy)");
    expect(tallyRuleName(t, "borda", "ranked")).toBe("borda");
    expect(tallyRuleName(tIn("es"), "greedy", "ranked")).toBe("Por puntos: primero los que suman más puntos, dentro del presupuesto");
  });
});

describe("a ballot kept between its steps (the voter's cookie)", () => {
  const ids = Array.from({ length: 60 }, (_, i) => `cm${String(i).padStart(3, "0")}x7k2p9q4r8s6t1u3v5w`);
  it("gives back what the voter ticked or ranked, blanks and typos included", () => {
    const ticked = { ids: [ids[41], ids[3], ids[17]] };
    expect(unpackChoices(packChoices(ticked, ids), ids, "approval")).toEqual(ticked);
    const ranks = Object.fromEntries(ids.map((id) => [id, ""]));
    Object.assign(ranks, { [ids[5]]: "1", [ids[9]]: "1", [ids[30]]: "two", [ids[59]]: "3" });
    expect(unpackChoices(packChoices({ ranks }, ids), ids, "ranked")).toEqual({ ranks });
    // Spaces around a rank are dropped, and a long mistake is cut short but stays a mistake.
    const typed = { ...ranks, [ids[59]]: " 3 ", [ids[30]]: "twelve" };
    expect(unpackChoices(packChoices({ ranks: typed }, ids), ids, "ranked")).toEqual({ ranks: { ...ranks, [ids[30]]: "twel" } });
  });
  it("keeps a fully ranked 60-project ballot small enough for a cookie (browsers drop one over 4 KB, and the choices with it)", () => {
    const ranks = Object.fromEntries(ids.map((id, i) => [id, String(i + 1)]));
    const packed = packChoices({ ranks }, ids);
    expect(JSON.stringify(packed).length).toBeLessThan(1000);
  });
  it("leaves out projects no longer on the ballot", () => {
    const packed = packChoices({ ids: [ids[1], ids[2]] }, ids);
    const fewer = ids.slice(0, 2);
    expect(unpackChoices(packed, fewer, "knapsack")).toEqual({ ids: [ids[1]] });
  });
});
