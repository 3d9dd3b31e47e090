// After editing prisma/schema.prisma: `npm run db:migration -- <name>` writes the SQLite
// migration (prisma/migrations/<timestamp>_<name>) AND the matching PostgreSQL migration
// (prisma/postgres/migrations/<timestamp>_<name>), and regenerates prisma/postgres/schema.prisma.
//
// The data model as of the last migration is the committed PostgreSQL schema (it is always
// regenerated with its migration), so both migrations are `prisma migrate diff` from that
// model to the edited one: no database is needed.
//
//   --pg-only   SQLite migrations already exist (e.g. merged from a branch that made them by
//               hand): write only the PostgreSQL migration, named after the newest SQLite
//               migration that has no PostgreSQL twin (or <name>).
//   --empty     write both migration files even without a schema change (for hand-written SQL).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PG_MIGRATIONS, PG_SCHEMA, SQLITE_MIGRATIONS, SQLITE_SCHEMA, generatedPostgresSchema, sqliteFromPostgresSchema } from "./lib/pg-schema";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "pg-only": { type: "boolean" }, empty: { type: "boolean" } } });
const dirs = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const pgMigrations = dirs(PG_MIGRATIONS);
const lastPg = pgMigrations[pgMigrations.length - 1];
const unpaired = dirs(SQLITE_MIGRATIONS).filter((m) => m.slice(0, 14) > lastPg.slice(0, 14) && !pgMigrations.includes(m));

let name = positionals[0];
if (values["pg-only"] && !name && unpaired.length) name = unpaired[unpaired.length - 1].slice(15);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)  [--pg-only] [--empty]");
  process.exit(2);
}
if (unpaired.length && !values["pg-only"]) {
  console.error(`These SQLite migrations have no PostgreSQL twin: ${unpaired.join(", ")}.`);
  console.error("Run `npm run db:migration -- --pg-only` first to write the PostgreSQL migration for them.");
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), "civic-migration-"));
const prisma = (args: string[], env: Record<string, string>) =>
  execFileSync("npx", ["prisma", ...args], { env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
// `prisma migrate diff` loads prisma.config.ts and opens its adapter, though a diff of two schema
// files reads no database: give it a throw-away SQLite file. The SQL's dialect follows the files' provider.
const DIFF_ENV = { DATABASE_URL: `file:${join(tmp, "unused.db")}` };
const diff = (from: string, to: string, env: Record<string, string>) =>
  prisma(["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], env);
const isEmpty = (sql: string) => !sql.split("\n").some((l) => l.trim() && !l.trim().startsWith("--"));

try {
  const oldPg = readFileSync(PG_SCHEMA, "utf8");
  const newPg = generatedPostgresSchema();
  writeFileSync(join(tmp, "old-pg.prisma"), oldPg);
  writeFileSync(join(tmp, "new-pg.prisma"), newPg);
  writeFileSync(join(tmp, "old-sqlite.prisma"), sqliteFromPostgresSchema(oldPg));

  const pgSql = diff(join(tmp, "old-pg.prisma"), join(tmp, "new-pg.prisma"), DIFF_ENV);
  let sqliteSql = values["pg-only"] ? "" : diff(join(tmp, "old-sqlite.prisma"), SQLITE_SCHEMA, DIFF_ENV);
  if (isEmpty(pgSql) && isEmpty(sqliteSql) && !values.empty) {
    console.log("prisma/schema.prisma has not changed since the last migration: nothing written (--empty writes empty migrations).");
    process.exit(0);
  }
  sqliteSql = keepHandWrittenSqlite(sqliteSql);

  const stamp = values["pg-only"] && unpaired.length ? unpaired[unpaired.length - 1].slice(0, 14) : new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = `${stamp}_${name}`;
  if (!values["pg-only"]) write(join(SQLITE_MIGRATIONS, dir, "migration.sql"), sqliteSql);
  write(join(PG_MIGRATIONS, dir, "migration.sql"), values["pg-only"] && unpaired.length > 1 ? `-- PostgreSQL twin of ${unpaired.join(", ")}\n${pgSql}` : pgSql);
  writeFileSync(PG_SCHEMA, newPg);
  console.log(`wrote ${PG_SCHEMA}`);
  if (unpaired.length > 1) console.log(`note: one PostgreSQL migration covers ${unpaired.join(", ")}; the pairing test expects one per SQLite migration, so rename or split as needed.`);
  console.log("Review both files (hand-written SQL, e.g. data conversion, goes in both), then `npm test`.");
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function write(file: string, sql: string) {
  if (existsSync(file)) throw new Error(`${file} exists already`);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, sql);
  console.log(`wrote ${file}`);
}

/**
 * SQLite changes most columns by rebuilding the table ("new_X"), and a rebuild loses what
 * Prisma does not model: Ballot's WITHOUT ROWID (ballot secrecy) and the audit log's
 * append-only triggers. Put them back. (PostgreSQL alters tables in place and keeps both.)
 */
function keepHandWrittenSqlite(sql: string): string {
  let out = sql.replace(/(CREATE TABLE "new_Ballot" \([\s\S]*?\n\))(;)/, "$1 WITHOUT ROWID$2");
  if (/CREATE TABLE "(new_)?AuditLog"/.test(out)) {
    out += `
-- Hand-written (kept by npm run db:migration): the rebuilt audit log stays append-only.
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be changed.'); END;
CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be deleted.'); END;
`;
  }
  return out;
}
