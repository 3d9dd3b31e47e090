import { describe, expect, it } from "vitest";
import { boxHasRoom, inClerkWords, paperBoxBalance, siteAsKnown } from "~/domain/ballots/paper";
import { message } from "~/i18n/message";
import { inWords } from "../english";
import { paperSite } from "~/domain/ballots/schema";

describe("a polling site's ballot box", () => {
  it("gives no more ballots, counted or spoiled, than voters checked in", () => {
    expect(boxHasRoom({ checkedIn: 0, ballots: 0, spoiled: 0 })).toBe(false);
    expect(boxHasRoom({ checkedIn: 2, ballots: 1, spoiled: 0 })).toBe(true);
    expect(boxHasRoom({ checkedIn: 2, ballots: 1, spoiled: 1 })).toBe(false);
    expect(boxHasRoom({ checkedIn: 2, ballots: 0, spoiled: 2 })).toBe(false);
  });

  it("balances each site and district, by site then the cycle's district order, with what is still to enter", () => {
    const districts = [{ id: "n", name: "North" }, { id: "s", name: "South" }];
    const rows = paperBoxBalance(
      districts,
      [{ site: "Library", districtId: "s", count: 1 }, { site: "Library", districtId: "n", count: 3 }, { site: "Arena", districtId: "n", count: 1 }, { site: "Gone", districtId: "other-cycle", count: 4 }],
      [{ site: "Library", districtId: "n", ballots: 1, spoiled: 1 }, { site: "Library", districtId: "s", ballots: 0, spoiled: 0 }],
    );
    expect(rows).toEqual([
      { site: "Arena", districtId: "n", district: "North", checkedIn: 1, ballots: 0, spoiled: 0, waiting: 1 },
      { site: "Library", districtId: "n", district: "North", checkedIn: 3, ballots: 1, spoiled: 1, waiting: 1 },
      { site: "Library", districtId: "s", district: "South", checkedIn: 1, ballots: 0, spoiled: 0, waiting: 1 },
    ]);
    // Boxes filled before check-ins counted (entered with the code, before the two steps): never below zero.
    expect(paperBoxBalance(districts, [], [{ site: "Old", districtId: "n", ballots: 2, spoiled: 0 }])[0].waiting).toBe(0);
  });
});

describe("a polling site typed by a clerk", () => {
  it("is the site already known when only case or spacing differ, else what was typed, tidied", () => {
    const known = ["Eastgate Library", "City Hall"];
    expect(siteAsKnown("eastgate   LIBRARY", known)).toBe("Eastgate Library");
    expect(siteAsKnown("City  Hall", known)).toBe("City Hall");
    expect(siteAsKnown("Eastgate  School", known)).toBe("Eastgate School");
    expect(siteAsKnown("Eastgate Library 2", known)).toBe("Eastgate Library 2");
  });

  it("is read with its inner spaces made one", () => {
    expect(paperSite.parse("  Eastgate \t  Library ")).toBe("Eastgate Library");
    expect(paperSite.safeParse("   ").success).toBe(false);
  });
});

describe("the rules' problems on the clerk's page", () => {
  it("speak of the paper ballot and the voter's letter, not of 'your selection' and 'your letter'", () => {
    const over = message("vote:errors.overBudget", { total: "$70,000", over: "$20,000", budget: "$50,000" });
    expect(inWords(over)).toMatch(/Remove a project to continue/);
    expect(inWords(inClerkWords(over))).toBe(
      "This ballot's ticks cost $70,000, which is $20,000 over the district budget of $50,000: it cannot be counted as marked. Check the ticks against the paper; if they are right, record it as spoiled (over the budget).",
    );
    expect(inWords(inClerkWords(message("vote:errors.enterCode")))).toBe("Enter the voter code printed on the voter's letter.");
    expect(inWords(inClerkWords(message("vote:errors.code.unknown")), "es")).toBe("No encontramos ese código de votante. Compárelo con la carta del votante.");
    // Problems that already speak to no one in particular stay as they are.
    expect(inClerkWords(message("vote:errors.code.used"))).toBe(message("vote:errors.code.used"));
    expect(inClerkWords("plain text")).toBe("plain text");
  });
});

describe("a site stored before sites were matched", () => {
  it("is reached when typed exactly as stored, even beside another spelling of it", () => {
    expect(siteAsKnown("site a", ["Site A", "site a"])).toBe("site a");
    expect(siteAsKnown("SITE A", ["Site A", "site a"])).toBe("Site A");
    expect(siteAsKnown("Site A", ["Site  A"])).toBe("Site  A");
  });
});
