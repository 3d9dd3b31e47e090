-- AlterTable
ALTER TABLE "User" ADD COLUMN "closedAt" DATETIME;

