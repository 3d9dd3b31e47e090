// After editing prisma/schema.prisma: `npm run db:migration -- <name>` writes the SQLite
// migration (prisma/migrations/<timestamp>_<name>) AND the matching PostgreSQL migration
// (prisma/postgres/migrations/<timestamp>_<name>), and regenerates prisma/postgres/schema.prisma.
//
// The data model as of the last migration is the committed PostgreSQL schema (it is always
// regenerated with its migration), so both migrations are `prisma migrate diff` from that
// model to the edited one: no database is needed.
//
//   --pg-only   SQLite migrations exist without a PostgreSQL twin (e.g. merged from a branch
//               that wrote them another way): write a PostgreSQL migration of the same name for
//               each, from the schema.prisma committed with it (git), and regenerate the PG schema.
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
const lastPg = pgMigrations[pgMigrations.length - 1];
const unpaired = dirs(SQLITE_MIGRATIONS).filter((m) => m.slice(0, 14) > lastPg.slice(0, 14) && !pgMigrations.includes(m));

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
  let oldPg = readFileSync(PG_SCHEMA, "utf8");
  for (const migration of unpaired) {
    // The data model as of this migration: schema.prisma in the commit that added it.
    // (During a merge, the commits being merged count too.)
    const heads = ["HEAD", ...(gitOk(["rev-parse", "-q", "--verify", "MERGE_HEAD"]) ? ["MERGE_HEAD"] : [])];
    const commit = git(["log", "--diff-filter=A", "--format=%H", "-1", ...heads, "--", `${SQLITE_MIGRATIONS}/${migration}`]);
    if (!commit) throw new Error(`${migration} is not committed: commit it (with its schema.prisma) first.`);
    const newPg = postgresSchema(execFileSync("git", ["show", `${commit}:${SQLITE_SCHEMA}`], { encoding: "utf8" }));
    const pgSql = diff(oldPg, newPg);
    const handWritten = /TRIGGER|WITHOUT ROWID|UPDATE "|INSERT INTO "(?!new_)/.test(readFileSync(join(SQLITE_MIGRATIONS, migration, "migration.sql"), "utf8"));
    write(
      join(PG_MIGRATIONS, migration, "migration.sql"),
      (handWritten ? `-- TODO: ${migration} on SQLite has hand-written SQL (triggers or data changes): add its PostgreSQL form here.\n` : "") + pgSql,
    );
    if (handWritten) console.log(`note: ${migration} has hand-written SQL on SQLite: add its PostgreSQL form to the new file.`);
    oldPg = newPg;
  }
  writeFileSync(PG_SCHEMA, oldPg);
  console.log(`wrote ${PG_SCHEMA}`);
  if (oldPg !== generatedPostgresSchema()) console.log("prisma/schema.prisma has changed since: now run `npm run db:migration -- <name>` for that change.");
}

function gitOk(args: string[]) {
  try {
    git(args);
    return true;
  } catch {
    return false;
  }
}

function git(args: string[]) {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
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
