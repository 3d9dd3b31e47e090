import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LOCALE, INTL_LOCALE, LOCALES, isLocale, type Locale } from "~/i18n/config";
import { secureCookies } from "~/env.server";
import { createI18n, formatDate, type Translations } from "~/i18n/i18n";
import { formatMoney } from "~/domain/money";
import { RESOURCES } from "~/locales";

// All shipped translations, bundled with the server (the browser gets one language from the root loader).
const translations: Record<Locale, Translations> = RESOURCES;

/** The language a person chose stays chosen (a year; not tied to an account, so voters without one keep it too). */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
});

/** ?lng= (the language links), then the remembered choice, then the browser's Accept-Language. */
export async function localeOf(request: Request): Promise<Locale> {
  const detected = await detector.getLocale(request);
  return isLocale(detected) ? detected : DEFAULT_LOCALE;
}

/** The Set-Cookie that remembers a language picked with ?lng=, or null when none was picked. */
export async function rememberLocale(request: Request, locale: Locale): Promise<string | null> {
  return new URL(request.url).searchParams.has("lng") ? localeCookie.serialize(locale) : null;
}

export function translationsFor(locale: Locale): Translations {
  return translations[locale];
}

/** A t() for server-only text (e-mails, CSV headers, page titles in meta). */
export async function serverT(request: Request) {
  const locale = await localeOf(request);
  return createI18n(locale, translations[locale]).t;
}

/** A t() for one language, e.g. for an e-mail to a follower in the language they chose. */
export function translatorFor(locale: string) {
  const lng = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createI18n(lng, translations[lng]).t;
}

const intlLocale = (locale: string) => INTL_LOCALE[isLocale(locale) ? locale : DEFAULT_LOCALE];

/** A calendar day written as `locale` writes dates ("November 26, 2026", "26 de noviembre de 2026"). */
export function dateIn(locale: string, day: string) {
  return formatDate(day, intlLocale(locale));
}

/** An amount written as `locale` writes money ("€6,000.50", "EUR 6,000.50"). */
export function moneyIn(locale: string, cents: number, currency: string) {
  return formatMoney(cents, currency, intlLocale(locale));
}
