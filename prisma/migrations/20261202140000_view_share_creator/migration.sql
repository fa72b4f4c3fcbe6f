-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ViewShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "viewId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "ViewShare_viewId_fkey" FOREIGN KEY ("viewId") REFERENCES "SavedView" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ViewShare_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ViewShare" ("createdAt", "id", "revokedAt", "tokenHash", "viewId") SELECT "createdAt", "id", "revokedAt", "tokenHash", "viewId" FROM "ViewShare";
DROP TABLE "ViewShare";
ALTER TABLE "new_ViewShare" RENAME TO "ViewShare";
CREATE UNIQUE INDEX "ViewShare_tokenHash_key" ON "ViewShare"("tokenHash");
CREATE INDEX "ViewShare_viewId_idx" ON "ViewShare"("viewId");
CREATE INDEX "ViewShare_createdById_idx" ON "ViewShare"("createdById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Links made before this column existed: their view's creator is the best guess of who shared them.
UPDATE "ViewShare" SET "createdById" = (SELECT "createdById" FROM "SavedView" WHERE "SavedView"."id" = "ViewShare"."viewId");
