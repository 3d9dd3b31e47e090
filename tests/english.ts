// Domain rules return translatable messages (see ~/i18n/message); tests read them as an
// English reader would see them, so assertions keep checking the words people get.
import { readFileSync } from "node:fs";
import { LOCALES, NAMESPACES, type Locale } from "~/i18n/config";
import { createI18n } from "~/i18n/i18n";
import { decodeMessage } from "~/i18n/message";

function translations(locale: Locale) {
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(`app/locales/${locale}/${ns}.json`, "utf8")) as unknown]));
}

const instances = Object.fromEntries(LOCALES.map((l) => [l, createI18n(l, translations(l))])) as Record<Locale, ReturnType<typeof createI18n>>;

/** A message in words, in the given language; text that is not a message comes back unchanged. */
export function inWords(text: string, locale: Locale = "en"): string {
  const decoded = decodeMessage(text);
  const i18n = instances[locale];
  if (!decoded) return text;
  if (!i18n.exists(decoded.key, decoded.values)) throw new Error(`No ${locale} text for ${decoded.key}`);
  return i18n.t(decoded.key, decoded.values);
}

/** The same for a list of messages (ballot errors, phase blockers). */
export const allInWords = (texts: readonly string[], locale: Locale = "en") => texts.map((t) => inWords(t, locale));

/** A t() for functions that take one (explainNote). */
export const tIn = (locale: Locale = "en") => (key: string, values?: Record<string, string | number>) => instances[locale].t(key, values);
