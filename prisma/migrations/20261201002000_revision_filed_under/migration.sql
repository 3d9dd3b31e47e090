-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProposalRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "editedById" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "districtId" TEXT,
    "categoryId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalRevision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalRevision_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProposalRevision_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProposalRevision" ("createdAt", "description", "editedById", "id", "note", "number", "proposalId", "title") SELECT "createdAt", "description", "editedById", "id", "note", "number", "proposalId", "title" FROM "ProposalRevision";
DROP TABLE "ProposalRevision";
ALTER TABLE "new_ProposalRevision" RENAME TO "ProposalRevision";
CREATE UNIQUE INDEX "ProposalRevision_proposalId_number_key" ON "ProposalRevision"("proposalId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill. Until now a proposal moved only in a revision, with an audit line saying from where: one never
-- moved was filed where it is now at every revision; for one moved, only its latest revision's place is known.
UPDATE "ProposalRevision" SET
  "districtId" = (SELECT p."districtId" FROM "Proposal" p WHERE p."id" = "ProposalRevision"."proposalId"),
  "categoryId" = (SELECT p."categoryId" FROM "Proposal" p WHERE p."id" = "ProposalRevision"."proposalId")
WHERE NOT EXISTS (
    SELECT 1 FROM "AuditLog" a
    WHERE a."targetType" = 'proposal' AND a."targetId" = "ProposalRevision"."proposalId"
      AND a."action" = 'proposal.revise' AND a."detail" LIKE '%"from"%')
  OR "number" = (SELECT MAX(r."number") FROM "ProposalRevision" r WHERE r."proposalId" = "ProposalRevision"."proposalId");
