-- AlterTable
ALTER TABLE "ProposalRevision" ADD COLUMN     "categoryId" TEXT,
ADD COLUMN     "districtId" TEXT;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;


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
