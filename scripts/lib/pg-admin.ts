// Throw-away PostgreSQL databases beside the one a URL names (its user needs CREATEDB):
// for the PostgreSQL tests and for `npm run load:vote` with a PostgreSQL DATABASE_URL.
// Never changes the database the URL names.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function databaseName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export function urlOfDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `<db>_<suffix>` (a copy of `template` when given) and returns its URL. */
export async function createSiblingDatabase(url: string, suffix = randomBytes(6).toString("hex"), template?: string): Promise<string> {
  const name = `${databaseName(url)}_${suffix}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin(url, (c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
      return urlOfDatabase(url, name);
    } catch (error) {
      // Two copies of one template at the same instant: "source database is being accessed by other users".
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
    }
  }
}

export async function dropDatabase(url: string, databaseUrl: string) {
  await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${databaseName(databaseUrl)}" WITH (FORCE)`));
}

/** Drops every `<db>_…` database made from `url`. */
export async function dropSiblingDatabases(url: string) {
  const base = databaseName(url);
  await withAdmin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${base.replace(/[_%\\]/g, "\\$&")}\\_%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
