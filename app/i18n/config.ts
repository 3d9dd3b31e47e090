// Languages and namespaces shipped. Keys are always written whole, namespace first (ideas, then new.title).
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

export const NAMESPACES = ["common", "home", "auth", "ideas", "proposals", "costing", "vote", "results", "projects", "admin", "imports", "comments", "follows", "participation", "committees", "translations"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A language's own name ("Español"); a code this release does not ship (stored by an older one) as written. */
export function localeName(code: string): string {
  return isLocale(code) ? LOCALE_NAMES[code] : code;
}

/** The BCP 47 tag Intl formatters get for a shipped language. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-US", es: "es-US" };
