// Builds one migrated database that integration tests copy, so each test file starts clean:
// a SQLite file, or with TEST_DATABASE=postgresql (npm run test:pg) a PostgreSQL template database.
import { execSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createTemplateDatabase, dropTestDatabases } from "./pg";

export const TEMPLATE_DB = "data/test/template.db";

export default async function setup() {
  if (process.env.TEST_DATABASE === "postgresql") {
    await createTemplateDatabase();
    return async () => {
      if (!process.env.KEEP_TEST_DATABASES) await dropTestDatabases();
    };
  }
  rmSync("data/test", { recursive: true, force: true });
  mkdirSync("data/test", { recursive: true });
  execSync("npx prisma migrate deploy", {
    env: { ...process.env, DATABASE_URL: `file:./${TEMPLATE_DB}` },
    stdio: "pipe",
  });
}
