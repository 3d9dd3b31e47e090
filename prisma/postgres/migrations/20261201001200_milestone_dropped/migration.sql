-- AlterTable
ALTER TABLE "ProjectMilestone" ADD COLUMN     "droppedAt" TIMESTAMP(3),
ADD COLUMN     "droppedReason" TEXT;

