import { describe, expect, it } from "vitest";
import { boxHasRoom, paperBoxBalance, siteAsKnown } from "~/domain/ballots/paper";
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
