import { describe, expect, it } from "vitest";
import { blockersToAdvance as blockerMessages, nextPhase, votingOpeningFixed, warningsBeforeAdvance, type CycleSnapshot } from "~/domain/cycles/phases";
import { ballotRulesLockedReason, cyclePermissions } from "~/domain/cycles/permissions";
import type { Actor } from "~/domain/auth/roles";
import { allInWords, inWords } from "../english";

// The blockers as the PB office reads them (the guard returns translatable messages).
const blockersToAdvance = (cycle: CycleSnapshot) => allInWords(blockerMessages(cycle));

const base: CycleSnapshot = {
  phase: "costing",
  districts: [
    { id: "n", name: "North", budgetCents: 100 },
    { id: "s", name: "South", budgetCents: 100 },
  ],
  categoryCount: 2,
  proposals: [
    { number: 1, title: "Benches", districtId: "n", status: "feasible" },
    { number: 2, title: "Lights", districtId: "s", status: "not_feasible" },
    { number: 3, title: "Trees", districtId: "s", status: "feasible" },
  ],
  publishedDistrictIds: [],
  paperBoxesWaiting: [],
  accountVoting: false,
  districtIdsWithCodes: ["n", "s"],
  winnersWithoutProject: [],
};

describe("phase guards", () => {
  it("fixes the day voting opened only while voting is open (before, both days may move; after, neither form is shown)", () => {
    expect(votingOpeningFixed("voting")).toBe(true);
    for (const phase of ["draft", "ideas", "proposals", "costing"] as const) expect(votingOpeningFixed(phase)).toBe(false);
  });

  it("walks the phases in order and stops at closed", () => {
    expect(nextPhase("draft")).toBe("ideas");
    expect(nextPhase("voting")).toBe("results");
    expect(nextPhase("closed")).toBeNull();
  });

  it("does not leave the proposals phase while a district has nothing sent for costing (it could never get a ballot)", () => {
    const proposals = { ...base, phase: "proposals" as const };
    expect(blockersToAdvance(proposals)).toEqual([]);
    const southOnlyDrafts = { ...proposals, proposals: [...base.proposals.filter((p) => p.districtId === "n"), { number: 4, title: "Pond", districtId: "s", status: "draft" }] };
    expect(blockersToAdvance(southOnlyDrafts)).toEqual([expect.stringMatching(/^District “South” has no proposal sent for costing/)]);
    // Nothing sent anywhere: one message, not one per district.
    expect(blockersToAdvance({ ...proposals, proposals: [] })).toHaveLength(1);
  });

  it("lets voting open when every proposal sent for costing has a verdict", () => {
    expect(blockersToAdvance(base)).toEqual([]);
  });

  it("keeps voting closed while a proposal on the ballot lacks a cost estimate and verdict", () => {
    const cycle = { ...base, proposals: [...base.proposals, { number: 4, title: "Mural", districtId: "n", status: "costing" }] };
    expect(blockersToAdvance(cycle)).toEqual(["Proposal #4 “Mural” has no cost estimate and verdict yet."]);
  });

  it("ignores drafts that were never sent for costing (they are not on the ballot)", () => {
    const cycle = { ...base, proposals: [...base.proposals, { number: 5, title: "Draft", districtId: "n", status: "draft" }] };
    expect(blockersToAdvance(cycle)).toEqual([]);
  });

  it("warns, before voting opens, of a draft never sent for costing: it will not be on the ballot", () => {
    const cycle = { ...base, proposals: [...base.proposals, { number: 5, title: "Skate park", districtId: "n", status: "draft" }] };
    expect(allInWords(warningsBeforeAdvance(cycle))).toEqual([
      "Proposal #5 “Skate park” is still a draft: it was never sent for costing, so it will not be on the ballot. Its delegates can still send it before voting opens.",
    ]);
    expect(warningsBeforeAdvance(base)).toEqual([]);
  });

  it("keeps voting closed while the ballot rules ask for more than a district's ballot can give (nobody could vote)", () => {
    const rules = { ballotMethod: "approval", minSpendPercent: 0, minApprovals: 2, maxApprovals: 3, maxRanks: 5 };
    const costed = { ...base, districts: [{ id: "n", name: "North", budgetCents: 100_000_00 }], currency: "USD", proposals: [
      { number: 1, title: "Benches", districtId: "n", status: "feasible", costCents: 60_000_00 },
      { number: 2, title: "Lights", districtId: "n", status: "feasible", costCents: 50_000_00 },
      { number: 3, title: "Trees", districtId: "n", status: "not_feasible", costCents: 10_000_00 },
    ] };
    // Two feasible proposals: a minimum of 2 can be met, 3 cannot (the not feasible one is not on the ballot).
    expect(blockersToAdvance({ ...costed, ballotRules: rules })).toEqual([]);
    expect(blockersToAdvance({ ...costed, ballotRules: { ...rules, minApprovals: 3 } })).toEqual([
      "The ballot rules ask every voter in “North” to choose at least 3 projects, but only 2 proposals will be on its ballot, so nobody could vote. Lower the minimum in the ballot rules.",
    ]);
    // Knapsack: $60,000 or $50,000 fit the $100,000 budget, both together do not; so at most 60% can be spent.
    const knapsack = { ...rules, ballotMethod: "knapsack", minSpendPercent: 60 };
    expect(blockersToAdvance({ ...costed, ballotRules: knapsack })).toEqual([]);
    expect(blockersToAdvance({ ...costed, ballotRules: { ...knapsack, minSpendPercent: 61 } })).toEqual([
      "The ballot rules ask every voter in “North” to spend at least 61% of its $100,000 ($61,000), but the most any choice of its proposals can spend within the budget is $60,000, so nobody could vote. Lower the minimum spend in the ballot rules.",
    ]);
    const tooDear = { ...costed, districts: [{ id: "n", name: "North", budgetCents: 40_000_00 }] };
    expect(blockersToAdvance({ ...tooDear, ballotRules: { ...knapsack, minSpendPercent: 0 } })).toEqual([
      "Every proposal on the ballot of “North” costs more than its budget of $40,000, so no voter could choose one. Check the cost estimates or the district’s budget.",
    ]);
    // Ranked ballots rank up to k: any one proposal makes a ballot.
    expect(blockersToAdvance({ ...tooDear, ballotRules: { ...rules, ballotMethod: "ranked", maxRanks: 5 } })).toEqual([]);
  });

  it("refuses a ballot with nothing feasible in a district", () => {
    const cycle = { ...base, proposals: base.proposals.filter((p) => p.districtId === "n") };
    expect(blockersToAdvance(cycle)).toEqual(["District “South” has no feasible proposal to vote on."]);
  });

  it("warns, while ideas are collected and developed, of ideas no committee with a delegate covers (nobody could write their proposals)", () => {
    const ideaGroups = [
      { districtId: "n", categoryId: "parks", district: "North", category: "Parks", count: 3 },
      { districtId: "s", categoryId: "parks", district: "South", category: "Parks", count: 1 },
      { districtId: "s", categoryId: "streets", district: "South", category: "Streets", count: 2 },
    ];
    const warnings = (cycle: CycleSnapshot) => allInWords(warningsBeforeAdvance(cycle));
    // Without committees every delegate works on the whole cycle.
    expect(warnings({ ...base, phase: "ideas", ideaGroups, committees: [] })).toEqual([]);
    // North's committee has a delegate; South Parks' committee has nobody on it; South Streets has no committee.
    const committees = [
      { districtId: "n", categoryId: null, memberCount: 2 },
      { districtId: "s", categoryId: "parks", memberCount: 0 },
    ];
    for (const phase of ["ideas", "proposals"] as const) {
      expect(warnings({ ...base, phase, ideaGroups, committees })).toEqual([
        "1 idea in “South” · “Parks” is not covered by any committee with a delegate on it, so no delegate can turn it into a proposal. Add a delegate to a committee for it (or one for the whole cycle) on the committees page.",
        "2 ideas in “South” · “Streets” are not covered by any committee with a delegate on it, so no delegate can turn them into proposals. Add a delegate to a committee for them (or one for the whole cycle) on the committees page.",
      ]);
    }
    // A committee for the whole cycle with a delegate covers everything.
    expect(warnings({ ...base, phase: "proposals", ideaGroups, committees: [...committees, { districtId: null, categoryId: null, memberCount: 1 }] })).toEqual([]);
  });

  it("warns, before voting opens, of a district where nobody can vote yet (no codes, no account voting)", () => {
    const warnings = (cycle: CycleSnapshot) => allInWords(warningsBeforeAdvance(cycle));
    expect(warnings({ ...base, districtIdsWithCodes: ["n"] })).toEqual([
      "Nobody in “South” can vote yet: it has no voter codes (letters and paper check-in both use them) and account voting is off. Generate codes before voters need them, or allow account voting.",
    ]);
    // A warning, not a blocker: codes can still be made once voting is open (at a polling site).
    expect(blockersToAdvance({ ...base, districtIdsWithCodes: ["n"] })).toEqual([]);
    expect(warnings({ ...base, districtIdsWithCodes: [], accountVoting: true })).toEqual([]);
  });

  it("does not close voting while a ballot waiting for the mix cannot be opened (sealed under another SESSION_SECRET)", () => {
    const voting = { ...base, phase: "voting" as const };
    expect(blockersToAdvance(voting)).toEqual([]);
    expect(blockersToAdvance({ ...voting, sealedUnopenable: 3 })).toEqual([
      expect.stringMatching(/^3 ballots or survey answers waiting for the mix cannot be opened by this server: they were sealed under another SESSION_SECRET\. Add that secret to SESSION_SECRETS_PREVIOUS/),
    ]);
    // Survey answers still come in after voting closes; leaving the results mixes them in.
    const results = { ...base, phase: "results" as const, publishedDistrictIds: ["n", "s"] };
    expect(blockersToAdvance(results)).toEqual([]);
    expect(blockersToAdvance({ ...results, sealedUnopenable: 1 })).toEqual([expect.stringMatching(/^1 ballot or survey answer waiting for the mix cannot be opened/)]);
  });

  it("does not close a cycle while a published winner has no project to track", () => {
    const building = { ...base, phase: "implementation" as const };
    expect(blockersToAdvance(building)).toEqual([]);
    expect(blockersToAdvance({ ...building, winnersWithoutProject: [{ number: 7, title: "Playground" }] })).toEqual([
      "Winner #7 “Playground” has no project yet: create the projects from the winners first, so it is tracked until it is built.",
    ]);
  });

  it("needs districts with budgets and categories before opening for ideas", () => {
    const draft: CycleSnapshot = { ...base, phase: "draft", districts: [{ id: "n", name: "North", budgetCents: 0 }], categoryCount: 0 };
    expect(blockersToAdvance(draft)).toEqual(["District “North” has no budget.", "Add at least one category."]);
  });

  it("keeps voting open while a paper box holds ballots of voters checked in, naming each box", () => {
    const voting = { ...base, phase: "voting" as const };
    expect(blockersToAdvance(voting)).toEqual([]);
    expect(
      blockersToAdvance({ ...voting, paperBoxesWaiting: [{ site: "Eastgate Library", district: "North", waiting: 1 }, { site: "City Hall", district: "South", waiting: 3 }] }),
    ).toEqual([
      "The box at Eastgate Library still holds 1 North ballot: a voter was checked in there and their ballot is not entered. Enter it, or record it as spoiled (for instance “other: the voter left with it”), on the paper ballots page.",
      "The box at City Hall still holds 3 South ballots: voters were checked in there and their ballots are not entered. Enter them, or record them as spoiled (for instance “other: the voter left with it”), on the paper ballots page.",
    ]);
  });

  it("needs published results in every district before implementation", () => {
    expect(blockersToAdvance({ ...base, phase: "results", publishedDistrictIds: ["n"] })).toEqual(["Results for “South” are not published yet."]);
    expect(blockersToAdvance({ ...base, phase: "results", publishedDistrictIds: ["n", "s"] })).toEqual([]);
  });
});

