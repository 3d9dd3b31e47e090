import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters.").optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  // Where people reach the app, for links in e-mails.
  PUBLIC_URL: z.string().url("PUBLIC_URL must be a full address such as https://budget.example.org").default("http://localhost:3000"),
  // smtp://user:pass@host:587 to send e-mail; without it, e-mails are written to data/outbox (see /dev/outbox).
  SMTP_URL: z.string().url("SMTP_URL must look like smtp://user:password@host:587").optional(),
  MAIL_FROM: z.string().default("Civic Budget <no-reply@civic-budget.local>"),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}
export const env = parsed.data;

/**
 * The signing secret for cookies. Set SESSION_SECRET in production (and the
 * same one on every instance); on a single embedded install we make one once
 * and keep it in data/ so sessions survive restarts.
 */
function loadSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = "data/session-secret";
  if (!existsSync(file)) {
    mkdirSync("data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
export const sessionSecret = loadSecret();
export const secureCookies = env.NODE_ENV === "production" && env.COOKIE_SECURE !== "false";
