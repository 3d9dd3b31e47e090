// "Done" notices shown once after a redirect. In the address (`?saved=1`) they came back on every
// reload, even after a later form was refused; in the sign-in cookie they are gone once read.
import { createCookie, redirect } from "@remix-run/node";
import { getSession, sessionStorage } from "~/auth.server";
import { secureCookies } from "~/env.server";

const KEY = "done";

/** Redirects to `to`, carrying what was just done for the next page load only. */
export async function redirectWithDone(request: Request, to: string, done: Record<string, string>) {
  const session = await getSession(request);
  session.flash(KEY, done);
  return redirect(to, { headers: { "Set-Cookie": await sessionStorage.commitSession(session) } });
}

/** What the last redirect said was done (once), and the cookie that forgets it: send it with the page. */
export async function takeDone(request: Request): Promise<{ done: Record<string, string>; headers: { "Set-Cookie": string } }> {
  const session = await getSession(request);
  const value = session.get(KEY) as unknown;
  const done: Record<string, string> = {};
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (typeof v === "string") done[k] = v;
  }
  return { done, headers: { "Set-Cookie": await sessionStorage.commitSession(session) } };
}

/**
 * What happened to the account itself, said once on whatever page comes next: "your account is ready"
 * after sign-up, "your account is closed" after closing it. A cookie of its own, read by the root loader
 * only: the sign-in session's cookie is also written by the page's own loader at the same time, and one
 * of the two would bring the other's notice back.
 */
const ACCOUNT_NEWS = ["welcome", "closed"] as const;
export type AccountNews = (typeof ACCOUNT_NEWS)[number];
const newsCookie = createCookie("cb_account_news", { path: "/", httpOnly: true, secure: secureCookies, sameSite: "lax", maxAge: 600 });

export function markAccountNews(news: AccountNews) {
  return newsCookie.serialize(news);
}

/** What just happened to the account (null: nothing), and the cookie that forgets it (when there was one to forget). */
export async function takeAccountNews(request: Request): Promise<{ news: AccountNews | null; cookie: string | null }> {
  const value: unknown = await newsCookie.parse(request.headers.get("Cookie"));
  const news = ACCOUNT_NEWS.find((n) => n === value) ?? null;
  return { news, cookie: news ? await newsCookie.serialize("", { maxAge: 0 }) : null };
}
