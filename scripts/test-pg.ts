// npm run test:pg: the integration tests again on PostgreSQL, when TEST_POSTGRES_URL names a
// database whose user may create databases (scripts/ci-postgres.sh makes one). Skipped otherwise.
import { spawnSync } from "node:child_process";

if (!process.env.TEST_POSTGRES_URL) {
  console.log("PostgreSQL tests skipped: TEST_POSTGRES_URL is not set (`. scripts/ci-postgres.sh` starts a server and sets it).");
  process.exit(0);
}
const run = spawnSync("npx", ["vitest", "run", "--config", "vitest.pg.config.ts", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
