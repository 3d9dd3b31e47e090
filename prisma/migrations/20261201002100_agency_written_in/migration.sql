-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "writtenIn" TEXT NOT NULL DEFAULT 'en'
);
INSERT INTO "new_Agency" ("id", "name") SELECT "id", "name" FROM "Agency";
DROP TABLE "Agency";
ALTER TABLE "new_Agency" RENAME TO "Agency";
CREATE UNIQUE INDEX "Agency_name_key" ON "Agency"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

