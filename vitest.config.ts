import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Each vitest run gets its own database folder, so two runs on one machine never delete each other's files.
const testDataDir = process.env.TEST_DATA_DIR ?? `data/test/run-${process.pid}`;
process.env.TEST_DATA_DIR = testDataDir;

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/global-setup.ts"],
    env: { TEST_DATA_DIR: testDataDir },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two files at once even on a two-core machine (vitest's default there is one): much of a file's
    // time is spent waiting on its database and on child processes, and each file has its own database.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
