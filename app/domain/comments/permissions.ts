import { hasRole, type Actor } from "../auth/roles";
import type { Phase } from "../cycles/phases";

export type CommentChannel = "public" | "costing";

interface Thread {
  channel: CommentChannel;
  phase: Phase | string;
  /** The agency costing the proposal, for the question-and-answer thread. */
  agencyId: string | null;
  /** What it hangs on was hidden by the PB office: its discussion is closed. */
  hidden?: boolean;
  /** Whether a delegate's committees cover the proposal (see withinReach): only its own delegates join its Q&A. */
  delegateReaches?: boolean;
}

const discussing = (phase: string) => ["ideas", "proposals", "costing", "voting"].includes(phase);
const inCosting = (phase: string) => phase === "proposals" || phase === "costing";
/** The proposal's delegates, the PB office, and staff of the agency costing it: nobody else reads the Q&A. */
const costingParty = (actor: Actor | null, thread: Thread) =>
  (hasRole(actor, "delegate") && thread.delegateReaches === true) ||
  hasRole(actor, "admin") ||
  (hasRole(actor, "staff") && !!thread.agencyId && actor?.agencyId === thread.agencyId);

// Who may read, write and moderate comments; every loader and action asks here.
export const commentPermissions = {
  read: (actor: Actor | null, thread: Thread) => thread.channel === "public" || costingParty(actor, thread),
  /** Anyone signed in may join the public discussion while the cycle is under way. */
  write: (actor: Actor | null, thread: Thread) =>
    !!actor &&
    !thread.hidden &&
    (thread.channel === "public" ? discussing(thread.phase) : inCosting(thread.phase) && costingParty(actor, thread)),
  /** Visitors see where to sign in to join an open public discussion. */
  offerSignIn: (actor: Actor | null, thread: Thread) => !actor && !thread.hidden && thread.channel === "public" && discussing(thread.phase),
  /** Hiding content is the PB office's job, always with a reason its author sees. */
  hide: (actor: Actor | null) => hasRole(actor, "admin"),
};
