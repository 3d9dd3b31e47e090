import { describe, expect, it } from "vitest";
import { representation, surveyBreakdown, turnout } from "~/domain/participation/representation";
import { equitySplit, parseNeedWeight, parsePopulation } from "~/domain/participation/split";
import { ethnicityChoices, percentToBasisPoints, readCategoryNames, readCensusForm, readSurveyForm, type SurveyAnswer } from "~/domain/participation/survey";
import { CHANNEL_KEYS } from "~/components/participation-labels";
import { inWords, tIn } from "../english";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("equity-weighted budget split", () => {
  it("splits in proportion to population × need weight, in exact cents", () => {
    const r = equitySplit(1_000_00, [
      { population: 1000, needWeight: 100 },
      { population: 1000, needWeight: 300 },
    ]);
    expect(r).toEqual({ ok: true, shares: [250_00, 750_00] });
  });

  it("gives leftover cents to the largest remainders so the shares add up to the total", () => {
    // Three equal districts: 100 cents → 34, 33, 33 (tie on remainder and weight: listed first wins).
    expect(equitySplit(100, [1, 1, 1].map(() => ({ population: 10, needWeight: 100 })))).toEqual({ ok: true, shares: [34, 33, 33] });
    // Exact shares 1/7 and 6/7 of 1,000 cents are 142.857… and 857.142…: the larger remainder (.857) gets the cent.
    expect(equitySplit(1000, [{ population: 1, needWeight: 100 }, { population: 6, needWeight: 100 }])).toEqual({ ok: true, shares: [143, 857] });
  });

  it("always adds up to the total, whatever the inputs", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const districts = Array.from({ length: 1 + Math.floor(rnd() * 9) }, () => ({ population: Math.floor(rnd() * 100_000), needWeight: Math.floor(rnd() * 400) }));
      if (!districts.some((d) => d.population * d.needWeight > 0)) districts[0] = { population: 1, needWeight: 1 };
      const total = Math.floor(rnd() * 10 ** (2 + Math.floor(rnd() * 10)));
      const r = equitySplit(total, districts);
      if (!r.ok) throw new Error(r.error);
      expect(sum(r.shares)).toBe(total);
      // Each share is within one cent of its exact value.
      const weight = sum(districts.map((d) => d.population * d.needWeight));
      r.shares.forEach((s, i) => expect(Math.abs(s - (total * districts[i].population * districts[i].needWeight) / weight)).toBeLessThan(1 + 1e-6));
      districts.forEach((d, i) => d.population * d.needWeight === 0 && expect(r.shares[i]).toBe(0));
    }
  });

  it("is exact beyond floating point (billions of dollars, big populations)", () => {
    const r = equitySplit(999_999_999_999_99, [{ population: 9_876_543, needWeight: 1_33 }, { population: 1_234_567, needWeight: 2_71 }, { population: 5, needWeight: 1 }]);
    expect(r.ok && sum(r.shares)).toBe(999_999_999_999_99);
  });

  it("refuses what cannot be split", () => {
    expect(equitySplit(100, [])).toMatchObject({ ok: false, error: "participation:split.errors.noDistricts" });
    expect(equitySplit(100, [{ population: 0, needWeight: 100 }])).toMatchObject({ ok: false, error: "participation:split.errors.allZero" });
    expect(equitySplit(-1, [{ population: 1, needWeight: 100 }])).toMatchObject({ ok: false, error: "participation:split.errors.total" });
    expect(equitySplit(100, [{ population: -1, needWeight: 100 }])).toMatchObject({ ok: false, error: "participation:split.errors.negative" });
  });

  it("reads weights and populations as people type them", () => {
    expect(parseNeedWeight("1")).toBe(100);
    expect(parseNeedWeight("1.25")).toBe(125);
    expect(parseNeedWeight("1,5")).toBe(150);
    expect(parseNeedWeight("-1")).toBeNull();
    expect(parseNeedWeight("1.234")).toBeNull();
    expect(parseNeedWeight("101")).toBeNull();
    expect(parsePopulation("42,000")).toBe(42_000);
    expect(parsePopulation("4.2")).toBeNull();
  });
});

