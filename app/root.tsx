import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useMemo, useRef } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { AuthenticityTokenInput, AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { getActor } from "~/auth.server";
import { csrf } from "~/csrf.server";
import { takeAccountNews } from "~/flash.server";
import { Notice } from "~/components/forms";
import { useNonce } from "~/components/nonce";
import { hasRole, type Actor } from "~/domain/auth/roles";
import { committeePermissions } from "~/domain/committees/permissions";
import { participationPermissions } from "~/domain/participation/permissions";
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, type Locale } from "~/i18n/config";
import { createI18n, type Translations } from "~/i18n/i18n";
import { localeOf, rememberLocale, translationsFor } from "~/i18n/i18n.server";
import stylesheet from "~/styles.css?url";
import enCommon from "~/locales/en/common.json";
import { forgetAllDrafts } from "~/components/kept-draft";

const ERROR_PAGE_TEXTS: Translations = { common: enCommon };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * The root's data (who is signed in, the language and all its texts, some 30 KB) changes only when a
 * form is sent (signing in or out) or the language is switched: moving between pages or filtering a
 * list does not fetch it again, which matters on a slow phone plan.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (formMethod && formMethod.toUpperCase() !== "GET") return defaultShouldRevalidate;
  return nextUrl.searchParams.has("lng") && nextUrl.searchParams.get("lng") !== currentUrl.searchParams.get("lng");
};

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const i18n = createI18n((data?.locale as Locale | undefined) ?? DEFAULT_LOCALE, (data?.translations as Translations | undefined) ?? {});
  return [{ title: i18n.t("common:brand") }, { name: "description", content: i18n.t("common:description") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [actor, [csrfToken, csrfCookie], locale, { news, cookie: newsCookie }] = await Promise.all([getActor(request), csrf.commitToken(request), localeOf(request), takeAccountNews(request)]);
  const headers = new Headers();
  if (csrfCookie) headers.append("Set-Cookie", csrfCookie);
  if (newsCookie) headers.append("Set-Cookie", newsCookie);
  const localeCookie = await rememberLocale(request, locale);
  if (localeCookie) headers.append("Set-Cookie", localeCookie);
  return Response.json({ actor, csrfToken, locale, translations: translationsFor(locale), welcome: news === "welcome" && actor !== null, closed: news === "closed" && actor === null }, { headers });
}

/** A route's handle may name the form whose unsent choices a language switch must carry, given its loader's data. */
export type LanguageForm = (data: unknown) => string | undefined;

/** Links to this same page in each language; plain links, so they work without JavaScript. */
function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  // A page holding unsent choices (the ballot) names its form: switching language then sends the
  // choices along ("change"), so they come back in the other language instead of being dropped.
  const keepForm = useMatches()
    .map((m) => (m.handle as { languageForm?: LanguageForm } | undefined)?.languageForm?.(m.data))
    .find(Boolean);
  return (
    <nav aria-label={t("common:nav.language")} className="language-switcher">
      <ul className="nav">
        {LOCALES.map((l) => {
          const params = new URLSearchParams(location.search);
          params.set("lng", l);
          const to = `${location.pathname}?${params}`;
          return (
            <li key={l}>
              {keepForm ? (
                <button type="submit" form={keepForm} formAction={to} name="intent" value="change" className="link-button" lang={l} aria-current={l === locale ? "true" : undefined}>
                  {LOCALE_NAMES[l]}
                </button>
              ) : (
                <Link to={to} lang={l} hrefLang={l} aria-current={l === locale ? "true" : undefined}>
                  {LOCALE_NAMES[l]}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Header({ actor, locale }: { actor: Actor | null; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="wrap header-row">
        <Link to="/" className="brand">
          {t("common:brand")}
        </Link>
        <nav aria-label={t("common:nav.main")}>
          <ul className="nav">
            <li><NavLink to="/ideas">{t("common:nav.ideas")}</NavLink></li>
            <li><NavLink to="/proposals">{t("common:nav.proposals")}</NavLink></li>
            <li><NavLink to="/vote">{t("common:nav.vote")}</NavLink></li>
            <li><NavLink to="/results">{t("common:nav.results")}</NavLink></li>
            <li><NavLink to="/projects">{t("common:nav.projects")}</NavLink></li>
            {committeePermissions.viewOwn(actor) ? <li><NavLink to="/committees">{t("committees:mine.nav")}</NavLink></li> : null}
            {hasRole(actor, "staff") || hasRole(actor, "admin") ? <li><NavLink to="/costing">{t("common:nav.costing")}</NavLink></li> : null}
            {participationPermissions.viewDashboard(actor) ? <li><NavLink to="/participation">{t("participation:nav")}</NavLink></li> : null}
            {hasRole(actor, "admin") ? <li><NavLink to="/admin">{t("common:nav.admin")}</NavLink></li> : null}
          </ul>
        </nav>
        <div className="account">
          {actor ? (
            <Form method="post" action="/logout" className="inline" onSubmit={forgetAllDrafts}>
              <AuthenticityTokenInput />
              <Link to="/account" className="account-link">
                {actor.name}
                <span className="sr-only">{` (${t("common:nav.account")})`}</span>
              </Link>{" "}
              <button type="submit" className="link-button">{t("common:nav.signOut")}</button>
            </Form>
          ) : (
            <Link to="/login">{t("common:nav.signIn")}</Link>
          )}
        </div>
        <LanguageSwitcher locale={locale} />
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  // Layout also wraps error pages, where the loader data may be missing.
  const data = useRouteLoaderData<typeof loader>("root");
  const actor = (data?.actor as Actor | null) ?? null;
  const locale = (data?.locale as Locale | undefined) ?? DEFAULT_LOCALE;
  // Without the root loader's data (the server restarting, the connection lost mid-request), the error
  // page still reads in words: the common texts in English travel with the app (3 KB) for that case.
  const translations = (data?.translations as Translations | undefined) ?? ERROR_PAGE_TEXTS;
  const i18n = useMemo(() => createI18n(data?.translations ? locale : DEFAULT_LOCALE, translations), [locale, translations, data?.translations]);
  const nonce = useNonce();
  // Pages whose route says `handle.hydrate === false` (the voting pages) are sent as plain HTML,
  // without the framework's JavaScript (see scripts/page-weight.ts).
  const hydrate = !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <a href="#main" className="skip-link">{i18n.t("common:skipToContent")}</a>
          <AuthenticityTokenProvider token={data?.csrfToken ?? ""}>
            <Header actor={actor} locale={locale} />
            <main id="main" className="wrap">
              {data?.welcome && actor ? (
                <Notice tone="success">{i18n.t(actor.emailConfirmed ? "auth:signup.welcome" : "auth:signup.welcomeConfirm", { name: actor.name, email: actor.email })}</Notice>
              ) : null}
              {data?.closed ? <Notice tone="success">{i18n.t("auth:account.closed")}</Notice> : null}
              {children}
            </main>
            <footer className="site-footer wrap">
              <p className="muted">{i18n.t("common:footer")}</p>
            </footer>
          </AuthenticityTokenProvider>
        </I18nextProvider>
        {hydrate ? <ScrollRestoration nonce={nonce} /> : null}
        {hydrate ? <Scripts nonce={nonce} /> : null}
      </body>
    </html>
  );
}

/**
 * After a move to another page in the browser (no full load), focus goes to the new page's heading,
 * which a screen reader then reads, as it would read a page loaded afresh; otherwise focus stays on
 * the page body and nothing says the page changed. Not on the first load, nor to a #fragment.
 */
function useFocusHeadingOnNavigation() {
  const { pathname, hash } = useLocation();
  const seen = useRef<string | null>(null);
  useEffect(() => {
    const first = seen.current === null;
    seen.current = pathname;
    if (first || hash) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading || heading.contains(document.activeElement)) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [pathname, hash]);
}

export default function App() {
  useFocusHeadingOnNavigation();
  return <Outlet />;
}

// Also each route with an action (see ErrorPage): a refused post must not lose the root loader's data.
export { ErrorPage as ErrorBoundary } from "~/components/error-page";
