import { describe, expect, it } from "vitest";
import { checkIdeaImport, ideaImportTemplate } from "~/domain/ideas/import";
import { decodeMessage } from "~/i18n/message";

const cycle = {
  districts: [{ id: "d-north", name: "Northside" }, { id: "d-river", name: "Riverside" }],
  categories: [{ id: "c-parks", name: "Parks" }, { id: "c-streets", name: "Streets & safety" }],
  existing: [{ title: "Benches along the river path", districtId: "d-river", number: 7 }],
};
const HEADER = "title,description,district,category,location,source,source_note";
const good = 'Shade trees at the bus stop,"Waiting for the 12 bus in summer is brutal; plant trees, please.",Northside,Parks,Elm St stop,assembly,March assembly';
const keyOf = (text: string) => decodeMessage(text)?.key;

describe("importing ideas from CSV", () => {
  it("accepts good rows, matching districts and categories by name whatever the case and spacing", () => {
    const check = checkIdeaImport(`${HEADER}\n${good}\n"A crossing, finally","A zebra crossing near the school gate on Oak Avenue would keep kids safe.", riverside ,streets & SAFETY,,paper,`, cycle);
    expect(check.fileProblems).toEqual([]);
    expect(check.valid).toEqual([
      { title: "Shade trees at the bus stop", description: "Waiting for the 12 bus in summer is brutal; plant trees, please.", districtId: "d-north", categoryId: "c-parks", location: "Elm St stop", source: "assembly", sourceNote: "March assembly" },
      { title: "A crossing, finally", description: "A zebra crossing near the school gate on Oak Avenue would keep kids safe.", districtId: "d-river", categoryId: "c-streets", location: "", source: "paper", sourceNote: "" },
    ]);
  });

  it("reports each bad row by spreadsheet row and column, with every problem of the row", () => {
    const check = checkIdeaImport(`${HEADER}\n${good}\nHi,too short,Southside,,,,\n`, cycle);
    expect(check.valid).toHaveLength(1);
    const bad = check.rows.find((r) => r.row === 3)!;
    expect(bad.idea).toBeNull();
    expect(bad.problems.filter((p) => p.column === "district" || p.column === "category").map((p) => keyOf(p.message))).toEqual([
      "imports:problems.unknownDistrict",
      "imports:problems.categoryRequired",
    ]);
    expect(bad.problems.map((p) => p.column)).toEqual(["title", "description", "district", "category"]);
    expect(decodeMessage(bad.problems[2].message)?.values).toEqual({ name: "Southside", names: "Northside, Riverside" });
  });

  it("flags an idea the cycle already has and a row repeated in the file, so a file imported twice adds nothing", () => {
    const again = 'Benches along the river path,"Three benches between the bridge and the library, please.",Riverside,Parks,,paper,';
    const check = checkIdeaImport(`${HEADER}\n${good}\n${again}\n${good}`, cycle);
    expect(check.rows.map((r) => r.problems.map((p) => keyOf(p.message)))).toEqual([[], ["imports:problems.alreadyAnIdea"], ["imports:problems.repeatedRow"]]);
    expect(decodeMessage(check.rows[2].problems[0].message)?.values).toEqual({ row: 2 });
  });

  it("sees the same title with a full stop, a comma or an exclamation mark as the same idea, but not one with other accents", () => {
    const stop = 'Benches along the river path.,"Three benches between the bridge and the library, please.",Riverside,Parks,,paper,';
    const shout = '"Benches, along the river path!","Three benches between the bridge and the library, please.",Riverside,Parks,,paper,';
    const check = checkIdeaImport(`${HEADER}\n${stop}\n${shout}`, cycle);
    expect(check.rows.map((r) => r.problems.map((p) => keyOf(p.message)))).toEqual([["imports:problems.alreadyAnIdea"], ["imports:problems.alreadyAnIdea", "imports:problems.repeatedRow"]]);
    const accents = checkIdeaImport(`${HEADER}\nBanco en el año nuevo,"Un banco para el parque del barrio, por favor.",Riverside,Parks,,paper,\nBanco en el ano nuevo,"Un banco para el parque del barrio, por favor.",Riverside,Parks,,paper,`, cycle);
    expect(accents.rows.map((r) => r.problems.length)).toEqual([0, 0]);
  });

  it("refuses a file with a missing or unknown column before looking at any row", () => {
    const check = checkIdeaImport("title,desc,district,category\nx,y,Northside,Parks", cycle);
    expect(check.rows).toEqual([]);
    expect(check.fileProblems.map((p) => [p.column, keyOf(p.message)])).toEqual([
      ["description", "imports:problems.missingColumn"],
      ["desc", "imports:problems.unknownColumn"],
    ]);
  });

  it("answers empty files, header-only files, a row with a stray comma and an unknown source in words", () => {
    expect(checkIdeaImport("", cycle).fileProblems.map((p) => keyOf(p.message))).toEqual(["imports:problems.empty"]);
    expect(checkIdeaImport(`${HEADER}\n`, cycle).fileProblems.map((p) => keyOf(p.message))).toEqual(["imports:problems.noRows"]);
    const check = checkIdeaImport(`${HEADER}\n${good},extra\n${good.replace("assembly", "email").replace("Shade", "More shade")}`, cycle);
    expect(check.rows[0].problems.map((p) => keyOf(p.message))).toEqual(["imports:problems.cellCount"]);
    expect(check.rows[1].problems.map((p) => [p.column, keyOf(p.message)])).toEqual([["source", "imports:problems.badSource"]]);
  });

  it("refuses a file with a quotation mark never closed, naming its line, instead of swallowing the ideas after it", () => {
    const check = checkIdeaImport(`${HEADER}\n${good}\n"Swings for the park,New swings,Riverside,Parks,,,\n${good.replace("Shade", "More shade")}\n`, cycle);
    expect(check.valid).toEqual([]);
    expect(check.fileProblems.map((p) => [p.row, keyOf(p.message)])).toEqual([[3, "imports:problems.unclosedQuote"]]);
    // Never closed at all, on the last row.
    const last = checkIdeaImport(`${HEADER}\n${good}\nSwings,"New swings for the park,Riverside,Parks,,,\n`, cycle);
    expect(last.fileProblems.map((p) => [p.row, keyOf(p.message)])).toEqual([[3, "imports:problems.unclosedQuote"]]);
  });

  it("reads a spreadsheet's UTF-8 BOM, CRLF line ends and quoted multi-line descriptions", () => {
    const check = checkIdeaImport(`\uFEFF${HEADER}\r\nLights on the footbridge,"It is dark at night.\r\nPeople avoid it after 6pm.",Riverside,Streets & safety,,,\r\n`, cycle);
    expect(check.fileProblems).toEqual([]);
    expect(check.valid[0]?.description).toBe("It is dark at night.\r\nPeople avoid it after 6pm.");
  });

  it("offers a template that passes its own check for the cycle it was made for", () => {
    const template = ideaImportTemplate(cycle);
    expect(template.split("\r\n")[0]).toBe(HEADER);
    expect(checkIdeaImport(template, { ...cycle, existing: [] }).valid).toHaveLength(1);
  });
});
