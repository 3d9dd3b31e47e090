// Backups of the database DATABASE_URL names. SQLite: SQLite's online backup (a consistent
// copy while the app runs and writes). PostgreSQL: pg_dump's custom format (consistent too),
// restored with pg_restore. Used by `npm run backup` and `npm run restore`.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { dialectOf, sqliteFilePath } from "~/db/adapter";

/**
 * Runs pg_dump or pg_restore. On failure the error names the command without the database address,
 * which holds the password (it would end up in cron mails and journald).
 */
function runPg(command: "pg_dump" | "pg_restore", args: string[], databaseUrl: string) {
  // The password goes in the environment, not on the command line, where `ps` shows it to every local user.
  const url = new URL(libpqUrl(databaseUrl));
  const password = decodeURIComponent(url.password);
  url.password = "";
  try {
    execFileSync(command, [...args, `--dbname=${url}`], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, PGPASSWORD: password } });
  } catch (error) {
    const status = (error as { status?: number }).status;
    throw new Error(`${command} failed${status === undefined ? "" : ` (exit ${status})`}: see its message above`);
  }
}

/** pg_dump and pg_restore take a libpq URI: drop Prisma's own parameters. */
function libpqUrl(url: string) {
  const u = new URL(url);
  for (const key of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size"]) u.searchParams.delete(key);
  return u.toString();
}

export function defaultBackupFile(databaseUrl: string, dir: string) {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");
  return join(dir, `civic-budget-${stamp}.${dialectOf(databaseUrl) === "sqlite" ? "db" : "dump"}`);
}

/** Where a backup keeps the photos of project updates: beside the database file. */
export const photosOf = (backupFile: string) => `${resolve(backupFile)}.photos`;
/**
 * Where a backup keeps the session secret it was made under: ballots still waiting for the mix are
 * sealed with a key derived from it, so a database restored without it holds ballots nobody can open.
 */
export const secretOf = (backupFile: string) => `${resolve(backupFile)}.secret`;
/** Where a backup keeps its own SHA-256: a restore checks it first, so a copy damaged since is refused whole. */
export const checksumOf = (backupFile: string) => `${resolve(backupFile)}.sha256`;
const sha256Of = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/**
 * Photos are files in UPLOAD_DIR, never changed once written: they are copied after the
 * database, so every photo the copied database names is there (a photo added meanwhile
 * comes along unnamed, and is harmless).
 */
export async function backup(databaseUrl: string, file: string, uploadDir?: string, sessionSecret?: string): Promise<string> {
  const out = resolve(file);
  mkdirSync(dirname(out), { recursive: true });
  // The database is copied to a side name and renamed last, once the photos, the secret and the checksum
  // are beside it: a failed backup (database unreachable, disk full) leaves nothing that looks like one.
  const partial = `${out}.partial`;
  try {
    if (dialectOf(databaseUrl) === "sqlite") {
      const source = sqliteFilePath(databaseUrl);
      if (!existsSync(source)) throw new Error(`No database at ${source}`);
      await sqliteCopy(source, partial);
    } else {
      runPg("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], databaseUrl);
    }
    chmodSync(partial, 0o600); // the whole database: residents' e-mails, password hashes
    if (uploadDir && existsSync(uploadDir)) cpSync(uploadDir, photosOf(out), { recursive: true });
    if (sessionSecret) writeFileSync(secretOf(out), sessionSecret, { mode: 0o600 });
    writeFileSync(checksumOf(out), `${sha256Of(partial)}\n`);
    renameSync(partial, out);
  } catch (error) {
    for (const left of [out, photosOf(out), secretOf(out), checksumOf(out)]) rmSync(left, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
  return out;
}

/**
 * Replaces the whole content of the database with the backup's, and puts its photos back.
 * Returns the session secret the backup was made under (null for a backup without one).
 */
export async function restore(databaseUrl: string, file: string, uploadDir?: string): Promise<string | null> {
  const input = resolve(file);
  if (!existsSync(input) || statSync(input).size === 0) throw new Error(`No backup at ${input}`);
  if (existsSync(checksumOf(input)) && readFileSync(checksumOf(input), "utf8").trim() !== sha256Of(input)) {
    throw new Error(`The backup ${input} is damaged (it differs from the SHA-256 written beside it when it was made); the database was not changed.`);
  }
  if (dialectOf(databaseUrl) === "sqlite") {
    const target = sqliteFilePath(databaseUrl);
    mkdirSync(dirname(target), { recursive: true });
    // A damaged copy must not replace the live database: it is checked whole first.
    const problem = sqliteProblem(input);
    if (problem) throw new Error(`The backup ${input} is damaged (${problem}); the database was not changed.`);
    // The online backup API again, from the backup into the live file: the target's
    // write-ahead log stays consistent (a plain file copy would not).
    await sqliteCopy(input, target);
  } else {
    // One transaction: the database has either the old content or the restored one.
    runPg("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", input], databaseUrl);
  }
  if (uploadDir && existsSync(photosOf(input))) {
    mkdirSync(uploadDir, { recursive: true });
    cpSync(photosOf(input), uploadDir, { recursive: true });
  }
  return existsSync(secretOf(input)) ? readFileSync(secretOf(input), "utf8").trim() : null;
}

/** SQLite's online backup from one database file to another: consistent while the source is written to. */
async function sqliteCopy(from: string, to: string) {
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

/** Why a SQLite file is not a sound database (SQLite's own integrity check), or null when it is. */
function sqliteProblem(file: string): string | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
      return rows.length === 1 && rows[0].integrity_check === "ok" ? null : rows.slice(0, 3).map((r) => r.integrity_check).join("; ");
    } finally {
      db.close();
    }
  } catch (error) {
    return (error as Error).message;
  }
}
