import { z } from "zod";
import { message } from "../../i18n/message";

export const loginInput = z.object({
  email: z.string({ required_error: message("auth:errors.emailMissing") }).trim().toLowerCase().email(message("auth:errors.emailInvalid")),
  password: z.string({ required_error: message("auth:errors.passwordMissing") }).min(1, message("auth:errors.passwordMissing")),
  redirectTo: z.string().optional(),
});

export const signupInput = z.object({
  name: z.string({ required_error: message("auth:errors.nameMissing") }).trim().min(2, message("auth:errors.nameMissing")).max(80),
  email: z.string({ required_error: message("auth:errors.emailMissing") }).trim().toLowerCase().email(message("auth:errors.emailInvalid")),
  password: z
    .string({ required_error: message("auth:errors.passwordShort") })
    .min(10, message("auth:errors.passwordShort"))
    .max(200, message("auth:errors.passwordLong")),
});

/** Only same-site paths, so a link cannot bounce people to another site after sign-in. */
export function safeRedirect(to: string | undefined | null, fallback = "/"): string {
  // Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil" would leave the site.
  if (!to || !to.startsWith("/") || /[\s\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  const base = "http://civic-budget.invalid";
  const url = new URL(to, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
