import { z } from "zod";

export const loginInput = z.object({
  email: z.string({ required_error: "Enter your email address." }).trim().toLowerCase().email("Enter a valid email address, like name@example.org."),
  password: z.string({ required_error: "Enter your password." }).min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});

export const signupInput = z.object({
  name: z.string({ required_error: "Tell us your name (a first name is fine)." }).trim().min(2, "Tell us your name (a first name is fine).").max(80),
  email: z.string({ required_error: "Enter your email address." }).trim().toLowerCase().email("Enter a valid email address, like name@example.org."),
  password: z
    .string({ required_error: "Choose a password of at least 10 characters." })
    .min(10, "Choose a password of at least 10 characters.")
    .max(200, "Keep the password under 200 characters."),
});

/** Only same-site paths, so a link cannot bounce people to another site after sign-in. */
export function safeRedirect(to: string | undefined | null, fallback = "/"): string {
  // Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil" would leave the site.
  if (!to || !to.startsWith("/") || /[\s\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  const base = "http://civic-budget.invalid";
  const url = new URL(to, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
