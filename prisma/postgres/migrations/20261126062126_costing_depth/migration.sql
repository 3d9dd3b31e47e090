-- AlterTable
ALTER TABLE "User" ADD COLUMN     "agencyLead" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "sentForCostingAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CostEstimate" ADD COLUMN     "contingencyCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "contingencyPercent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "oneOffCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recurringCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CostLineItem" ADD COLUMN     "recurring" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "EligibilityCriterion" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'manual',

    CONSTRAINT "EligibilityCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeasibilityCheck" (
    "id" TEXT NOT NULL,
    "estimateId" TEXT NOT NULL,
    "criterionId" TEXT,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'manual',
    "outcome" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FeasibilityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EligibilityCriterion_cycleId_position_idx" ON "EligibilityCriterion"("cycleId", "position");

-- CreateIndex
CREATE INDEX "CostEstimate_proposalId_version_idx" ON "CostEstimate"("proposalId", "version");

-- AddForeignKey
ALTER TABLE "EligibilityCriterion" ADD CONSTRAINT "EligibilityCriterion_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeasibilityCheck" ADD CONSTRAINT "FeasibilityCheck_estimateId_fkey" FOREIGN KEY ("estimateId") REFERENCES "CostEstimate"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing estimates: all one-off, no contingency; versions numbered per proposal in the order they were saved.
UPDATE "CostEstimate" SET "oneOffCents" = "totalCents";
UPDATE "CostEstimate" SET "version" = (SELECT COUNT(*) FROM "CostEstimate" e WHERE e."proposalId" = "CostEstimate"."proposalId" AND (e."createdAt" < "CostEstimate"."createdAt" OR (e."createdAt" = "CostEstimate"."createdAt" AND e."id" <= "CostEstimate"."id")));
-- Proposals already sent: count days waiting from their last update.
UPDATE "Proposal" SET "sentForCostingAt" = "updatedAt" WHERE "status" <> 'draft';
