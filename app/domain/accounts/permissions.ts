import { hasRole, type Actor, type Role } from "../auth/roles";
import { message } from "../../i18n/message";

export const accountPermissions = {
  /** A new link to confirm the address: for the signed-in person's own account (a visitor is asked to sign in). */
  askConfirmationLink: (actor: Actor | null) => actor !== null,
  /** Offered where the person follows something while their address is unconfirmed: no e-mail reaches them yet. */
  offerConfirmationLink: (actor: Actor | null | undefined): actor is Actor => actor?.emailConfirmed === false,
  /** One's own account page (name, password, what one follows, one's ideas): anyone signed in, for their own only. */
  manageOwnAccount: (actor: Actor | null) => actor !== null,
  /**
   * Closing one's account: a resident's. Someone with a role (delegate, agency staff, PB office) asks the
   * PB office to take it back first, so no committee, agency or office is left with a closed member.
   */
  closeOwnAccount: (actor: Actor | null) => actor !== null && actor.roles.every((r) => r === "resident"),
  /** Who gives and takes back the roles of delegates, agency staff and the PB office: the PB office. */
  manageRoles: (actor: Actor | null) => hasRole(actor, "admin"),
};

/** The roles the PB office gives from its People page (every account is a resident). */
export const GRANTED_ROLES = ["delegate", "staff", "admin"] as const satisfies readonly Role[];
export type GrantedRole = (typeof GRANTED_ROLES)[number];

/**
 * Why a role may not be given to this account (null when it may). Anyone can sign up with any address,
 * so a role goes only to an account whose address is confirmed: its owner opened the link mailed there.
 */
export function grantRefusal(target: { emailConfirmed: boolean; roles: readonly string[] } | null, role: GrantedRole): string | null {
  if (!target) return message("admin:people.errors.noAccount");
  if (!target.emailConfirmed) return message("admin:people.errors.unconfirmed");
  if (target.roles.includes(role)) return message("admin:people.errors.alreadyHas");
  return null;
}

/**
 * Why a role may not be taken back (null when it may): a PB office account's own role is taken back by
 * another one, so the office never locks itself out (the one asking is always left).
 */
export function revokeRefusal(actor: Actor, target: { id: string }, role: GrantedRole): string | null {
  return role === "admin" && target.id === actor.id ? message("admin:people.errors.ownAdmin") : null;
}

/**
 * Why a resident may not close their account now (null: they may): not while a cycle they voted in with
 * it is still voting, or the same person could sign up again with the same address and vote a second time.
 */
export function closeAccountRefusal(votedInOpenCycles: readonly string[]): string | null {
  return votedInOpenCycles.length ? message("auth:account.closeRefusedVoting", { cycles: votedInOpenCycles.join(", ") }) : null;
}
