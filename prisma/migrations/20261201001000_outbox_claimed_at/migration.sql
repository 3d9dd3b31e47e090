-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "claimedAt" DATETIME;

