// Throw-away PostgreSQL databases for the tests, on the server TEST_POSTGRES_URL names
// (scripts/ci-postgres.sh makes one). Every database made here is named after the one in
// TEST_POSTGRES_URL plus a suffix, and dropped at the end of the run.
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

export function testPostgresUrl(): string | undefined {
  return process.env.TEST_POSTGRES_URL || undefined;
}

function parts() {
  const url = new URL(testPostgresUrl()!);
  return { url, base: decodeURIComponent(url.pathname.slice(1)) };
}

export function urlOfDatabase(name: string): string {
  const { url } = parts();
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const templateName = () => `${parts().base}_tpl`;

/** Drops every database this run made (the template too). */
export async function dropTestDatabases() {
  const { base } = parts();
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2",
      [`${base.replace(/[_%\\]/g, "\\$&")}\\_%`, base],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** A migrated template database that each test file copies (like data/test/template.db on SQLite). */
export async function createTemplateDatabase() {
  await dropTestDatabases();
  await admin((c) => c.query(`CREATE DATABASE "${templateName()}"`));
  execSync("npx prisma migrate deploy", { env: { ...process.env, DATABASE_URL: urlOfDatabase(templateName()) }, stdio: "pipe" });
}

/** A new database copied from the template; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const name = `${parts().base}_${randomBytes(6).toString("hex")}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`));
      return urlOfDatabase(name);
    } catch (error) {
      // Two files copying the template at the same instant: "source database is being accessed by other users".
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
    }
  }
}
