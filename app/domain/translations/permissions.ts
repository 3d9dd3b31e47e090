import { hasRole, type Actor } from "../auth/roles";
import { message } from "../../i18n/message";

export const TRANSLATABLE = ["idea", "proposal", "update", "milestone", "cycle", "category", "district", "residency", "agency"] as const;
export type TranslatableType = (typeof TRANSLATABLE)[number];

export function isTranslatable(type: unknown): type is TranslatableType {
  return typeof type === "string" && (TRANSLATABLE as readonly string[]).includes(type);
}

/**
 * The PB office's own texts (what the home page and the ballot say about a cycle, the residency rule
 * residents declare they meet, kept under the cycle's id, and the names of the agencies), not what people wrote.
 */
export const OFFICE_TEXTS: readonly TranslatableType[] = ["cycle", "category", "district", "residency", "agency"];

/** What a translation permission looks at: the agency a proposal is costed by or a project built by. */
export interface TranslatedItem {
  agencyId: string | null;
}

// Staff and the PB office translate what residents and delegates wrote; only the PB office its own texts;
// everyone reads the translations. A proposal's or a project's text is translated only by the agency
// that costs or builds it (a proposal with none yet, only by the PB office): a translation is what
// Spanish readers see on the ballot, and another agency's staff have no business rewriting it. Ideas
// belong to no agency: any staff may translate them. Without `item`, whether the role may translate at all.
export const translationPermissions = {
  translate: (actor: Actor | null, type: TranslatableType, item?: TranslatedItem) => {
    if (hasRole(actor, "admin")) return true;
    if (!hasRole(actor, "staff") || OFFICE_TEXTS.includes(type)) return false;
    if (!item || type === "idea") return true;
    return item.agencyId !== null && item.agencyId === actor!.agencyId;
  },
  /**
   * Whether the item may be seen at all: one hidden by moderation, or in a cycle still in draft, is the
   * PB office's alone (to anyone else it does not exist).
   */
  see: (actor: Actor | null, item: { hidden: boolean; phase: string | null }) =>
    hasRole(actor, "admin") || (!item.hidden && item.phase !== "draft"),
};

const BALLOT_FIXED: readonly string[] = ["voting", "results", "implementation", "closed"];

/**
 * Why a proposal's translation may not change now (null when it may): from the moment voting opens,
 * what voters read on the ballot is fixed, in every language, like the ballot rules.
 */
export function translationLockedReason(type: TranslatableType, cyclePhase: string | null): string | null {
  return type === "proposal" && cyclePhase !== null && BALLOT_FIXED.includes(cyclePhase) ? message("translations:lockedOnBallot") : null;
}

/**
 * A project reads in its proposal's translation only while it keeps the proposal's title: renamed
 * after the vote, the translation is of another text, so the title is shown as written.
 */
export function projectUsesProposalTranslation(project: { title: string; proposal: { title: string } }) {
  return project.title === project.proposal.title;
}
