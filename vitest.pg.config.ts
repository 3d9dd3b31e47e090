// The integration tests again, on PostgreSQL (npm run test:pg, when TEST_POSTGRES_URL is set).
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Read by tests/global-setup.ts (in this process) and by every test file.
process.env.TEST_DATABASE = "postgresql";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    env: { TEST_DATABASE: "postgresql" },
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
