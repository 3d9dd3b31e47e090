import { hasRole, type Actor } from "../auth/roles";

export const TRANSLATABLE = ["idea", "proposal", "update"] as const;
export type TranslatableType = (typeof TRANSLATABLE)[number];

// Staff and the PB office translate what residents and delegates wrote; everyone reads the translations.
export const translationPermissions = {
  translate: (actor: Actor | null) => hasRole(actor, "admin") || hasRole(actor, "staff"),
};
