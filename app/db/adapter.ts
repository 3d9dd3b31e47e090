// Chooses the Prisma driver adapter from DATABASE_URL. Shared by the app and by
// prisma.config.ts (migrations), so both always talk to the same database.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export const DEFAULT_DATABASE_URL = "file:./data/civic-budget.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function sqliteFilePath(url: string): string {
  return resolve(url.replace(/^file:/, ""));
}

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

export function createAdapter(url = databaseUrl()) {
  if (url.startsWith("file:")) {
    const file = sqliteFilePath(url);
    mkdirSync(dirname(file), { recursive: true });
    return new DurableSQLite({ url: file });
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (embedded SQLite); got "${url.split(":")[0]}:".`,
  );
}
