import { createCookie } from "@remix-run/node";
import { CSRF, CSRFError } from "remix-utils/csrf/server";
import { secureCookies, sessionSecret } from "~/env.server";
import { message } from "~/i18n/message";
import { logger } from "~/logger.server";

export const csrf = new CSRF({
  cookie: createCookie("cb_csrf", {
    path: "/",
    httpOnly: true,
    secure: secureCookies,
    sameSite: "lax",
    secrets: [sessionSecret],
  }),
  formDataKey: "csrf",
  secret: sessionSecret,
});

/** Reads the form and checks its CSRF token; every state-changing action starts here. */
export async function readForm(request: Request): Promise<FormData> {
  const formData = await request.formData().catch(() => {
    throw new Response(message("auth:errors.formUnreadable"), { status: 400 });
  });
  try {
    await csrf.validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) {
      // Cookies marked Secure never come back over plain HTTP: say so rather than "the form expired".
      const overHttp = secureCookies && new URL(request.url).protocol === "http:";
      if (overHttp) logger.warn("a form came over plain HTTP while cookies are Secure (COOKIE_SECURE): serve the site over HTTPS (behind a TLS proxy set TRUST_PROXY=true), or set COOKIE_SECURE=false on a private network");
      throw new Response(message(overHttp ? "auth:errors.needsHttps" : "auth:errors.formExpired"), { status: 403, statusText: "Forbidden" });
    }
    throw error;
  }
  return formData;
}
