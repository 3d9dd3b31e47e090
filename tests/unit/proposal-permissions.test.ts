import { describe, expect, it } from "vitest";
import type { Actor } from "~/domain/auth/roles";
import { proposalPermissions, shownProposalStatus } from "~/domain/proposals/permissions";

const delegate: Actor = { id: "d", name: "Dee", email: "dee@example.org", roles: ["delegate"], agencyId: null } as Actor;
const everywhere = { wholeCycle: true } as const;
const draft = (sentForCostingAt: Date | null) => ({ status: "draft", districtId: "n", categoryId: "p", sentForCostingAt });

describe("when delegates write proposals and send them for costing", () => {
  it("writes new proposals and sends them first only while proposals are developed", () => {
    expect(proposalPermissions.create(delegate, { phase: "proposals" }, everywhere)).toBe(true);
    expect(proposalPermissions.create(delegate, { phase: "costing" }, everywhere)).toBe(false);
    expect(proposalPermissions.sendForCosting(delegate, { phase: "proposals" }, everywhere, draft(null))).toBe(true);
    expect(proposalPermissions.sendForCosting(delegate, { phase: "costing" }, everywhere, draft(null))).toBe(false);
  });
  it("while costing, revises a proposal found not feasible and sends it again", () => {
    expect(proposalPermissions.edit(delegate, { phase: "costing" }, everywhere, { ...draft(new Date()), status: "not_feasible" })).toBe(true);
    expect(proposalPermissions.sendForCosting(delegate, { phase: "costing" }, everywhere, draft(new Date()))).toBe(true);
    expect(proposalPermissions.sendForCosting(delegate, { phase: "voting" }, everywhere, draft(new Date()))).toBe(false);
  });
});

describe("the status a reader is shown", () => {
  it("says a proposal that won is now a project, and one that lost was not funded, once the winners are projects", () => {
    expect(shownProposalStatus("feasible", "voting", false)).toBe("feasible");
    expect(shownProposalStatus("feasible", "results", false)).toBe("feasible"); // projects not made yet
    expect(shownProposalStatus("feasible", "implementation", true)).toBe("funded");
    expect(shownProposalStatus("feasible", "implementation", false)).toBe("not_funded");
    expect(shownProposalStatus("not_feasible", "closed", false)).toBe("not_feasible");
  });
});
