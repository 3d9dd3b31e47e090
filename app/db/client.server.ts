// One Prisma client per process, for the database DATABASE_URL names. With the query
// compiler each database has its own generated client (app/generated/prisma for SQLite,
// app/generated/prisma-pg for PostgreSQL, both made by `npm install` from the one data
// model); the models are the same, so the app sees one type.
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "~/generated/prisma-pg/client";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PRISMA_PATHS, createAdapter, databaseUrl, dialectOf, type Dialect } from "./adapter";

export const dialect: Dialect = dialectOf(databaseUrl());

/**
 * Key of the PostgreSQL advisory lock that stands in for SQLite's single writer. SQLite runs
 * one write transaction at a time, and the data layer relies on it (the audit chain reads the
 * last hash, public numbers are max + 1, a phase change and a ballot never overlap). On
 * PostgreSQL every interactive transaction takes this lock exclusively, except the casting
 * of ballots, which takes it shared: ballots go in side by side (their safety is the unique
 * participation per code), but never alongside a phase change or any other write.
 */
const WRITE_LOCK = 2026_1126;

/**
 * Money columns are BigInt (a budget in forints or won does not fit 32 bits), but every amount
 * the app handles is a plain number of cents (exact up to 2^53): converted here, once.
 */
const cents = <F extends string>(...fields: F[]) =>
  Object.fromEntries(
    fields.map((f) => [f, { needs: { [f]: true }, compute: (row: Record<F, bigint>) => Number(row[f]) }]),
  ) as { [K in F]: { needs: { [P in K]: true }; compute: (row: Record<K, bigint>) => number } };

function withMoneyAsNumbers<C extends PrismaClient>(client: C) {
  return client.$extends({
    result: {
      district: cents("budgetCents"),
      costEstimate: cents("oneOffCents", "contingencyCents", "totalCents", "recurringCents"),
      costLineItem: cents("unitCostCents", "totalCents"),
      tallyResult: cents("budgetCents", "spentCents"),
      tallyProjectResult: cents("costCents"),
      project: cents("budgetCents"),
      projectSpend: cents("amountCents"),
    },
  });
}
export type Db = ReturnType<typeof withMoneyAsNumbers<PrismaClient>>;

function makeClient(): Db {
  if (dialect === "sqlite") return withMoneyAsNumbers(new PrismaClient({ adapter: createAdapter() }));
  const client = withMoneyAsNumbers(new PgPrismaClient({ adapter: createAdapter() }) as unknown as PrismaClient);
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const serialized = (arg: unknown, options?: unknown) =>
    typeof arg === "function"
      ? transaction(async (tx: PgPrismaClient) => {
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
          return arg(tx);
        }, options)
      : transaction(arg, options);
  const wrapped = new Proxy(client, {
    get(target, prop) {
      if (prop === "$transaction") return serialized;
      if (prop === "$sharedWriteTransaction") return (fn: (tx: PgPrismaClient) => Promise<unknown>, options?: unknown) =>
        transaction(async (tx: PgPrismaClient) => {
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock_shared(${WRITE_LOCK})`);
          return fn(tx);
        }, options);
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  // Same models, same queries: the PostgreSQL client is used through the SQLite client's type.
  return wrapped as unknown as Db;
}

// One client per process (kept across dev-server reloads).
const globalForPrisma = globalThis as unknown as { prisma?: Db };

export const prisma: Db = globalForPrisma.prisma ?? makeClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export type Tx = Parameters<Extract<Parameters<Db["$transaction"]>[0], (...args: never[]) => unknown>>[0];

/**
 * A write transaction that may run beside others of its kind (casting ballots): on
 * PostgreSQL it takes the write lock shared, so it still waits for, and holds off,
 * the serialized writes. On SQLite, a plain transaction.
 */
export function sharedWriteTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const shared = (prisma as unknown as { $sharedWriteTransaction?: (f: (tx: Tx) => Promise<T>) => Promise<T> }).$sharedWriteTransaction;
  return shared ? shared(fn) : prisma.$transaction(fn);
}

// The migrations this release ships: each folder with a migration.sql, as Prisma reads them (null when
// the folder is not deployed beside the app: then not checked).
const shippedMigrations = (() => {
  const dir = PRISMA_PATHS[dialect].migrations;
  try {
    return readdirSync(dir).filter((name) => existsSync(join(dir, name, "migration.sql")));
  } catch {
    return null;
  }
})();

const NO_SUCH_TABLE = /no such table|does not exist|42P01/i;

/**
 * For /healthz and the start-up check: the database answers, and has every migration this release
 * ships (a forgotten `npm run db:deploy` would otherwise pass the health check while pages fail).
 * Throws when it does not answer; otherwise names the migrations missing. When the migrations table
 * cannot be read for another reason (permissions, say), the answer is taken as enough.
 */
export async function pingDatabase(): Promise<{ missingMigrations: string[] }> {
  await prisma.$queryRaw`SELECT 1`;
  if (shippedMigrations === null) return { missingMigrations: [] };
  let applied: Set<string>;
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    if (!NO_SUCH_TABLE.test(String((error as Error).message))) return { missingMigrations: [] };
    applied = new Set(); // no migrations table: none applied
  }
  return { missingMigrations: shippedMigrations.filter((name) => !applied.has(name)) };
}

/** Closes the connections at shutdown (server.js calls it through the build). */
export async function disconnectDatabase() {
  await prisma.$disconnect();
}
