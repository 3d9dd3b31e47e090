import { hasReach, reachableChoices, withinReach } from "~/domain/committees/permissions";
import { describe, expect, it } from "vitest";
import { accountPermissions } from "~/domain/accounts/permissions";
import { safeRedirect } from "~/domain/accounts/schema";
import { CODE_ALPHABET, generateVoterCode, normaliseVoterCode } from "~/domain/ballots/voter-codes";
import { costingPermissions } from "~/domain/costing/permissions";
import { estimateTotals } from "~/domain/costing/estimate";
import type { Actor } from "~/domain/auth/roles";
import { formatMoney, moneyToCents } from "~/domain/money";
import { translationPermissions } from "~/domain/translations/permissions";
import { translatedFields, translationInputFor } from "~/domain/translations/schema";
import { revisionNote } from "~/domain/proposals/schema";
import { inWords } from "../english";

describe("money", () => {
  it("parses what people type into integer cents", () => {
    expect(moneyToCents("1,250.5")).toBe(125_050);
    expect(moneyToCents("$ 40000")).toBe(4_000_000);
    expect(moneyToCents("12.345")).toBeNull();
    expect(moneyToCents("1,250,000")).toBe(125_000_000);
    // A decimal comma (as written in Spanish) is refused, not read as thousands: "1250,50" is not $125,050.
    expect(moneyToCents("1250,50")).toBeNull();
    expect(moneyToCents("1.250,50")).toBeNull();
    expect(moneyToCents("12,5")).toBeNull();
    expect(moneyToCents("-5")).toBeNull();
    expect(moneyToCents("ten")).toBeNull();
  });
  it("formats cents in the cycle's currency", () => {
    expect(formatMoney(1_844_000, "USD")).toBe("$18,440");
    expect(formatMoney(955_50, "USD")).toBe("$955.50");
  });
});

describe("cost estimates", () => {
  it("totals quantity × unit cost over the line items", () => {
    const lines = [{ quantity: 6, unitCostCents: 1_800_00, recurring: false }, { quantity: 80, unitCostCents: 95_50, recurring: false }];
    expect(estimateTotals(lines, 0).totalCents).toBe(1_844_000);
  });
  it("lets only staff of the proposal's agency cost it, while costing is open", () => {
    const staff = (agencyId: string): Actor => ({ id: "u", name: "S", email: "s@x", roles: ["staff"], agencyId });
    const proposal = { status: "costing", agencyId: "parks" };
    expect(costingPermissions.estimate(staff("parks"), { phase: "costing" }, proposal)).toBe(true);
    expect(costingPermissions.estimate(staff("transport"), { phase: "costing" }, proposal)).toBe(false);
    expect(costingPermissions.estimate(staff("parks"), { phase: "voting" }, proposal)).toBe(false);
    expect(costingPermissions.estimate({ ...staff("parks"), roles: ["resident"] }, { phase: "costing" }, proposal)).toBe(false);
    expect(costingPermissions.estimate(null, { phase: "costing" }, proposal)).toBe(false);
  });
});

describe("voter codes", () => {
  it("are 12 characters without look-alikes, grouped by four", () => {
    const code = generateVoterCode();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    for (const ch of code.replace(/-/g, "")) expect(CODE_ALPHABET).toContain(ch);
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL5S2Z8B]/);
  });
  it("accept what people type: lower case, spaces, missing dashes", () => {
    const code = generateVoterCode();
    expect(normaliseVoterCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normaliseVoterCode("too-short")).toBeNull();
    // Pasted from a PDF or a word processor: en dash, non-breaking hyphen, minus sign.
    for (const dash of ["\u2013", "\u2011", "\u2212"]) expect(normaliseVoterCode(code.replace(/-/g, dash))).toBe(code);
  });
});

describe("redirect after sign-in", () => {
  it("stays on this site", () => {
    expect(safeRedirect("/ideas/new")).toBe("/ideas/new");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\t/evil.example")).toBe("/");
    // Paths that become "//evil.example" once their dot segments are resolved.
    for (const to of ["/..//evil.example/phish", "/.//evil.example", "/%2e%2e//evil.example", "/a/../..//evil.example"]) expect(safeRedirect(to)).toBe("/");
    expect(safeRedirect("/ideas/../proposals?cycle=2026")).toBe("/proposals?cycle=2026");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("/ideas?cycle=2025")).toBe("/ideas?cycle=2025");
  });
});

