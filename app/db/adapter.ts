// Chooses the database from DATABASE_URL: "file:…" is embedded SQLite (better-sqlite3),
// "postgres://…" or "postgresql://…" is PostgreSQL (pg). Shared by the app and by
// prisma.config.ts (migrations), so both always talk to the same database.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

export const DEFAULT_DATABASE_URL = "file:./data/civic-budget.db";

export type Dialect = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function dialectOf(url = databaseUrl()): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with "file:" (embedded SQLite) or "postgresql://" (PostgreSQL); got "${url.split(":")[0]}:".`,
  );
}

export function sqliteFilePath(url: string): string {
  return resolve(url.replace(/^file:/, ""));
}

/** Where each database's schema and migrations live (prisma.config.ts and the scripts). */
export const PRISMA_PATHS = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
} as const;

/**
 * SQLite tuned for votes: write-ahead log with full sync, so a ballot is on disk
 * before the voter sees "thank you", and a busy timeout so several processes can
 * share the file without "database is locked".
 */
class DurableSQLite extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    for (const sql of ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA busy_timeout = 5000"]) {
      await adapter.queryRaw({ sql, args: [], argTypes: [] });
    }
    return adapter;
  }
}

type Queryable = { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };
type PgDriverAdapter = Queryable & {
  startTransaction(isolationLevel?: unknown): Promise<Queryable>;
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

const PG_NAME = 19;
const PG_TEXT = 25;

/** Reads PostgreSQL's `name` columns (the catalog's) as text, which @prisma/adapter-pg 6 cannot. */
function readNamesAsText(queryable: Queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_NAME) field.dataTypeID = PG_TEXT;
    return result;
  };
  return queryable;
}

/**
 * @prisma/adapter-pg 6 as `prisma migrate deploy` needs it: it splits a migration script at
 * every ";" (which cuts a PL/pgSQL function such as the audit log's trigger in pieces) and
 * cannot read the `name` columns the migration table queries return. Here a script goes to
 * the server whole (the simple query protocol runs it as one implicit transaction), and
 * `name` is read as text. Queries the app makes are not affected.
 */
class PostgreSQL extends PrismaPg {
  async connect() {
    const adapter = (await super.connect()) as unknown as PgDriverAdapter;
    readNamesAsText(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => readNamesAsText(await startTransaction(isolationLevel));
    adapter.executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter as unknown as Awaited<ReturnType<PrismaPg["connect"]>>;
  }
}

/** Connections per process to PostgreSQL (DATABASE_POOL_SIZE, default 10). */
function poolSize() {
  const n = Number(process.env.DATABASE_POOL_SIZE || 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export function createAdapter(url = databaseUrl()) {
  if (dialectOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(dirname(file), { recursive: true });
    return new DurableSQLite({ url: file });
  }
  // PostgreSQL commits are durable by default (synchronous_commit = on, fsync = on).
  return new PostgreSQL({ connectionString: url, max: poolSize(), connectionTimeoutMillis: 10_000 });
}
