// The app's whole configuration: environment variables only, checked with zod when the
// server starts (an invalid value stops it with a message naming the variable). README's
// "Running in production" lists them. server.js reads the result through the build.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, dialectOf } from "./db/adapter";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: int(1, 65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), 'must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)'),
    DATABASE_POOL_SIZE: int(1, 1000).default(10),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // Secrets used before SESSION_SECRET, comma-separated: what was sealed or signed under them still opens.
    SESSION_SECRETS_PREVIOUS: z
      .string()
      .default("")
      .transform((list) => list.split(",").map((s) => s.trim()).filter(Boolean))
      .refine((list) => list.every((s) => s.length >= 32), "each secret must be at least 32 characters"),
    COOKIE_SECURE: bool.optional(),
    TRUST_PROXY: bool.default("false"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(25_000),
    BACKUP_DIR: z.string().min(1).default("data/backups"),
    // Where photos on project updates are kept (re-encoded, with previews).
    UPLOAD_DIR: z.string().min(1).default("data/uploads"),
    // Where people reach the app, for links in e-mails.
    PUBLIC_URL: z.string().url("must be a full address such as https://budget.example.org").optional(),
    // smtp://user:pass@host:587 to send e-mail; without it, e-mails are written to data/outbox (see /dev/outbox).
    SMTP_URL: z.string().url("must look like smtp://user:password@host:587").optional(),
    MAIL_FROM: z.string().default("Civic Budget <no-reply@civic-budget.local>"),
  })
  // Unset, links in e-mails point at this machine on the port the app listens on.
  .transform((env) => ({ ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` }))
  .superRefine((env, ctx) => {
    // Several instances on one PostgreSQL database must sign cookies with the same secret.
    if (env.NODE_ENV === "production" && dialectOf(env.DATABASE_URL) === "postgresql" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production on PostgreSQL (the same on every instance)" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable counts as unset.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

export const env = parseEnv(process.env);

/**
 * The signing secret for cookies. Set SESSION_SECRET in production (and the
 * same one on every instance); on a single embedded install we make one once
 * and keep it in data/ so sessions survive restarts.
 */
export const GENERATED_SECRET_FILE = "data/session-secret";

/** Where the secret came from: "new" when this process just made it (a script run without the app's SESSION_SECRET, say). */
export let secretSource: "env" | "file" | "new" = "env";

function loadSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = GENERATED_SECRET_FILE;
  secretSource = "file";
  if (!existsSync(file)) {
    mkdirSync("data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
    secretSource = "new";
  }
  return readFileSync(file, "utf8").trim();
}
export const sessionSecret = loadSecret();
/** The current secret first (it signs and seals), then the previous ones (they still verify and open). */
export const sessionSecrets = [sessionSecret, ...env.SESSION_SECRETS_PREVIOUS];
export const secureCookies = env.NODE_ENV === "production" && env.COOKIE_SECURE !== false;
