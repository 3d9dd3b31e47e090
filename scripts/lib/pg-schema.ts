// prisma/schema.prisma (SQLite) is the one data model. The PostgreSQL schema is made
// from it by this function, and committed as prisma/postgres/schema.prisma; a test
// fails when the committed file differs from what this makes.
import { readFileSync } from "node:fs";
import { PRISMA_PATHS } from "~/db/adapter";

export const SQLITE_SCHEMA = PRISMA_PATHS.sqlite.schema;
export const PG_SCHEMA = PRISMA_PATHS.postgresql.schema;
export const SQLITE_MIGRATIONS = PRISMA_PATHS.sqlite.migrations;
export const PG_MIGRATIONS = PRISMA_PATHS.postgresql.migrations;

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:pg-schema\`: do not edit.
// Edit prisma/schema.prisma and run \`npm run db:migration -- <name>\` instead.
`;

export function postgresSchema(sqlite: string): string {
  let text = sqlite;
  const replace = (from: RegExp, to: string, what: string) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma: expected ${what}`);
    text = text.replace(from, to);
  };
  replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'provider = "sqlite" in the datasource');
  replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/app\/generated\/prisma"/, '$1"../../app/generated/prisma-pg"', 'output = "../app/generated/prisma" in the generator');
  return HEADER + text;
}

export function generatedPostgresSchema(): string {
  return postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
}

/** The committed PostgreSQL schema turned back into SQLite: the data model as of the last migration. */
export function sqliteFromPostgresSchema(pg: string): string {
  return pg
    .replace(HEADER, "")
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"postgresql"/, '$1"sqlite"')
    .replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/\.\.\/app\/generated\/prisma-pg"/, '$1"../app/generated/prisma"');
}
