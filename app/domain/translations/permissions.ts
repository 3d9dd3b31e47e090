import { hasRole, type Actor } from "../auth/roles";

export const TRANSLATABLE = ["idea", "proposal", "update", "cycle", "category", "residency"] as const;
export type TranslatableType = (typeof TRANSLATABLE)[number];

export function isTranslatable(type: unknown): type is TranslatableType {
  return typeof type === "string" && (TRANSLATABLE as readonly string[]).includes(type);
}

/**
 * The PB office's own texts (what the home page and the ballot say about a cycle, and the residency rule
 * residents declare they meet, kept under the cycle's id), not what people wrote.
 */
export const OFFICE_TEXTS: readonly TranslatableType[] = ["cycle", "category", "residency"];

// Staff and the PB office translate what residents and delegates wrote; only the PB office its own texts;
// everyone reads the translations.
export const translationPermissions = {
  translate: (actor: Actor | null, type: TranslatableType) =>
    hasRole(actor, "admin") || (hasRole(actor, "staff") && !OFFICE_TEXTS.includes(type)),
};
