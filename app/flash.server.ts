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
 * "Your account is ready", once, on whatever page sign-up goes on to. A cookie of its own, read by
 * the root loader only: the sign-in session's cookie is also written by the page's own loader at the
 * same time, and one of the two would bring the other's notice back.
 */
const welcomeCookie = createCookie("cb_welcome", { path: "/", httpOnly: true, secure: secureCookies, sameSite: "lax", maxAge: 600 });

export function markWelcome() {
  return welcomeCookie.serialize("1");
}

/** Whether sign-up just happened, and the cookie that forgets it (when there was one to forget). */
export async function takeWelcome(request: Request): Promise<{ welcome: boolean; cookie: string | null }> {
  const welcome = (await welcomeCookie.parse(request.headers.get("Cookie"))) === "1";
  return { welcome, cookie: welcome ? await welcomeCookie.serialize("", { maxAge: 0 }) : null };
}
