// After editing prisma/schema.prisma: `npm run db:migration -- <name>` writes the SQLite
// migration (prisma/migrations/<timestamp>_<name>) AND the matching PostgreSQL migration
// (prisma/postgres/migrations/<timestamp>_<name>), and regenerates prisma/postgres/schema.prisma.
//
// The data model as of the last migration is the committed PostgreSQL schema (it is always
// regenerated with its migration), so both migrations are `prisma migrate diff` from that
// model to the edited one: no database is needed.
//
//   --pg-only   SQLite migrations exist without a PostgreSQL twin (e.g. merged from a branch
//               that wrote them another way): write their PostgreSQL twins (one holds the whole
//               change since the last paired migration) and regenerate the PG schema.
//   --empty     write both migration files even without a schema change (for hand-written SQL).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PG_MIGRATIONS, PG_SCHEMA, SQLITE_MIGRATIONS, SQLITE_SCHEMA, generatedPostgresSchema, postgresSchema, sqliteFromPostgresSchema } from "./lib/pg-schema";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "pg-only": { type: "boolean" }, empty: { type: "boolean" } } });
const dirs = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const pgMigrations = dirs(PG_MIGRATIONS);
// SQLite migrations after the PostgreSQL baseline without a PostgreSQL twin (by name: one merged
// from another branch may carry an earlier time than the last paired one).
const baseline = pgMigrations[0];
const unpaired = dirs(SQLITE_MIGRATIONS).filter((m) => m.slice(0, 14) > baseline.slice(0, 14) && !pgMigrations.includes(m));

const tmp = mkdtempSync(join(tmpdir(), "civic-migration-"));
// `prisma migrate diff` loads prisma.config.ts and opens its adapter, though a diff of two schema
// files reads no database: give it a throw-away SQLite file. The SQL's dialect follows the files' provider.
const DIFF_ENV = { ...process.env, DATABASE_URL: `file:${join(tmp, "unused.db")}` };
let n = 0;
function diff(from: string, to: string): string {
  const [a, b] = [join(tmp, `from-${++n}.prisma`), join(tmp, `to-${n}.prisma`)];
  writeFileSync(a, from);
  writeFileSync(b, to);
  return execFileSync("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", a, "--to-schema-datamodel", b, "--script"], { env: DIFF_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
const isEmpty = (sql: string) => !sql.split("\n").some((l) => l.trim() && !l.trim().startsWith("--"));

try {
  if (values["pg-only"]) catchUp();
  else pair();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function pair() {
  const name = positionals[0];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)  [--empty]\n       npm run db:migration -- --pg-only");
    process.exit(2);
  }
  if (unpaired.length) {
    console.error(`These SQLite migrations have no PostgreSQL twin: ${unpaired.join(", ")}.`);
    console.error("Run `npm run db:migration -- --pg-only` first to write the PostgreSQL migrations for them.");
    process.exit(1);
  }
  const oldPg = readFileSync(PG_SCHEMA, "utf8");
  const newPg = generatedPostgresSchema();
  const pgSql = diff(oldPg, newPg);
  const sqliteSql = keepHandWrittenSqlite(diff(sqliteFromPostgresSchema(oldPg), readFileSync(SQLITE_SCHEMA, "utf8")));
  if (isEmpty(pgSql) && isEmpty(sqliteSql) && !values.empty) {
    console.log("prisma/schema.prisma has not changed since the last migration: nothing written (--empty writes empty migrations).");
    return;
  }
  const dir = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  write(join(SQLITE_MIGRATIONS, dir, "migration.sql"), sqliteSql);
  write(join(PG_MIGRATIONS, dir, "migration.sql"), pgSql);
  writeFileSync(PG_SCHEMA, newPg);
  console.log(`wrote ${PG_SCHEMA}`);
  console.log("Review both files (hand-written SQL, e.g. a data conversion, goes in both), then `npm test`.");
}

function catchUp() {
  if (!unpaired.length) {
    console.log("Every SQLite migration has its PostgreSQL twin: nothing to do.");
    return;
  }
  // From the model of the last paired migrations (the committed PostgreSQL schema) to today's
  // schema.prisma, in one PostgreSQL migration named after the newest unpaired SQLite one; the
  // others get a PostgreSQL file that says so. (Intermediate models cannot be trusted: SQLite
  // migrations merged from parallel branches were each written against their own branch's model.)
  const oldPg = readFileSync(PG_SCHEMA, "utf8");
  const newPg = generatedPostgresSchema();
  const pgSql = diff(oldPg, newPg);
  const last = unpaired[unpaired.length - 1];
  const handWritten = unpaired.filter((m) => /TRIGGER|UPDATE "|INSERT INTO "(?!new_)/.test(readFileSync(join(SQLITE_MIGRATIONS, m, "migration.sql"), "utf8")));
  for (const migration of unpaired.slice(0, -1)) {
    write(join(PG_MIGRATIONS, migration, "migration.sql"), `-- On PostgreSQL this change is made by ${last} (written by npm run db:migration -- --pg-only).\nSELECT 1;\n`);
  }
  write(
    join(PG_MIGRATIONS, last, "migration.sql"),
    (unpaired.length > 1 ? `-- PostgreSQL twin of ${unpaired.join(", ")}.\n` : "") +
      handWritten.map((m) => `-- TODO: ${m} on SQLite has hand-written SQL (a trigger or a data change): add its PostgreSQL form here.\n`).join("") +
      pgSql,
  );
  writeFileSync(PG_SCHEMA, newPg);
  console.log(`wrote ${PG_SCHEMA}`);
  console.log("It covers every change in prisma/schema.prisma since the last paired migration: check that the file holds only the changes of the SQLite migrations above.");
  for (const m of handWritten) console.log(`note: ${m} has hand-written SQL on SQLite: add its PostgreSQL form to the new file.`);
}

function write(file: string, sql: string) {
  if (existsSync(file)) throw new Error(`${file} exists already`);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, sql);
  console.log(`wrote ${file}`);
}

/**
 * SQLite changes most columns by rebuilding the table ("new_X"), and a rebuild loses what
 * Prisma does not model: the WITHOUT ROWID of Ballot and SpoiledBallot (ballot secrecy) and the audit log's
 * append-only triggers. Put them back. (PostgreSQL alters tables in place and keeps both.)
 */
function keepHandWrittenSqlite(sql: string): string {
  let out = sql.replace(/(CREATE TABLE "new_(?:Spoiled)?Ballot" \([\s\S]*?\n\))(;)/g, "$1 WITHOUT ROWID$2");
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
