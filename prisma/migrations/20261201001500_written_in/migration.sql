-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Idea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    "location" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'online',
    "sourceNote" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcomeReason" TEXT NOT NULL DEFAULT '',
    "mergedIntoId" TEXT,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Idea_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Idea_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Idea_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Idea_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Idea" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Idea" ("authorId", "categoryId", "createdAt", "cycleId", "description", "districtId", "hiddenAt", "hiddenReason", "id", "location", "mergedIntoId", "number", "outcomeReason", "source", "sourceNote", "status", "title") SELECT "authorId", "categoryId", "createdAt", "cycleId", "description", "districtId", "hiddenAt", "hiddenReason", "id", "location", "mergedIntoId", "number", "outcomeReason", "source", "sourceNote", "status", "title" FROM "Idea";
DROP TABLE "Idea";
ALTER TABLE "new_Idea" RENAME TO "Idea";
CREATE INDEX "Idea_cycleId_districtId_categoryId_idx" ON "Idea"("cycleId", "districtId", "categoryId");
CREATE UNIQUE INDEX "Idea_cycleId_number_key" ON "Idea"("cycleId", "number");
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "cycleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "agencyId" TEXT,
    "sentForCostingAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("agencyId", "categoryId", "createdAt", "createdById", "cycleId", "description", "districtId", "id", "number", "sentForCostingAt", "status", "title", "updatedAt") SELECT "agencyId", "categoryId", "createdAt", "createdById", "cycleId", "description", "districtId", "id", "number", "sentForCostingAt", "status", "title", "updatedAt" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE UNIQUE INDEX "Proposal_cycleId_number_key" ON "Proposal"("cycleId", "number");
CREATE TABLE "new_ProjectUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "status" TEXT NOT NULL,
    "percentComplete" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    "postedOn" TEXT NOT NULL,
    "photo" TEXT,
    "photoAlt" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    CONSTRAINT "ProjectUpdate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProjectUpdate" ("authorId", "createdAt", "hiddenAt", "hiddenReason", "id", "note", "percentComplete", "photo", "photoAlt", "postedOn", "projectId", "status") SELECT "authorId", "createdAt", "hiddenAt", "hiddenReason", "id", "note", "percentComplete", "photo", "photoAlt", "postedOn", "projectId", "status" FROM "ProjectUpdate";
DROP TABLE "ProjectUpdate";
ALTER TABLE "new_ProjectUpdate" RENAME TO "ProjectUpdate";
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'public',
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("authorId", "body", "channel", "createdAt", "hiddenAt", "hiddenReason", "id", "targetId", "targetType") SELECT "authorId", "body", "channel", "createdAt", "hiddenAt", "hiddenReason", "id", "targetId", "targetType" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_targetType_targetId_channel_idx" ON "Comment"("targetType", "targetId", "channel");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

