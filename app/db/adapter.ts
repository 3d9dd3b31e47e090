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

export function createAdapter(url = databaseUrl()) {
  if (url.startsWith("file:")) {
    const file = sqliteFilePath(url);
    mkdirSync(dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (embedded SQLite); got "${url.split(":")[0]}:".`,
  );
}
