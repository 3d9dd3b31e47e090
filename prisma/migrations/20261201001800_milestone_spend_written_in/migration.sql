-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProjectMilestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    "plannedOn" TEXT NOT NULL,
    "actualOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "droppedAt" DATETIME,
    "droppedReason" TEXT,
    CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProjectMilestone" ("actualOn", "createdAt", "droppedAt", "droppedReason", "id", "plannedOn", "projectId", "title") SELECT "actualOn", "createdAt", "droppedAt", "droppedReason", "id", "plannedOn", "projectId", "title" FROM "ProjectMilestone";
DROP TABLE "ProjectMilestone";
ALTER TABLE "new_ProjectMilestone" RENAME TO "ProjectMilestone";
CREATE INDEX "ProjectMilestone_projectId_plannedOn_idx" ON "ProjectMilestone"("projectId", "plannedOn");
CREATE TABLE "new_ProjectSpend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "spentOn" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "description" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
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