describe("survey answers against census shares", () => {
  const answer = (a: Partial<SurveyAnswer>): SurveyAnswer => ({ ageBand: "", gender: "", homeLanguage: "", ethnicities: [], firstTime: "", ...a });

  it("marks a group under-represented below 80% of its census share, among those who answered", () => {
    const answers = [
      ...Array.from({ length: 8 }, () => answer({ homeLanguage: "english" })),
      ...Array.from({ length: 2 }, () => answer({ homeLanguage: "spanish" })),
      answer({}), // did not answer the question: not in the denominator
    ];
    const rows = representation(answers, { homeLanguage: { english: 60_00, spanish: 30_00 } }, []);
    const language = rows.find((q) => q.question === "homeLanguage")!;
    expect(language.answered).toBe(10);
    const spanish = language.rows.find((r) => r.answer === "spanish")!;
    expect(spanish).toMatchObject({ count: 2, surveyShare: 0.2, censusShare: 0.3, underRepresented: true });
    expect(language.rows.find((r) => r.answer === "english")).toMatchObject({ surveyShare: 0.8, underRepresented: false });
    // No census share: never marked.
    expect(language.rows.find((r) => r.answer === "arabic")).toMatchObject({ censusShare: null, underRepresented: false });
  });

  it("treats exactly 80% of the census share as represented", () => {
    const answers = [answer({ gender: "woman" }), answer({ gender: "woman" }), answer({ gender: "woman" }), answer({ gender: "woman" }), ...Array.from({ length: 6 }, () => answer({ gender: "man" }))];
    const gender = representation(answers, { gender: { woman: 50_00 } }, []).find((q) => q.question === "gender")!;
    expect(gender.rows.find((r) => r.answer === "woman")).toMatchObject({ surveyShare: 0.4, underRepresented: false });
  });

  it("counts several ethnicity categories per person", () => {
    const answers = [answer({ ethnicities: ["A", "B"] }), answer({ ethnicities: ["A"] }), answer({})];
    const eth = representation(answers, { ethnicity: { B: 70_00 } }, ["A", "B"]).find((q) => q.question === "ethnicity")!;
    expect(eth.answered).toBe(2);
    expect(eth.rows).toMatchObject([{ answer: "A", count: 2, surveyShare: 1 }, { answer: "B", count: 1, surveyShare: 0.5, underRepresented: true }]);
  });

  it("computes turnout only where a population is known", () => {
    expect(turnout([{ name: "N", population: 200, voters: 50 }, { name: "S", population: 0, voters: 3 }])).toEqual([
      { district: "N", population: 200, voters: 50, turnout: 0.25 },
      { district: "S", population: 0, voters: 3, turnout: null },
    ]);
  });

  it("reads the survey form and refuses answers that are not on it", () => {
    const form = new FormData();
    form.set("ageBand", "25to34");
    form.append("ethnicities", "A");
    expect(readSurveyForm(form, ["A", "B"])).toMatchObject({ success: true, data: { ageBand: "25to34", gender: "", ethnicities: ["A"] } });
    form.set("gender", "robot");
    form.append("ethnicities", "Z");
    const bad = readSurveyForm(form, ["A", "B"]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["ethnicities", "gender"]);
  });

  it("reads census percentages and refuses shares over 100%", () => {
    expect(percentToBasisPoints("12.5")).toBe(12_50);
    expect(percentToBasisPoints("12,5%")).toBe(12_50);
    // As Spanish writes it: a space, or a no-break space, before the sign.
    expect(percentToBasisPoints("50 %")).toBe(50_00);
    expect(percentToBasisPoints("12,5\u00a0%")).toBe(12_50);
    expect(percentToBasisPoints("")).toBeNull();
    expect(percentToBasisPoints("101")).toBe("invalid");
    const form = new FormData();
    form.set("census.gender.0", "51");
    form.set("census.gender.1", "49");
    form.set("census.ethnicity.0", "70");
    form.set("census.ethnicity.1", "40"); // categories overlap: may add up to more than 100%
    expect(readCensusForm(form, ["A", "B"])).toEqual({ ok: true, census: { gender: { woman: 51_00, man: 49_00 }, ethnicity: { A: 70_00, B: 40_00 } } });
    form.set("census.gender.2", "5");
    form.set("census.ageBand.0", "abc");
    expect(readCensusForm(form, ["A", "B"])).toEqual({
      ok: false,
      errors: { "census.gender": "participation:setup.errors.over100", "census.ageBand.0": "participation:setup.errors.percent" },
    });
  });
});

describe("the survey's categories in Spanish", () => {
  const categories = ["Asian", "Hispanic or Latino", "White"];

  it("are read one a line, as many as the categories; empty means shown as written", () => {
    expect(readCategoryNames(" Asiático \n\nHispano o latino\nBlanco\n", categories)).toEqual({ ok: true, names: ["Asiático", "Hispano o latino", "Blanco"] });
    expect(readCategoryNames("  \n", categories)).toEqual({ ok: true, names: null });
    const short = readCategoryNames("Asiático\nBlanco", categories);
    expect(short.ok ? null : inWords(short.error)).toBe("Give 3 Spanish names, one a line, in the same order as the categories (2 given).");
    const long = readCategoryNames(`Asiático\n${"x".repeat(81)}\nBlanco`, categories);
    expect(long.ok ? null : inWords(long.error)).toBe("Keep each category under 80 characters.");
  });

  it("label the voter's choices in their language, the value staying the category as written", () => {
    const names = { es: ["Asiático", "Hispano o latino", "Blanco"] };
    expect(ethnicityChoices(categories, names, "es")[1]).toEqual({ value: "Hispanic or Latino", label: "Hispano o latino" });
    expect(ethnicityChoices(categories, names, "en")[1]).toEqual({ value: "Hispanic or Latino", label: "Hispanic or Latino" });
    // Names left from before the categories changed (another count) are not used: better English than a wrong label.
    expect(ethnicityChoices([...categories, "Another group"], names, "es")[0]).toEqual({ value: "Asian", label: "Asian" });
  });
});

describe("the survey breakdown on the dashboard", () => {
  const answer: SurveyAnswer = { ageBand: "25to34", gender: "", homeLanguage: "spanish", ethnicities: [], firstTime: "" };
  it("is withheld under ten answers, so no one's answers can be picked out, and shown from ten", () => {
    expect(surveyBreakdown([], {}, [])).toEqual({ tooFewAnswers: false, representation: [] });
    expect(surveyBreakdown(Array(9).fill(answer), {}, [])).toEqual({ tooFewAnswers: true, representation: [] });
    const ten = surveyBreakdown(Array(10).fill(answer), {}, []);
    expect(ten.tooFewAnswers).toBe(false);
    expect(ten.representation.find((q) => q.question === "homeLanguage")?.answered).toBe(10);
  });
});

describe("the dashboard's names for how people voted", () => {
  it("names account voting in both languages, not as the stored code", () => {
    expect(tIn("en")(CHANNEL_KEYS.account)).toBe("Account and declaration");
    expect(tIn("es")(CHANNEL_KEYS.account)).toBe("Cuenta y declaración");
    for (const channel of ["online", "paper"]) expect(tIn("es")(CHANNEL_KEYS[channel])).not.toContain("participation:");
  });
});
