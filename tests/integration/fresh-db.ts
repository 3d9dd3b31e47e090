// Import this FIRST in an integration test file: it points the app at a fresh copy
// of the migrated template database before the Prisma client is created
// (a SQLite file, or a PostgreSQL database when TEST_DATABASE=postgresql).
import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { freshDatabase } from "../pg";

const dir = process.env.TEST_DATA_DIR ?? "data/test/run";
if (process.env.TEST_DATABASE === "postgresql") {
  process.env.DATABASE_URL = await freshDatabase();
} else {
  const file = `${dir}/${randomUUID()}.db`;
  copyFileSync(`${dir}/template.db`, file);
  process.env.DATABASE_URL = `file:./${file}`;
}
