// Builds one migrated SQLite database that integration tests copy, so each test file starts clean.
import { execSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

export const TEMPLATE_DB = "data/test/template.db";

export default function setup() {
  rmSync("data/test", { recursive: true, force: true });
  mkdirSync("data/test", { recursive: true });
  execSync("npx prisma migrate deploy", {
    env: { ...process.env, DATABASE_URL: `file:./${TEMPLATE_DB}` },
    stdio: "pipe",
  });
}
