import { z } from "zod";
import { message } from "../../i18n/message";
import { GRANTED_ROLES } from "./permissions";

const email = z.string({ required_error: message("auth:errors.emailMissing") }).trim().toLowerCase().email(message("auth:errors.emailInvalid"));

export const loginInput = z.object({
  email,
  password: z.string({ required_error: message("auth:errors.passwordMissing") }).min(1, message("auth:errors.passwordMissing")),
  redirectTo: z.string().optional(),
});

/** A password chosen at sign-up or with a reset link. */
const newPassword = z
  .string({ required_error: message("auth:errors.passwordShort") })
  .min(10, message("auth:errors.passwordShort"))
  .max(200, message("auth:errors.passwordLong"));

/** The name others see beside a person's ideas and comments. */
const personName = z.string({ required_error: message("auth:errors.nameMissing") }).trim().min(2, message("auth:errors.nameMissing")).max(80, message("auth:errors.nameLong"));

export const signupInput = z.object({ name: personName, email, password: newPassword });

const currentPassword = z.string({ required_error: message("auth:errors.passwordMissing") }).min(1, message("auth:errors.passwordMissing"));

/**
 * The account page's forms: the name, the password, or closing the account (the last two with the
 * current password first, as a shared computer may be left signed in).
 */
export const accountInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("name"), name: personName }),
  z.object({ intent: z.literal("password"), current: currentPassword, password: newPassword }),
  z.object({
    intent: z.literal("close"),
    current: currentPassword,
    understood: z.literal("yes", { errorMap: () => ({ message: message("auth:account.errors.understood") }) }),
  }),
]);

export const forgotPasswordInput = z.object({ email });

/**
 * The PB office gives a role to the account with this address: agency staff belong to an agency, one
 * already known or a new one named here.
 */
export const grantRoleInput = z
  .object({
    email,
    role: z.enum(GRANTED_ROLES, { errorMap: () => ({ message: message("admin:people.errors.role") }) }),
    agencyId: z.string().trim().max(40).default(""),
    newAgency: z.string().trim().max(100, message("admin:people.errors.agencyLong")).default(""),
    lead: z.preprocess((v) => v === "on" || v === "yes" || v === true, z.boolean()).default(false),
  })
  .superRefine((v, ctx) => {
    if (v.role !== "staff") return;
    if (!v.agencyId && v.newAgency.length < 2) ctx.addIssue({ code: "custom", path: ["agencyId"], message: message("admin:people.errors.agency") });
    if (v.agencyId && v.newAgency) ctx.addIssue({ code: "custom", path: ["newAgency"], message: message("admin:people.errors.agencyBoth") });
  });

/** A role taken back from one account. */
export const revokeRoleInput = z.object({
  userId: z.string().min(1).max(40),
  role: z.enum(GRANTED_ROLES),
});

/** The token an e-mailed link carries (a password reset, an address confirmation). */
const linkToken = z.string({ required_error: message("auth:errors.resetLinkBroken") }).regex(/^[A-Za-z0-9_-]{20,100}$/, message("auth:errors.resetLinkBroken"));
/** A page opened from an e-mailed link: its token, from the query string. */
export const linkTokenInput = z.object({ token: linkToken });

export const resetPasswordInput = z.object({ token: linkToken, password: newPassword });

/** How long a link to choose a new password works. */
export const RESET_LINK_MINUTES = 60;
/** The confirmation page's forms: confirm with the link's token, or (signed in) have a new link sent. */
export const confirmEmailInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), token: linkToken }),
  z.object({ intent: z.literal("resend"), redirectTo: z.string().optional() }),
]);

/** How long the link e-mailed at sign-up confirms the address: a resident may read their mail days later. */
export const CONFIRM_LINK_DAYS = 7;

/** Only same-site paths, so a link cannot bounce people to another site after sign-in. */
export function safeRedirect(to: string | undefined | null, fallback = "/"): string {
  // Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil" would leave the site.
  if (!to || !to.startsWith("/") || /[\s\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  const base = "http://civic-budget.invalid";
  const url = new URL(to, base);
  // Dot segments are resolved first: "/..//evil.example" becomes "//evil.example", another site to a browser.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === base && !path.startsWith("//") ? path : fallback;
}
