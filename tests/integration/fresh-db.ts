// Import this FIRST in an integration test file: it points the app at a fresh copy
// of the migrated template database before the Prisma client is created.
import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

const dir = process.env.TEST_DATA_DIR ?? "data/test/run";
const file = `${dir}/${randomUUID()}.db`;
copyFileSync(`${dir}/template.db`, file);
process.env.DATABASE_URL = `file:./${file}`;
