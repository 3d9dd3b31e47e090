-- AlterTable
ALTER TABLE "ProjectMilestone" ADD COLUMN "droppedAt" DATETIME;
ALTER TABLE "ProjectMilestone" ADD COLUMN "droppedReason" TEXT;

