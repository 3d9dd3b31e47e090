#!/usr/bin/env bash
# Serves the production build on a fresh, freshly seeded database for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DATABASE_URL="file:./data/e2e/civic-budget.db"
export UPLOAD_DIR="data/e2e/uploads"
rm -rf data/e2e
npx prisma migrate deploy >/dev/null
npx tsx prisma/seed.ts >/dev/null
LOG_LEVEL="${LOG_LEVEL:-warn}" PORT="${E2E_PORT:-3210}" NODE_ENV=production exec node server.js
