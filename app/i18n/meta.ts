import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { createI18n, type Translations } from "~/i18n/i18n";
import type { MessageValues } from "~/i18n/message";

type Match = { id: string; data: unknown };

/**
 * A page's <title> in the reader's language: meta functions get the root loader's translations through `matches`.
 * `refused`: the page shows why a form was refused, which the title says first (read before anything else).
 */
export function pageTitle(matches: readonly Match[], key: string, values?: MessageValues, { refused = false } = {}): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown; translations?: Translations } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const { t } = createI18n(locale, root?.translations ?? {});
  const title = `${t(key, values)} · ${t("common:brand")}`;
  return [{ title: refused ? t("common:error.refusedTitle", { title }) : title }];
}