describe("translations", () => {
  const actor = (roles: Actor["roles"]): Actor => ({ id: "u", name: "A", email: "a@x", roles, agencyId: null });
  it("lets staff translate what people wrote, and only the PB office its own cycles and categories", () => {
    for (const type of ["idea", "proposal", "update"] as const) expect(translationPermissions.translate(actor(["staff"]), type)).toBe(true);
    for (const type of ["cycle", "category"] as const) {
      expect(translationPermissions.translate(actor(["admin"]), type)).toBe(true);
      expect(translationPermissions.translate(actor(["staff"]), type)).toBe(false);
      expect(translationPermissions.translate(actor(["resident", "delegate"]), type)).toBe(false);
      expect(translationPermissions.translate(null, type)).toBe(false);
    }
  });
  it("lets only the agency that costs or builds an item translate it; one no agency has yet is the PB office's (ideas are anyone's on staff)", () => {
    const parks = { ...actor(["staff"]), agencyId: "parks" };
    for (const type of ["proposal", "update", "milestone"] as const) {
      expect(translationPermissions.translate(parks, type, { agencyId: "parks" })).toBe(true);
      expect(translationPermissions.translate(parks, type, { agencyId: "transport" })).toBe(false);
      expect(translationPermissions.translate(parks, type, { agencyId: null })).toBe(false);
      expect(translationPermissions.translate(actor(["admin"]), type, { agencyId: null })).toBe(true);
    }
    expect(translationPermissions.translate(parks, "idea", { agencyId: null })).toBe(true);
    expect(translationPermissions.translate(parks, "agency", { agencyId: null })).toBe(false);
  });
  it("shows an item hidden by moderation, or in a cycle still in draft, to the PB office only", () => {
    const staff = actor(["staff"]);
    expect(translationPermissions.see(staff, { hidden: false, phase: "ideas" })).toBe(true);
    expect(translationPermissions.see(staff, { hidden: false, phase: null })).toBe(true); // a project update
    expect(translationPermissions.see(staff, { hidden: true, phase: "ideas" })).toBe(false);
    expect(translationPermissions.see(staff, { hidden: false, phase: "draft" })).toBe(false);
    expect(translationPermissions.see(actor(["admin"]), { hidden: true, phase: "draft" })).toBe(true);
  });
  it("asks a category only for its name, and a cycle for a description only when it has one", () => {
    expect(translatedFields("category", { description: "" })).toEqual({ title: true, description: false });
    expect(translatedFields("update", { description: "A note." })).toEqual({ title: false, description: true });
    expect(translationInputFor("category", { description: "" }).safeParse({ locale: "es", title: "Parques" })).toMatchObject({ success: true, data: { description: "" } });
    const described = { description: "Choose one or two projects." };
    expect(translationInputFor("cycle", described).safeParse({ locale: "es", title: "Votación" }).success).toBe(false);
    expect(translationInputFor("cycle", described).safeParse({ locale: "es", title: "Votación", description: "Elija uno o dos." }).success).toBe(true);
    expect(translationInputFor("cycle", { description: "" }).safeParse({ locale: "es", title: "Votación" }).success).toBe(true);
  });

  it("refuses a translated name or description too short or too long, each with its own message", () => {
    const keyOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
      result.error?.issues.find((i) => i.path[0] === field)?.message;
    const described = translationInputFor("cycle", { description: "Choose one or two projects." });
    expect(keyOf(described.safeParse({ locale: "es", title: "Vo", description: "Elija." }), "title")).toBe("translations:errors.cycleName");
    expect(keyOf(described.safeParse({ locale: "es", title: "V".repeat(121), description: "Elija." }), "title")).toBe("translations:errors.cycleNameLong");
    expect(keyOf(described.safeParse({ locale: "es", title: "Votación", description: "E".repeat(2001) }), "description")).toBe("translations:errors.cycleDescriptionLong");
    const category = translationInputFor("category", { description: "" });
    expect(keyOf(category.safeParse({ locale: "es", title: "P".repeat(61) }), "title")).toBe("translations:errors.categoryNameLong");
    // As short as its original may be, no shorter: a district's name has 2 characters at least, a milestone's title 3.
    const district = translationInputFor("district", { description: "" });
    expect(keyOf(district.safeParse({ locale: "es", title: "N" }), "title")).toBe("translations:errors.districtName");
    expect(district.safeParse({ locale: "es", title: "Sur" }).success).toBe(true);
    const milestone = translationInputFor("milestone", { description: "" });
    expect(keyOf(milestone.safeParse({ locale: "es", title: "Ok" }), "title")).toBe("translations:errors.milestoneTitle");
    expect(translatedFields("milestone", { description: "" })).toEqual({ title: true, description: false });
  });
});