describe("the lock on ballot and counting rules", () => {
  const reason = (phase: string, ballotsCast: number) => {
    const r = ballotRulesLockedReason({ phase, ballotsCast });
    return r === null ? null : inWords(r);
  };
  it("lets the PB office change the rules until voting opens", () => {
    for (const phase of ["draft", "ideas", "proposals", "costing"]) expect(reason(phase, 0)).toBeNull();
  });
  it("locks them once voting opens, ballot or not, and says why", () => {
    expect(reason("voting", 0)).toBe("The ballot and counting rules are locked: voting has opened, and voters were shown these rules.");
    expect(reason("voting", 1)).toMatch(/locked: 1 ballot has already been cast/);
    expect(reason("voting", 250)).toMatch(/locked: 250 ballots have already been cast/);
    expect(reason("results", 0)).toBe("The ballot and counting rules are locked: voting has closed.");
    // After the vote the ballots are counted under them: no talk of a vote going on.
    expect(reason("closed", 3)).toBe("The ballot and counting rules are locked: 3 ballots were cast under them, and the results are counted with them.");
    expect(reason("results", 1)).toBe("The ballot and counting rules are locked: 1 ballot was cast under them, and the results are counted with them.");
  });
});

describe("correcting a cycle's districts and categories", () => {
  const person = (roles: Actor["roles"]): Actor => ({ id: "u", name: "A", email: "a@x", roles, agencyId: null });
  const office = person(["admin"]);
  it("lets only the PB office remove an unused district or category, and only until costing starts", () => {
    for (const phase of ["draft", "ideas", "proposals"] as const) {
      expect(cyclePermissions.removeDistrictOrCategory(office, { phase }, { inUse: false })).toBe(true);
      // Something points at it: its ideas would lose their place.
      expect(cyclePermissions.removeDistrictOrCategory(office, { phase }, { inUse: true })).toBe(false);
    }
    for (const phase of ["costing", "voting", "results"] as const) expect(cyclePermissions.removeDistrictOrCategory(office, { phase }, { inUse: false })).toBe(false);
    for (const who of [person(["delegate"]), person(["staff"]), null]) expect(cyclePermissions.removeDistrictOrCategory(who, { phase: "draft" }, { inUse: false })).toBe(false);
    // Names stay correctable in every phase, by the PB office only.
    expect(cyclePermissions.editDetails(office)).toBe(true);
    expect(cyclePermissions.editDetails(person(["delegate"]))).toBe(false);
  });
});
