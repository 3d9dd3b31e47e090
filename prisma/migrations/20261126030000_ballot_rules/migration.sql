-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Cycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "phase" TEXT NOT NULL DEFAULT 'draft',
    "ballotMethod" TEXT NOT NULL DEFAULT 'knapsack',
    "minSpendPercent" INTEGER NOT NULL DEFAULT 0,
    "minApprovals" INTEGER NOT NULL DEFAULT 1,
    "maxApprovals" INTEGER NOT NULL DEFAULT 5,
    "maxRanks" INTEGER NOT NULL DEFAULT 5,
    "tallyRule" TEXT NOT NULL DEFAULT 'greedy',
    "ideasOpenOn" TEXT,
    "votingOpensOn" TEXT,
    "votingClosesOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Cycle" ("ballotMethod", "createdAt", "currency", "description", "id", "ideasOpenOn", "name", "phase", "slug", "tallyRule", "votingClosesOn", "votingOpensOn") SELECT "ballotMethod", "createdAt", "currency", "description", "id", "ideasOpenOn", "name", "phase", "slug", "tallyRule", "votingClosesOn", "votingOpensOn" FROM "Cycle";
DROP TABLE "Cycle";
ALTER TABLE "new_Cycle" RENAME TO "Cycle";
CREATE UNIQUE INDEX "Cycle_slug_key" ON "Cycle"("slug");
CREATE TABLE "new_TallyResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "run" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "parameters" TEXT NOT NULL DEFAULT '{}',
    "software" TEXT NOT NULL,
    "ballotsHash" TEXT NOT NULL,
    "ballotCount" INTEGER NOT NULL,
    "budgetCents" INTEGER NOT NULL,
    "spentCents" INTEGER NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    CONSTRAINT "TallyResult_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TallyResult_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TallyResult" ("ballotCount", "ballotsHash", "budgetCents", "computedAt", "cycleId", "districtId", "id", "parameters", "publishedAt", "rule", "run", "software", "spentCents", "status") SELECT "ballotCount", "ballotsHash", "budgetCents", "computedAt", "cycleId", "districtId", "id", "parameters", "publishedAt", "rule", "run", "software", "spentCents", "status" FROM "TallyResult";
DROP TABLE "TallyResult";
ALTER TABLE "new_TallyResult" RENAME TO "TallyResult";
CREATE UNIQUE INDEX "TallyResult_districtId_run_key" ON "TallyResult"("districtId", "run");
CREATE TABLE "new_TallyProjectResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resultId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "costCents" INTEGER NOT NULL,
    "votes" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "selected" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "TallyProjectResult_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "TallyResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TallyProjectResult" ("costCents", "id", "note", "position", "proposalId", "resultId", "selected", "title", "votes") SELECT "costCents", "id", "note", "position", "proposalId", "resultId", "selected", "title", "votes" FROM "TallyProjectResult";
DROP TABLE "TallyProjectResult";
ALTER TABLE "new_TallyProjectResult" RENAME TO "TallyProjectResult";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

