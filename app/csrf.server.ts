import { createCookie } from "@remix-run/node";
import { CSRF, CSRFError } from "remix-utils/csrf/server";
import { secureCookies, sessionSecret } from "~/env.server";
import { message } from "~/i18n/message";

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
      throw new Response(message("auth:errors.formExpired"), { status: 403, statusText: "Forbidden" });
    }
    throw error;
  }
  return formData;
}
