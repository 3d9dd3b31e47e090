import { createInstance, type i18n as I18n } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, INTL_LOCALE, NAMESPACES, isLocale, type Locale } from "~/i18n/config";
import { decodeMessage } from "~/i18n/message";
import { formatMoney } from "~/domain/money";

export type Translations = Record<string, unknown>;

/**
 * One i18next instance per render tree (never a global: the server renders pages in several
 * languages at once). Resources come from the root loader, so the browser only receives the
 * current language and nothing is fetched before hydration.
 */
export function createI18n(locale: Locale, translations: Translations): I18n {
  const i18n = createInstance();
  void i18n.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources: { [locale]: translations as Record<string, Record<string, unknown>> },
    interpolation: { escapeValue: false }, // React escapes
    initImmediate: false,
    returnNull: false,
  });
  // "{{max, number}}" in a text is written as the rest of the page writes numbers (es-US: "20,000,000"),
  // not by the bare language code (es: "20.000.000", which next to "$20,706.90" reads as something else).
  i18n.services.formatter?.add("number", (value: unknown, lng: string | undefined, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(INTL_LOCALE[isLocale(lng) ? lng : DEFAULT_LOCALE], options).format(value as number),
  );
  // "{{ranks, list}}" with "1,2,3" (message values are plain text): "1, 2, and 3", "1, 2 y 3".
  i18n.services.formatter?.add("list", (value: unknown, lng: string | undefined) =>
    new Intl.ListFormat(INTL_LOCALE[isLocale(lng) ? lng : DEFAULT_LOCALE], { type: "conjunction" }).format(String(value).split(",")),
  );
  return i18n;
}

/** The current language (from the i18next instance the page renders with). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Translates a message a domain rule or schema returned (see ~/i18n/message); other text is shown as it is. */
export function useMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (text: string) => {
      const decoded = decodeMessage(text);
      return decoded && i18n.exists(decoded.key, decoded.values) ? t(decoded.key, decoded.values) : text;
    },
    [t, i18n],
  );
}

/**
 * A share as a percentage with up to `digits` decimals; under 1%, with `digits` + 1 significant digits
 * instead ("0.044%", "0.052%"), so small shares keep their order and are never "0%": 24 voters of
 * 55,000 did take part.
 */
export function formatPercent(fraction: number, digits: number, locale: string) {
  const small = fraction > 0 && fraction < 0.01;
  return fraction.toLocaleString(locale, small ? { style: "percent", maximumSignificantDigits: digits + 1 } : { style: "percent", maximumFractionDigits: digits });
}

/** Money, dates and numbers in the reader's language. */
export function useFormat() {
  const locale = INTL_LOCALE[useLocale()];
  return {
    money: (cents: number | bigint, currency = "USD") => formatMoney(cents, currency, locale),
    number: (value: number) => value.toLocaleString(locale),
    percent: (fraction: number, digits = 0) => formatPercent(fraction, digits, locale),
    date: (value: string | Date) => formatDate(value, locale),
    dateTime: (value: string | Date) => new Date(value).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }),
  };
}

/** A day written as `intlLocale` writes dates: "November 26, 2026", "26 de noviembre de 2026". */
export function formatDate(value: string | Date, intlLocale: string): string {
  return new Date(value).toLocaleDateString(intlLocale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/**
 * A name (the PB office's) or a title as a reader sees it: its translation (writtenIn null), or as written,
 * in its language.
 */
export type OfficeName = { name: string; writtenIn: string | null };

/** One choice of a select; `lang`: its label's language where it may not be the page's (see useWrittenIn). */
export type Choice = { value: string; label: string; lang?: string | null };

export function choiceOf(value: string, name: OfficeName): Choice {
  return { value, label: name.name, lang: name.writtenIn };
}

/**
 * What a person wrote is shown as written where nobody translated it: a `lang` for it when its
 * language is not the page's, so a screen reader reads it with the right voice (WCAG 3.1.2).
 * `writtenIn` is null for a translation (in the page's language).
 */
export function useWrittenIn() {
  const page = useLocale();
  return (writtenIn: string | null | undefined): string | undefined => (writtenIn && writtenIn !== page ? writtenIn : undefined);
}
