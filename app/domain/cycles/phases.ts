import { message } from "../../i18n/message";
import { ballotRulesFor, whyNoBallotIsValid } from "../ballots/rules";
import { formatMoney } from "../money";
import { inCommitteeScope, type CommitteeScope } from "../committees/permissions";

// The phases of a cycle and the guards between them. Pure.

export const PHASES = [
  "draft",
  "ideas",
  "proposals",
  "costing",
  "voting",
  "results",
  "implementation",
  "closed",
] as const;
export type Phase = (typeof PHASES)[number];

/** Each phase's name, as a translation key: t(PHASE_KEYS[phase]). */
export const PHASE_KEYS = {
  draft: "common:phase.draft",
  ideas: "common:phase.ideas",
  proposals: "common:phase.proposals",
  costing: "common:phase.costing",
  voting: "common:phase.voting",
  results: "common:phase.results",
  implementation: "common:phase.implementation",
  closed: "common:phase.closed",
} as const satisfies Record<Phase, string>;

/**
 * The order the home page lists cycles in: first where residents can act today (vote, then
 * bring ideas), then what they can follow, finished cycles last.
 */
const HOME_RANK: Record<Phase, number> = { voting: 0, ideas: 1, proposals: 2, costing: 3, results: 4, implementation: 5, closed: 6, draft: 7 };

export function byWhatResidentsCanDoNow(a: { phase: Phase }, b: { phase: Phase }): number {
  return HOME_RANK[a.phase] - HOME_RANK[b.phase];
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

export function nextPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return i >= 0 && i < PHASES.length - 1 ? PHASES[i + 1] : null;
}

/** Once voting is open its first day is history (ballots were cast from it): only the closing day may move. */
export function votingOpeningFixed(phase: Phase): boolean {
  return phase === "voting";
}

/** What the guards need to know about a cycle. */
export interface CycleSnapshot {
  phase: Phase;
  districts: readonly { id: string; name: string; budgetCents: number }[];
  categoryCount: number;
  /** `costCents`: the latest estimate's total (absent or null: not costed). */
  proposals: readonly { number: number; title: string; districtId: string; status: string; costCents?: number | null }[];
  /** The ballot method and its limits (costing: checked against what will be on each ballot; absent: not checked). */
  ballotRules?: { ballotMethod: string; minSpendPercent: number; minApprovals: number; maxApprovals: number; maxRanks: number };
  currency?: string;
  /** Districts that have a published tally result. */
  publishedDistrictIds: readonly string[];
  /** Districts whose newest count is a draft after the published one (results only; absent: none). */
  unpublishedRecounts?: readonly { district: string; run: number; publishedRun: number }[];
  /** Paper boxes with ballots still to enter: more voters checked in at the site than ballots (counted or spoiled) entered. */
  paperBoxesWaiting: readonly { site: string; district: string; waiting: number }[];
  /** Ballots and survey answers waiting for the mix that this server cannot open (voting and results; absent: none). */
  sealedUnopenable?: number;
  /** The cycle's committees, each with how many delegates sit on it (ideas and proposals; absent: none). */
  committees?: readonly (CommitteeScope & { memberCount: number })[];
  /** Visible ideas per district and category, with their names (ideas and proposals, when there are committees). */
  ideaGroups?: readonly { districtId: string; categoryId: string; district: string; category: string; count: number }[];
  /** Whether signed-in residents may vote with their account (else only voter codes, online or on paper). */
  accountVoting: boolean;
  /** Districts with at least one voter code that can still vote (not cancelled). */
  districtIdsWithCodes: readonly string[];
  /** Published winners that have no project yet (implementation only). */
  winnersWithoutProject: readonly { number: number; title: string }[];
}

/**
 * What the PB office should know before moving on, without being stopped (codes can still be made
 * once voting is open, e.g. at a polling site), as translatable messages.
 */
export function warningsBeforeAdvance(cycle: CycleSnapshot): string[] {
  if (cycle.phase === "ideas" || cycle.phase === "proposals") return ideasNoDelegateCanWork(cycle);
  if (cycle.phase !== "costing") return [];
  // A proposal its delegates never sent is left off the ballot without anyone deciding so.
  const drafts = cycle.proposals.filter((p) => p.status === "draft").map((p) => message("admin:warnings.draftNotOnBallot", { number: p.number, title: p.title }));
  if (cycle.accountVoting) return drafts;
  // Paper check-in takes a code too: without codes or account voting, nobody in the district can vote yet.
  return [...drafts, ...cycle.districts.filter((d) => !cycle.districtIdsWithCodes.includes(d.id)).map((d) => message("admin:warnings.nobodyCanVote", { district: d.name }))];
}

