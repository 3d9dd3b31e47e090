// One data model: prisma/schema.prisma. The PostgreSQL schema is generated from it and
// every migration after the PostgreSQL baseline comes in a pair (npm run db:migration).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PG_MIGRATIONS, PG_SCHEMA, SQLITE_MIGRATIONS, generatedPostgresSchema } from "../../scripts/lib/pg-schema";

const migrations = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe("the PostgreSQL schema", () => {
  it("is exactly what prisma/schema.prisma generates (run `npm run db:migration -- <name>` after editing it)", () => {
    expect(readFileSync(PG_SCHEMA, "utf8")).toBe(generatedPostgresSchema());
  });

  it("has a migration for every SQLite migration after its baseline, with the same name", () => {
    const pg = migrations(PG_MIGRATIONS);
    const [baseline, ...paired] = pg;
    expect(baseline).toMatch(/_baseline$/);
    const sqliteAfter = migrations(SQLITE_MIGRATIONS).filter((m) => m.slice(0, 14) > baseline.slice(0, 14));
    expect(paired).toEqual(sqliteAfter);
  });

  it("keeps the audit log append-only with triggers", () => {
    const sql = pg_sql();
    for (const trigger of ["AuditLog_no_update", "AuditLog_no_delete"]) expect(sql).toContain(`CREATE TRIGGER "${trigger}"`);
  });
});

function pg_sql() {
  return migrations(PG_MIGRATIONS).map((m) => readFileSync(`${PG_MIGRATIONS}/${m}/migration.sql`, "utf8")).join("\n");
}
