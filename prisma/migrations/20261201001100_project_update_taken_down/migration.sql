-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "ProjectUpdate" ADD COLUMN "hiddenReason" TEXT;

