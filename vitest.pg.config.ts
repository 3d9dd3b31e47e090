// The integration tests again, on PostgreSQL (npm run test:pg, when TEST_POSTGRES_URL is set).
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Read by tests/global-setup.ts (in this process) and by every test file. Each test file
// copies a migrated template database; files a test writes go in this run's own folder.
process.env.TEST_DATABASE = "postgresql";
const testDataDir = process.env.TEST_DATA_DIR ?? `data/test/pg-run-${process.pid}`;
process.env.TEST_DATA_DIR = testDataDir;

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    env: { TEST_DATABASE: "postgresql", TEST_DATA_DIR: testDataDir },
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two files at once even on a two-core machine (vitest's default there is one): much of a file's
    // time is spent waiting on its database and on child processes, and each file has its own database.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
