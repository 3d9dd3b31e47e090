-- AlterTable
ALTER TABLE "ProjectSpend" ADD COLUMN "withdrawnAt" DATETIME;
ALTER TABLE "ProjectSpend" ADD COLUMN "withdrawnById" TEXT;
ALTER TABLE "ProjectSpend" ADD COLUMN "withdrawnReason" TEXT;

