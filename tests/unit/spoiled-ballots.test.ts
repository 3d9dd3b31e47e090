import { describe, expect, it } from "vitest";
import { checkBallot, type BallotCheck, type BallotRules } from "~/domain/ballots/rules";
import { readSpoiledEntry, SPOILED_NOTE_MAX, spoiledByDistrict, suggestedSpoiledReason } from "~/domain/ballots/spoiled";
import { decodeMessage } from "~/i18n/message";

const keysOf = (errors: Record<string, string[] | undefined>) =>
  Object.fromEntries(Object.entries(errors).map(([field, list]) => [field, list?.map((e) => decodeMessage(e)?.key)]));

describe("reading a spoiled paper ballot", () => {
  const typed = { site: "Eastgate Library", districtId: "d1", reason: "blank", note: "" };

  it("accepts a district and a reason, the note being optional, trimmed, and never keeps a code (it comes from the box)", () => {
    expect(readSpoiledEntry({ ...typed, code: "ABCD-EFGH-JKMN", note: " torn corner " })).toEqual({
      ok: true,
      entry: { site: "Eastgate Library", districtId: "d1", reason: "blank", note: "torn corner" },
    });
    expect(readSpoiledEntry({ site: "Eastgate Library", districtId: "d1", reason: "over-budget" })).toEqual({
      ok: true,
      entry: { site: "Eastgate Library", districtId: "d1", reason: "over-budget", note: "" },
    });
  });

  it("refuses no district, an unknown reason and no site, each by its field", () => {
    const read = readSpoiledEntry({ site: "", districtId: "", reason: "coffee stain" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(keysOf(read.errors)).toEqual({
      site: ["vote:paper.errors.site"],
      districtId: ["vote:spoiled.errors.district"],
      reason: ["vote:spoiled.errors.reason"],
    });
    expect(keysOf((readSpoiledEntry({ ...typed, reason: undefined }) as { errors: Record<string, string[]> }).errors)).toEqual({ reason: ["vote:spoiled.errors.reason"] });
  });

  it("refuses a note that names one of the cycle's voter codes, whole or in part, however it is written: the ballot must not say whose it was", () => {
    const issued = ["ACDE-FGHJ-KMNP", "QRTU-VWXY-3467"];
    for (const note of ["Voter ACDE-FGHJ-KMNP asked for a new one", "acdefghjkmnp", "code acde fghj  kmnp, torn", "ACDE.FGHJ.KMNP", "from FGHJ–KMNP", "qrtu vwxy"]) {
      const read = readSpoiledEntry({ ...typed, reason: "other", note }, issued);
      expect(read.ok ? {} : keysOf(read.errors), note).toEqual({ note: ["vote:spoiled.errors.noteCode"] });
    }
    // Ordinary words are never taken for a code: only codes actually issued are looked for.
    for (const note of ["Torn in half", "Returned unmarked card", "they were each torn", "Hand-made ballot, not ours"]) {
      expect(readSpoiledEntry({ ...typed, reason: "other", note }, issued).ok, note).toBe(true);
    }
  });

  it("needs a note saying why for 'other', also beside the other problems", () => {
    for (const note of ["", "   "]) {
      const read = readSpoiledEntry({ ...typed, reason: "other", note });
      expect(read.ok ? {} : keysOf(read.errors)).toEqual({ note: ["vote:spoiled.errors.note"] });
    }
    const both = readSpoiledEntry({ ...typed, districtId: "", reason: "other" });
    expect(both.ok ? {} : keysOf(both.errors)).toEqual({ districtId: ["vote:spoiled.errors.district"], note: ["vote:spoiled.errors.note"] });
    expect(readSpoiledEntry({ ...typed, reason: "other", note: "Voted with a pencil sketch of a bridge" }).ok).toBe(true);
  });

  it("refuses a note past the limit, saying the limit", () => {
    expect(readSpoiledEntry({ ...typed, note: "x".repeat(SPOILED_NOTE_MAX) }).ok).toBe(true);
    const long = readSpoiledEntry({ ...typed, note: "x".repeat(SPOILED_NOTE_MAX + 1) });
    if (long.ok) throw new Error("a note past the limit was accepted");
    expect(keysOf(long.errors)).toEqual({ note: ["vote:spoiled.errors.noteLong"] });
    expect(decodeMessage(long.errors.note![0])?.values).toEqual({ max: SPOILED_NOTE_MAX });
  });
});

describe("the reason offered for a paper ballot the rules refused", () => {
  const options = [
    { id: "a", title: "A", costCents: 60_00 },
    { id: "b", title: "B", costCents: 50_00 },
    { id: "c", title: "C", costCents: 10_00 },
  ];
  const refused = (rules: BallotRules, submission: Parameters<typeof checkBallot>[2]) => {
    const check = checkBallot(rules, options, submission);
    if (check.ok) throw new Error("the ballot was accepted");
    return check as Extract<BallotCheck, { ok: false }>;
  };
  const knapsack: BallotRules = { method: "knapsack", budgetCents: 100_00, minSpendPercent: 50 };
  const approval: BallotRules = { method: "approval", minApprovals: 2, maxApprovals: 2 };
  const ranked: BallotRules = { method: "ranked", maxRanks: 2 };

  it("is 'blank' for a ballot with nothing marked, whatever the method", () => {
    expect(suggestedSpoiledReason(knapsack, refused(knapsack, { ids: [] }))).toBe("blank");
    expect(suggestedSpoiledReason(approval, refused(approval, { ids: [] }))).toBe("blank");
    expect(suggestedSpoiledReason(ranked, refused(ranked, { ranks: { a: "", b: "" } }))).toBe("blank");
  });

  it("is 'over the budget' for a knapsack ballot that costs too much", () => {
    expect(suggestedSpoiledReason(knapsack, refused(knapsack, { ids: ["a", "b"] }))).toBe("over-budget");
  });

  it("is 'unreadable or marked twice' for a rank given twice or not a number", () => {
    expect(suggestedSpoiledReason(ranked, refused(ranked, { ranks: { a: "1", b: "1" } }))).toBe("unreadable");
    expect(suggestedSpoiledReason(ranked, refused(ranked, { ranks: { a: "x" } }))).toBe("unreadable");
  });

  it("is 'too many or too few choices' otherwise", () => {
    expect(suggestedSpoiledReason(approval, refused(approval, { ids: ["a", "b", "c"] }))).toBe("choices");
    expect(suggestedSpoiledReason(approval, refused(approval, { ids: ["a"] }))).toBe("choices");
    expect(suggestedSpoiledReason(ranked, refused(ranked, { ranks: { a: "1", b: "2", c: "3" } }))).toBe("choices");
    expect(suggestedSpoiledReason(knapsack, refused(knapsack, { ids: ["c"] }))).toBe("choices"); // under the minimum spend
  });
});

describe("spoiled ballots by district", () => {
  const districts = [
    { id: "n", name: "North" },
    { id: "s", name: "South" },
    { id: "e", name: "East" },
  ];

  it("counts each district's reasons, every reason present, and leaves out districts with none", () => {
    const rows = spoiledByDistrict(districts, [
      { districtId: "n", reason: "blank", count: 2 },
      { districtId: "s", reason: "over-budget", count: 1 },
      { districtId: "n", reason: "other", count: 1 },
      { districtId: "elsewhere", reason: "blank", count: 9 },
    ]);
    expect(rows).toEqual([
      { district: "North", byReason: { "over-budget": 0, choices: 0, unreadable: 0, blank: 2, other: 1 }, total: 3 },
      { district: "South", byReason: { "over-budget": 1, choices: 0, unreadable: 0, blank: 0, other: 0 }, total: 1 },
    ]);
  });

  it("counts a reason it does not know as 'other', so the total is every ballot recorded", () => {
    const [north] = spoiledByDistrict(districts, [{ districtId: "n", reason: "torn", count: 2 }, { districtId: "n", reason: "other", count: 1 }]);
    expect(north).toMatchObject({ byReason: { other: 3 }, total: 3 });
  });
});
