// Import this FIRST in an integration test file: it points the app at a fresh copy
// of the migrated template database before the Prisma client is created
// (a SQLite file, or a PostgreSQL database when TEST_DATABASE=postgresql).
import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { freshDatabase } from "../pg";

if (process.env.TEST_DATABASE === "postgresql") {
  process.env.DATABASE_URL = await freshDatabase();
} else {
  const file = `data/test/${randomUUID()}.db`;
  copyFileSync("data/test/template.db", file);
  process.env.DATABASE_URL = `file:./${file}`;
}
