// Builds one migrated database that integration tests copy, so each test file starts clean:
// a SQLite file, or with TEST_DATABASE=postgresql (npm run test:pg) a PostgreSQL template database.
import { execSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createTemplateDatabase, dropTestDatabases } from "./pg";

// vitest.config.ts names a folder per run (TEST_DATA_DIR), removed when the run ends.
const dir = process.env.TEST_DATA_DIR ?? "data/test/run";

export default async function setup() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (process.env.TEST_DATABASE === "postgresql") {
    await createTemplateDatabase();
    return async () => {
      rmSync(dir, { recursive: true, force: true });
      if (!process.env.KEEP_TEST_DATABASES) await dropTestDatabases();
    };
  }
  execSync("npx prisma migrate deploy", {
    env: { ...process.env, DATABASE_URL: `file:./${dir}/template.db` },
    stdio: "pipe",
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
