// Throw-away PostgreSQL databases for the tests, on the server TEST_POSTGRES_URL names
// (scripts/ci-postgres.sh makes one). Every database made here is named after the one in
// TEST_POSTGRES_URL plus a suffix, and dropped at the end of the run.
import { execSync } from "node:child_process";
import { createSiblingDatabase, databaseName, dropSiblingDatabases, urlOfDatabase } from "../scripts/lib/pg-admin";

export function testPostgresUrl(): string | undefined {
  return process.env.TEST_POSTGRES_URL || undefined;
}

const templateSuffix = "tpl";
const templateName = () => `${databaseName(testPostgresUrl()!)}_${templateSuffix}`;

/** Drops every database this run made (the template too). */
export async function dropTestDatabases() {
  await dropSiblingDatabases(testPostgresUrl()!);
}

/** A migrated template database that each test file copies (like data/test/template.db on SQLite). */
export async function createTemplateDatabase() {
  await dropTestDatabases();
  const url = await createSiblingDatabase(testPostgresUrl()!, templateSuffix);
  execSync("npx prisma migrate deploy", { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

/** A new database copied from the template; returns its URL. */
export async function freshDatabase(): Promise<string> {
  return createSiblingDatabase(testPostgresUrl()!, undefined, templateName());
}

/** A new, migrated database (for tests that run outside the integration harness). */
export async function migratedDatabase(): Promise<string> {
  const url = await createSiblingDatabase(testPostgresUrl()!);
  execSync("npx prisma migrate deploy", { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  return url;
}

export { urlOfDatabase };
