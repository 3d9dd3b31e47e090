// Rate limits on the doors people (and scripts) knock on: sign-in, sign-up, voter
// codes and new ideas. Limits are per client address and, where there is one, per
// account or email. On PostgreSQL the counters live in the database (table
// rate_limits), so every app instance counts the same attempts; on SQLite (one
// instance) they stay in memory.
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { dialectOf } from "~/db/adapter";
import { env } from "~/env.server";
import { message } from "~/i18n/message";
import { logger } from "~/logger.server";

const minutes = (n: number) => n * 60;

interface Limit {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
}

// A few connections of their own, closed when idle (they never keep a process alive).
const shared = dialectOf(env.DATABASE_URL) === "postgresql" ? new pg.Pool({ connectionString: env.DATABASE_URL, max: 3, idleTimeoutMillis: 10_000, allowExitOnIdle: true }) : null;
// An idle connection the server closed (a restart, a failover) is only logged: the next
// attempt opens a new one, and meanwhile the in-memory limiter stands in.
shared?.on("error", (error) => logger.warn({ err: error }, "rate-limit connection to PostgreSQL lost"));

function limiter(limit: Limit): RateLimiterAbstract {
  if (shared === null) return new RateLimiterMemory(limit);
  return new RateLimiterPostgres({
    ...limit,
    storeClient: shared,
    storeType: "pool",
    tableName: "rate_limits", // made by a migration
    tableCreated: true,
    clearExpiredByTimeout: false,
    // If the database does not answer, each instance still limits on its own.
    insuranceLimiter: new RateLimiterMemory(limit),
  });
}

export const LIMITS = {
  loginPerIp: limiter({ keyPrefix: "login-ip", points: 30, duration: minutes(15) }),
  // Guesses at one account are counted per address they come from, so that nobody can lock its owner
  // out by sending a few wrong passwords; a looser count over all addresses bounds a spread-out attack.
  loginPerEmailAndIp: limiter({ keyPrefix: "login-email-ip", points: 8, duration: minutes(15) }),
  loginPerEmail: limiter({ keyPrefix: "login-email", points: 100, duration: minutes(60) }),
  // The current password asked on the account page (to change it, to close the account): a browser left
  // signed in must not let someone try password after password.
  currentPasswordPerAccount: limiter({ keyPrefix: "current-password-user", points: 8, duration: minutes(15) }),
  signupPerIp: limiter({ keyPrefix: "signup-ip", points: 10, duration: minutes(60) }),
  // Each ask sends an e-mail: few per address, so nobody can flood someone's inbox.
  resetPerIp: limiter({ keyPrefix: "reset-ip", points: 10, duration: minutes(60) }),
  resetPerEmail: limiter({ keyPrefix: "reset-email", points: 3, duration: minutes(60) }),
  // A new sign-up confirmation link: each is an e-mail.
  confirmPerAccount: limiter({ keyPrefix: "confirm-user", points: 3, duration: minutes(60) }),
  // Choosing the new password: each try may hash one, so a script cannot keep the server busy.
  resetUsePerIp: limiter({ keyPrefix: "reset-use-ip", points: 20, duration: minutes(60) }),
  // A polling station may share one address: generous, yet 10,000 guesses take weeks.
  voterCodePerIp: limiter({ keyPrefix: "code-ip", points: 60, duration: minutes(10), blockDuration: minutes(30) }),
  ideaPerAccount: limiter({ keyPrefix: "idea-user", points: 15, duration: minutes(60) }),
  commentPerAccount: limiter({ keyPrefix: "comment-user", points: 30, duration: minutes(60) }),
  followPerAccount: limiter({ keyPrefix: "follow-user", points: 60, duration: minutes(60) }),
} as const;

/** The address the request came from (server.js passes it; behind a proxy set TRUST_PROXY). */
export function clientAddress(context: unknown): string {
  const ip = (context as { clientIp?: unknown } | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}

type Check = readonly [limiter: RateLimiterAbstract, key: string];

/** How long to wait, as a translatable message (see ~/i18n/message). */
function waitMessage(msBeforeNext: number) {
  const wait = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return wait === 1 ? message("common:rateLimit.waitOneMinute") : message("common:rateLimit.waitMinutes", { minutes: wait });
}

/** Takes one attempt from each limiter: null when allowed, else how long to wait (a message key). */
export async function takeAttempt(...checks: Check[]): Promise<string | null> {
  for (const [limiter, key] of checks) {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return waitMessage(rejection.msBeforeNext);
      throw rejection;
    }
  }
  return null;
}

/** For limits that count only failures: is any of these keys used up already? */
export async function alreadyLimited(...checks: Check[]): Promise<string | null> {
  for (const [limiter, key] of checks) {
    const state = await limiter.get(key);
    if (state && state.remainingPoints <= 0) return waitMessage(state.msBeforeNext);
  }
  return null;
}

/** Counts one attempt against each limit: a wrong password, an unknown voter code, an idea shared. */
export async function recordAttempt(...checks: Check[]) {
  for (const [limiter, key] of checks) await limiter.consume(key).catch(() => undefined);
}

/**
 * Gives back an attempt taken with takeAttempt, for doors where only failures should count (a
 * voter code that was right). Taking first and giving back after keeps the limit when many
 * guesses arrive at once: checking first and counting after let them all through.
 */
export async function giveBack(...checks: Check[]) {
  for (const [limiter, key] of checks) await limiter.reward(key, 1).catch(() => undefined);
}

/** Forgets the failures on a key after a success (e.g. a correct password). */
export async function forgive(limiter: RateLimiterAbstract, key: string) {
  await limiter.delete(key);
}
