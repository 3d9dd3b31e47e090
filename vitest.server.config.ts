// Tests of the production server (`node server.js` on the build): operations on SQLite, and
// two instances on one PostgreSQL database when TEST_POSTGRES_URL is set. npm run test:server,
// after the build.
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/server/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
