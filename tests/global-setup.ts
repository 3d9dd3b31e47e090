// Builds one migrated SQLite database that integration tests copy, so each test file starts clean.
import { execSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

// vitest.config.ts names a folder per run (TEST_DATA_DIR), removed when the run ends.
const dir = process.env.TEST_DATA_DIR ?? "data/test/run";

export default function setup() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync("npx prisma migrate deploy", {
    env: { ...process.env, DATABASE_URL: `file:./${dir}/template.db` },
    stdio: "pipe",
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
