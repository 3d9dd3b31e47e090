-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_District" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "budgetCents" BIGINT NOT NULL,
    "population" INTEGER NOT NULL DEFAULT 0,
    "needWeight" INTEGER NOT NULL DEFAULT 100,
    CONSTRAINT "District_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_District" ("budgetCents", "cycleId", "id", "name", "needWeight", "population") SELECT "budgetCents", "cycleId", "id", "name", "needWeight", "population" FROM "District";
DROP TABLE "District";
ALTER TABLE "new_District" RENAME TO "District";
CREATE UNIQUE INDEX "District_cycleId_name_key" ON "District"("cycleId", "name");
CREATE TABLE "new_CostEstimate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "staffId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "oneOffCents" BIGINT NOT NULL DEFAULT 0,
    "contingencyPercent" INTEGER NOT NULL DEFAULT 0,
    "contingencyCents" BIGINT NOT NULL DEFAULT 0,
    "totalCents" BIGINT NOT NULL,
    "recurringCents" BIGINT NOT NULL DEFAULT 0,
    "feasible" BOOLEAN NOT NULL,
    "publicReason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CostEstimate_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CostEstimate" ("contingencyCents", "contingencyPercent", "createdAt", "feasible", "id", "oneOffCents", "proposalId", "publicReason", "recurringCents", "staffId", "totalCents", "version") SELECT "contingencyCents", "contingencyPercent", "createdAt", "feasible", "id", "oneOffCents", "proposalId", "publicReason", "recurringCents", "staffId", "totalCents", "version" FROM "CostEstimate";
DROP TABLE "CostEstimate";
ALTER TABLE "new_CostEstimate" RENAME TO "CostEstimate";
CREATE INDEX "CostEstimate_proposalId_version_idx" ON "CostEstimate"("proposalId", "version");
CREATE TABLE "new_CostLineItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "estimateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitCostCents" BIGINT NOT NULL,
    "totalCents" BIGINT NOT NULL,
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "CostLineItem_estimateId_fkey" FOREIGN KEY ("estimateId") REFERENCES "CostEstimate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CostLineItem" ("description", "estimateId", "id", "position", "quantity", "recurring", "totalCents", "unitCostCents") SELECT "description", "estimateId", "id", "position", "quantity", "recurring", "totalCents", "unitCostCents" FROM "CostLineItem";
DROP TABLE "CostLineItem";
ALTER TABLE "new_CostLineItem" RENAME TO "CostLineItem";
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
    "budgetCents" BIGINT NOT NULL,
    "spentCents" BIGINT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    "spoiledCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TallyResult_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TallyResult_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TallyResult" ("ballotCount", "ballotsHash", "budgetCents", "computedAt", "cycleId", "districtId", "id", "parameters", "publishedAt", "rule", "run", "software", "spentCents", "spoiledCount", "status", "summary") SELECT "ballotCount", "ballotsHash", "budgetCents", "computedAt", "cycleId", "districtId", "id", "parameters", "publishedAt", "rule", "run", "software", "spentCents", "spoiledCount", "status", "summary" FROM "TallyResult";
DROP TABLE "TallyResult";
ALTER TABLE "new_TallyResult" RENAME TO "TallyResult";
CREATE UNIQUE INDEX "TallyResult_districtId_run_key" ON "TallyResult"("districtId", "run");
CREATE TABLE "new_TallyProjectResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resultId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "costCents" BIGINT NOT NULL,
    "votes" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "selected" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "TallyProjectResult_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "TallyResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TallyProjectResult" ("costCents", "id", "note", "position", "proposalId", "resultId", "selected", "title", "votes") SELECT "costCents", "id", "note", "position", "proposalId", "resultId", "selected", "title", "votes" FROM "TallyProjectResult";
DROP TABLE "TallyProjectResult";
ALTER TABLE "new_TallyProjectResult" RENAME TO "TallyProjectResult";
CREATE TABLE "new_Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "agencyId" TEXT,
    "title" TEXT NOT NULL,
    "budgetCents" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "percentComplete" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Project_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Project_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Project_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Project_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Project" ("agencyId", "budgetCents", "createdAt", "cycleId", "districtId", "id", "percentComplete", "proposalId", "status", "title") SELECT "agencyId", "budgetCents", "createdAt", "cycleId", "districtId", "id", "percentComplete", "proposalId", "status", "title" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
CREATE UNIQUE INDEX "Project_proposalId_key" ON "Project"("proposalId");
CREATE TABLE "new_ProjectSpend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "spentOn" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "description" TEXT NOT NULL,
    "reference" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    "withdrawnReason" TEXT,
    "withdrawnById" TEXT,
    CONSTRAINT "ProjectSpend_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProjectSpend" ("amountCents", "authorId", "createdAt", "description", "id", "projectId", "reference", "spentOn", "withdrawnAt", "withdrawnById", "withdrawnReason") SELECT "amountCents", "authorId", "createdAt", "description", "id", "projectId", "reference", "spentOn", "withdrawnAt", "withdrawnById", "withdrawnReason" FROM "ProjectSpend";
DROP TABLE "ProjectSpend";
ALTER TABLE "new_ProjectSpend" RENAME TO "ProjectSpend";
CREATE INDEX "ProjectSpend_projectId_spentOn_idx" ON "ProjectSpend"("projectId", "spentOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

