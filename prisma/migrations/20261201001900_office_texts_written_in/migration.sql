-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Cycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "phase" TEXT NOT NULL DEFAULT 'draft',
    "ballotMethod" TEXT NOT NULL DEFAULT 'knapsack',
    "minSpendPercent" INTEGER NOT NULL DEFAULT 0,
    "minApprovals" INTEGER NOT NULL DEFAULT 1,
    "maxApprovals" INTEGER NOT NULL DEFAULT 5,
    "maxRanks" INTEGER NOT NULL DEFAULT 5,
    "tallyRule" TEXT NOT NULL DEFAULT 'greedy',
    "accountVoting" BOOLEAN NOT NULL DEFAULT false,
    "minAge" INTEGER NOT NULL DEFAULT 0,
    "residencyRule" TEXT NOT NULL DEFAULT '',
    "ideasOpenOn" TEXT,
    "votingOpensOn" TEXT,
    "votingClosesOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Cycle" ("accountVoting", "ballotMethod", "createdAt", "currency", "description", "id", "ideasOpenOn", "maxApprovals", "maxRanks", "minAge", "minApprovals", "minSpendPercent", "name", "phase", "residencyRule", "slug", "tallyRule", "votingClosesOn", "votingOpensOn") SELECT "accountVoting", "ballotMethod", "createdAt", "currency", "description", "id", "ideasOpenOn", "maxApprovals", "maxRanks", "minAge", "minApprovals", "minSpendPercent", "name", "phase", "residencyRule", "slug", "tallyRule", "votingClosesOn", "votingOpensOn" FROM "Cycle";
DROP TABLE "Cycle";
ALTER TABLE "new_Cycle" RENAME TO "Cycle";
CREATE UNIQUE INDEX "Cycle_slug_key" ON "Cycle"("slug");
CREATE TABLE "new_District" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    "budgetCents" BIGINT NOT NULL,
    "population" INTEGER NOT NULL DEFAULT 0,
    "needWeight" INTEGER NOT NULL DEFAULT 100,
    CONSTRAINT "District_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_District" ("budgetCents", "cycleId", "id", "name", "needWeight", "population") SELECT "budgetCents", "cycleId", "id", "name", "needWeight", "population" FROM "District";
DROP TABLE "District";
ALTER TABLE "new_District" RENAME TO "District";
CREATE UNIQUE INDEX "District_cycleId_name_key" ON "District"("cycleId", "name");
CREATE TABLE "new_Category" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    CONSTRAINT "Category_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Category" ("cycleId", "id", "name") SELECT "cycleId", "id", "name" FROM "Category";
DROP TABLE "Category";
ALTER TABLE "new_Category" RENAME TO "Category";
CREATE UNIQUE INDEX "Category_cycleId_name_key" ON "Category"("cycleId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

