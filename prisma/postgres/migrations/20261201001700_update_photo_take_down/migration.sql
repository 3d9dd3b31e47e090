-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN     "photoRemovedAt" TIMESTAMP(3),
ADD COLUMN     "photoRemovedReason" TEXT;