describe("percentages on the dashboards", async () => {
  const { formatPercent } = await import("~/i18n/i18n");
  it("never write a share above zero as 0%", () => {
    expect(formatPercent(24 / 55_000, 1, "en-US")).toBe("0.044%");
    expect(formatPercent(26 / 50_000, 1, "en-US")).toBe("0.052%");
    expect(formatPercent(0, 1, "en-US")).toBe("0%");
    expect(formatPercent(0.004, 1, "en-US")).toBe("0.4%");
    expect(formatPercent(0.004, 0, "en-US")).toBe("0.4%");
    expect(formatPercent(0.62, 0, "es-US")).toMatch(/^62\s?%$/);
  });
});

describe("where a delegate works", () => {
  const north = { districtId: "n", categoryId: null };
  const parksEverywhere = { districtId: null, categoryId: "parks" };
  const reach = { wholeCycle: false as const, scopes: [north, parksEverywhere] };
  it("covers an item when one of their committees covers its district and category", () => {
    expect(withinReach(reach, { districtId: "n", categoryId: "streets" })).toBe(true);
    expect(withinReach(reach, { districtId: "s", categoryId: "parks" })).toBe(true);
    expect(withinReach(reach, { districtId: "s", categoryId: "streets" })).toBe(false);
    expect(withinReach({ wholeCycle: true }, { districtId: "s", categoryId: "streets" })).toBe(true);
  });
  it("offers only districts and categories some committee covers; no committee in a cycle that has them is no reach", () => {
    const choices = reachableChoices({ wholeCycle: false, scopes: [north] }, [{ id: "n" }, { id: "s" }], [{ id: "parks" }, { id: "streets" }]);
    expect(choices).toEqual({ districts: [{ id: "n" }], categories: [{ id: "parks" }, { id: "streets" }] });
    expect(hasReach({ wholeCycle: false, scopes: [] })).toBe(false);
    expect(hasReach({ wholeCycle: true })).toBe(true);
  });
});

describe("a proposal revision's note", () => {
  const t = (key: string) => inWords(key, "es");
  it("says 'first draft' in the reader's language for the first revision (the app wrote it, old or new)", () => {
    expect(revisionNote({ number: 1, note: "" }, t)).toBe("Primer borrador");
    expect(revisionNote({ number: 1, note: "First draft" }, t)).toBe("Primer borrador");
  });
  it("keeps a delegate's own words as written", () => {
    expect(revisionNote({ number: 2, note: "Smaller, after the not-feasible verdict." }, t)).toBe("Smaller, after the not-feasible verdict.");
    expect(revisionNote({ number: 2, note: "" }, t)).toBe("");
  });
});

describe("account permissions", () => {
  const person = (emailConfirmed?: boolean): Actor => ({ id: "u", name: "U", email: "u@x", roles: ["resident"], agencyId: null, emailConfirmed });
  it("sends a new confirmation link to a signed-in person only, and offers it only while their address is unconfirmed", () => {
    expect(accountPermissions.askConfirmationLink(null)).toBe(false);
    expect(accountPermissions.askConfirmationLink(person(true))).toBe(true);
    expect(accountPermissions.offerConfirmationLink(person(false))).toBe(true);
    expect(accountPermissions.offerConfirmationLink(person(true))).toBe(false);
    expect(accountPermissions.offerConfirmationLink(null)).toBe(false);
    // An actor made without the flag (a script's, a test's) is not told to confirm anything.
    expect(accountPermissions.offerConfirmationLink(person())).toBe(false);
  });
});