/**
 * Once a cycle has committees, a delegate writes proposals only within their own committees' districts
 * and categories: ideas no committee with a delegate covers would never become proposals.
 */
function ideasNoDelegateCanWork(cycle: CycleSnapshot): string[] {
  const committees = cycle.committees ?? [];
  if (committees.length === 0) return []; // no committees: every delegate works on the whole cycle
  const staffed = committees.filter((c) => c.memberCount > 0);
  return (cycle.ideaGroups ?? [])
    .filter((g) => !staffed.some((c) => inCommitteeScope(c, g)))
    .map((g) => message("admin:warnings.ideasWithoutDelegate", { count: g.count, district: g.district, category: g.category }));
}

/**
 * Reasons the cycle cannot move from its current phase to the next one, as
 * translatable messages (see ~/i18n/message). An empty list means it may advance.
 */
export function blockersToAdvance(cycle: CycleSnapshot, intlLocale = "en-US"): string[] {
  const blockers: string[] = [];
  switch (cycle.phase) {
    case "draft":
      if (cycle.districts.length === 0) blockers.push(message("admin:blockers.addDistrict"));
      for (const d of cycle.districts) {
        if (d.budgetCents <= 0) blockers.push(message("admin:blockers.noBudget", { district: d.name }));
      }
      if (cycle.categoryCount === 0) blockers.push(message("admin:blockers.addCategory"));
      break;
    case "proposals":
      if (!cycle.proposals.some((p) => p.status !== "draft")) {
        blockers.push(message("admin:blockers.noProposalSent"));
        break;
      }
      // A district with nothing sent would have nothing to vote on, and after this phase nothing can be added:
      // ideas can still be imported for it now, and its delegates develop them.
      for (const d of cycle.districts) {
        if (!cycle.proposals.some((p) => p.districtId === d.id && p.status !== "draft")) blockers.push(message("admin:blockers.districtWithoutProposal", { district: d.name }));
      }
      break;
    case "costing": {
      // Every proposal sent for costing is on a ballot: it needs a cost and a verdict.
      for (const p of cycle.proposals) {
        if (p.status === "costing") {
          blockers.push(message("admin:blockers.notCosted", { number: p.number, title: p.title }));
        }
      }
      for (const d of cycle.districts) {
        if (!cycle.proposals.some((p) => p.districtId === d.id && p.status === "feasible")) {
          blockers.push(message("admin:blockers.noFeasible", { district: d.name }));
        }
      }
      // Rules no ballot can meet (a minimum above what the ballot offers) would refuse every voter.
      if (cycle.ballotRules) {
        for (const d of cycle.districts) {
          const costs = cycle.proposals.flatMap((p) => (p.districtId === d.id && p.status === "feasible" && p.costCents != null ? [p.costCents] : []));
          const money = (cents: number) => formatMoney(cents, cycle.currency, intlLocale);
          const why = whyNoBallotIsValid(ballotRulesFor(cycle.ballotRules, d), costs, d.name, money);
          if (why) blockers.push(why);
        }
      }
      break;
    }
    case "voting":
      // Once voting closes no ballot can come from a box: a ballot put in the box would never be counted.
      for (const b of cycle.paperBoxesWaiting) {
        blockers.push(message("admin:blockers.paperBoxWaiting", { site: b.site, district: b.district, count: b.waiting }));
      }
      // Closing mixes every sealed ballot in: one this server cannot open would be lost.
      if (cycle.sealedUnopenable) blockers.push(message("admin:blockers.sealedUnopenable", { count: cycle.sealedUnopenable }));
      break;
    case "results":
      for (const d of cycle.districts) {
        if (!cycle.publishedDistrictIds.includes(d.id)) {
          blockers.push(message("admin:blockers.notPublished", { district: d.name }));
        }
      }
      // After this phase no count can be published: the PB office would keep a count the public never sees.
      for (const r of cycle.unpublishedRecounts ?? []) {
        blockers.push(message("admin:blockers.newerCountNotPublished", { district: r.district, run: r.run, published: r.publishedRun }));
      }
      // Leaving the results mixes in the survey answers still sealed (they come in after voting closes too).
      if (cycle.sealedUnopenable) blockers.push(message("admin:blockers.sealedUnopenable", { count: cycle.sealedUnopenable }));
      break;
    case "implementation":
      // Once closed, no project can be made: a winner left without one would never be tracked.
      for (const w of cycle.winnersWithoutProject) {
        blockers.push(message("admin:blockers.winnerWithoutProject", { number: w.number, title: w.title }));
      }
      break;
    case "closed":
      blockers.push(message("admin:blockers.closed"));
      break;
    default:
      break;
  }
  return blockers;
}
