import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter, databaseUrl } from "./app/db/adapter";

// The schema's datasource reads DATABASE_URL; give it the same default the app uses.
process.env.DATABASE_URL = databaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { seed: "tsx prisma/seed.ts" },
  async adapter() {
    return createAdapter();
  },
});
