import "./fresh-db";
// On PostgreSQL (npm run test:pg): the committed PostgreSQL migrations build exactly the database
// that prisma/postgres/schema.prisma describes (same tables, columns, types, defaults, indexes and
// constraints), plus the audit log's append-only triggers. Catches a hand-edited or mis-merged migration.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { createSiblingDatabase, dropDatabase } from "../../scripts/lib/pg-admin";

const onPostgres = process.env.TEST_DATABASE === "postgresql";

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(" | ")).sort();
    return {
      columns: await q(`SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      indexes: await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await q(`SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'`),
      triggers: await q(`SELECT event_object_table, trigger_name, event_manipulation FROM information_schema.triggers WHERE trigger_schema = 'public'`),
    };
  } finally {
    await client.end();
  }
}

describe.skipIf(!onPostgres)("the PostgreSQL migrations", () => {
  it("build the database prisma/postgres/schema.prisma describes, with the audit log's triggers", async () => {
    const fromMigrations = await catalog(process.env.DATABASE_URL!);
    const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgres/schema.prisma", "--script"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:./${process.env.TEST_DATA_DIR ?? "data/test/run"}/diff-unused.db` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await createSiblingDatabase(process.env.TEST_POSTGRES_URL!);
    try {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(sql);
      await client.end();
      const fromSchema = await catalog(url);
      expect(fromMigrations.columns).toEqual(fromSchema.columns);
      expect(fromMigrations.indexes).toEqual(fromSchema.indexes);
      expect(fromMigrations.constraints).toEqual(fromSchema.constraints);
      expect(fromMigrations.triggers).toEqual(["AuditLog | AuditLog_no_delete | DELETE", "AuditLog | AuditLog_no_update | UPDATE"]);
    } finally {
      await dropDatabase(process.env.TEST_POSTGRES_URL!, url);
    }
  });
});
