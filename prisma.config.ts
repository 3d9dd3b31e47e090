import path from "node:path";
import { defineConfig } from "prisma/config";
import { PRISMA_PATHS, createAdapter, databaseUrl, dialectOf } from "./app/db/adapter";

// The schema's datasource reads DATABASE_URL; give it the same default the app uses.
process.env.DATABASE_URL = databaseUrl();
// SQLite (file:) or PostgreSQL (postgresql://): its own schema (generated from
// prisma/schema.prisma for PostgreSQL) and its own migrations.
const paths = PRISMA_PATHS[dialectOf(process.env.DATABASE_URL)];

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(...paths.schema.split("/")),
  migrations: { path: path.join(...paths.migrations.split("/")), seed: "tsx prisma/seed.ts" },
  async adapter() {
    return createAdapter();
  },
});
