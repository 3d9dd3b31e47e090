import { describe, expect, it } from "vitest";
import { encodeChoices, readChoiceGroups } from "~/domain/ballots/choices";

const idText = ["", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];

describe("reading a district's grouped ballots", () => {
  it("gives each distinct ballot with its voters, as the tally counts them", () => {
    expect(readChoiceGroups("1,4:12;10,2:5;:3", idText)).toEqual([
      { choices: "1,4", ids: ["1", "4"], count: 12 },
      { choices: "10,2", ids: ["10", "2"], count: 5 }, // ranked: rank order kept
      { choices: "", ids: [], count: 3 }, // an empty ballot still counts as a voter
    ]);
  });
  it("reads back what the ballot box stores", () => {
    const stored = encodeChoices([12, 3, 7], false);
    expect(readChoiceGroups(`${stored}:1`, idText)).toEqual([{ choices: "3,7,12", ids: ["3", "7", "12"], count: 1 }]);
  });
  it("counts nothing for a proposal no longer on the ballot, but keeps the voter and the stored text", () => {
    const withoutFive = idText.map((t) => (t === "5" ? undefined : t));
    expect(readChoiceGroups("2,5,9:4", withoutFive)).toEqual([{ choices: "2,5,9", ids: ["2", "9"], count: 4 }]);
  });
  it("reads nothing from an empty district", () => {
    expect(readChoiceGroups("", idText)).toEqual([]);
  });
  it("refuses text that is not choices and counts", () => {
    expect(() => readChoiceGroups("1,2", idText)).toThrow(/unexpected/);
    expect(() => readChoiceGroups("1;2:3", idText)).toThrow(/unexpected ";"/);
    expect(() => readChoiceGroups("1:x", idText)).toThrow(/count is not a number/);
  });
});
