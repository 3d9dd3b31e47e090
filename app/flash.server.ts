// "Done" notices shown once after a redirect. In the address (`?saved=1`) they came back on every
// reload, even after a later form was refused; in the sign-in cookie they are gone once read.
import { redirect } from "@remix-run/node";
import { getSession, sessionStorage } from "~/auth.server";

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
