import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "../cycles/phases";
import { withinReach, type DelegateReach } from "../committees/permissions";

const supporting = (phase: string) => phase === "ideas" || phase === "proposals";
/** An idea still going somewhere: support for a merged, withdrawn or closed one would count for nothing. */
const alive = (idea: { status: string }) => idea.status === "open" || idea.status === "developed";

export const ideaPermissions = {
  /** Any signed-in resident may bring an idea while the cycle collects them. */
  submit: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    hasRole(actor, "resident") && cycle.phase === "ideas",
  support: (actor: Actor | null, cycle: { phase: Phase | string }, idea: { status: string }) =>
    hasRole(actor, "resident") && supporting(cycle.phase) && alive(idea),
  /**
   * Its author may change an idea while the cycle collects ideas, as long as it is open and nobody else
   * supports it yet (a supporter backed the idea as it was written).
   */
  editOwn: (actor: Actor | null, cycle: { phase: Phase | string }, idea: { authorId: string | null; status: string; hiddenAt: Date | null }, othersSupporting: number) =>
    !!actor && actor.id === idea.authorId && cycle.phase === "ideas" && idea.status === "open" && idea.hiddenAt === null && othersSupporting === 0,
  /**
   * Its author may take an idea back while nobody has decided on it (merging other ideas into it is such a
   * decision: they would be left merged into nothing); it stays listed, marked withdrawn.
   */
  withdrawOwn: (actor: Actor | null, cycle: { phase: Phase | string }, idea: { authorId: string | null; status: string; hiddenAt: Date | null; carriesOthers: boolean }) =>
    !!actor && actor.id === idea.authorId && supporting(cycle.phase) && idea.status === "open" && idea.hiddenAt === null && !idea.carriesOthers,
  /** Show the button to residents and to visitors, who are asked to sign in first. */
  offerSubmit: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    cycle.phase === "ideas" && (!actor || hasRole(actor, "resident")),
  offerSupport: (actor: Actor | null, cycle: { phase: Phase | string }, idea: { status: string }) =>
    supporting(cycle.phase) && alive(idea) && (!actor || hasRole(actor, "resident")),
  /** The PB office brings in ideas collected on paper and at assemblies, until proposals are sent for costing. */
  import: (actor: Actor | null, cycle: { phase: Phase | string }) =>
    hasRole(actor, "admin") && ["draft", "ideas", "proposals"].includes(cycle.phase),
  /** Moderation is the PB office's job, always with a reason shown to the author. */
  hide: (actor: Actor | null) => hasRole(actor, "admin"),
  /** A hidden idea stays readable by its author and the PB office. */
  viewHidden: (actor: Actor | null, idea: { authorId: string | null }) =>
    hasRole(actor, "admin") || (!!actor && actor.id === idea.authorId),
  /** Delegates close an idea of their committees' work they will not take forward (public reason), or merge it. */
  decide: (actor: Actor | null, cycle: { phase: Phase | string }, reach: DelegateReach, idea: { districtId: string; categoryId: string }) =>
    hasRole(actor, "delegate") && (cycle.phase === "proposals" || cycle.phase === "costing") && withinReach(reach, idea),
};

/**
 * Ideas a proposal may be written from: open ones, and developed ones (an idea may be split into several
 * proposals). A merged idea is carried by the idea it was merged into; one not taken forward keeps its reason.
 */
export const PROPOSAL_SOURCE_STATUSES = ["open", "developed"] as const;

/** Each idea status's name, as a translation key: t(IDEA_STATUS_KEYS[status]). */
export const IDEA_STATUS_KEYS: Record<string, string> = {
  open: "ideas:status.open",
  developed: "ideas:status.developed",
  not_taken_forward: "ideas:status.not_taken_forward",
  merged: "ideas:status.merged",
  withdrawn: "ideas:status.withdrawn",
};

/**
 * After the vote, whether a developed idea's proposal was on the ballot and not funded. Only once
 * projects are made from the winners (implementation, closed): during "results" a winner has no
 * project yet, and saying "not funded" then would be wrong.
 */
export function proposalNotFunded(phase: string, proposal: { status: string; hasProject: boolean }): boolean {
  return (phase === "implementation" || phase === "closed") && proposal.status === "feasible" && !proposal.hasProject;
}
