-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN "photoRemovedAt" DATETIME;
ALTER TABLE "ProjectUpdate" ADD COLUMN "photoRemovedReason" TEXT;

