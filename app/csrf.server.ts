import { createCookie, redirect } from "@remix-run/node";
import { CSRF, CSRFError } from "remix-utils/csrf/server";
import { secureCookies, sessionSecret } from "~/env.server";
import { message } from "~/i18n/message";
import { logger } from "~/logger.server";

const csrfCookie = createCookie("cb_csrf", {
  path: "/",
  httpOnly: true,
  secure: secureCookies,
  sameSite: "lax",
  secrets: [sessionSecret],
});

export const csrf = new CSRF({ cookie: csrfCookie, formDataKey: "csrf", secret: sessionSecret });

/**
 * Signing in or out drops the forms' token (the next page makes a new one): a form still open in
 * another tab from before is then refused, never sent in the name of whoever is signed in now.
 */
export function dropFormToken() {
  // null, not "": a client that sends the expired cookie back anyway must get a new token, and an
  // empty string would be taken as the token itself.
  return csrfCookie.serialize(null, { maxAge: 0 });
}

let warnedOverHttp = false;

/**
 * Reads the form and checks its CSRF token; every state-changing action starts here. `whenExpired`:
 * where to send a form whose token changed under it (signed in or out in another tab) instead of the
 * general "form expired" page, when that page would say less than the form's own one.
 */
export async function readForm(request: Request, { whenExpired }: { whenExpired?: string } = {}): Promise<FormData> {
  const formData = await request.formData().catch(() => {
    throw new Response(message("auth:errors.formUnreadable"), { status: 400 });
  });
  try {
    await csrf.validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) {
      // Cookies marked Secure never come back over plain HTTP: say so rather than "the form expired".
      // (Behind a TLS proxy without TRUST_PROXY the request looks like http: the proxy's header says otherwise.)
      // Browsers keep Secure cookies for http://localhost (a secure context), so there the cause is another.
      const url = new URL(request.url);
      const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || url.hostname.endsWith(".localhost");
      const overHttp = secureCookies && !local && url.protocol === "http:" && request.headers.get("x-forwarded-proto") !== "https";
      if (overHttp && !warnedOverHttp) {
        warnedOverHttp = true; // once per process: anyone can send forms over plain HTTP
        logger.warn("a form came over plain HTTP while cookies are Secure (COOKIE_SECURE): serve the site over HTTPS (behind a TLS proxy set TRUST_PROXY=true), or set COOKIE_SECURE=false on a private network");
      }
      if (whenExpired && !overHttp) throw redirect(whenExpired);
      throw new Response(message(overHttp ? "auth:errors.needsHttps" : "auth:errors.formExpired"), { status: 403, statusText: "Forbidden" });
    }
    throw error;
  }
  return formData;
}
