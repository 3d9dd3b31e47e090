import type { Actor } from "../auth/roles";

export const accountPermissions = {
  /** A new link to confirm the address: for the signed-in person's own account (a visitor is asked to sign in). */
  askConfirmationLink: (actor: Actor | null) => actor !== null,
  /** Offered where the person follows something while their address is unconfirmed: no e-mail reaches them yet. */
  offerConfirmationLink: (actor: Actor | null | undefined): actor is Actor => actor?.emailConfirmed === false,
};
