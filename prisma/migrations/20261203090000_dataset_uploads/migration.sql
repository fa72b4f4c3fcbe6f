-- CreateTable
CREATE TABLE "DatasetBlob" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "data" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Dataset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "features" INTEGER NOT NULL,
    "classes" INTEGER NOT NULL,
    "labelColumn" TEXT NOT NULL,
    "featureNames" TEXT NOT NULL,
    "classNames" TEXT NOT NULL,
    "classCounts" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Dataset_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Dataset_hash_fkey" FOREIGN KEY ("hash") REFERENCES "DatasetBlob" ("hash") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- No row is copied: no earlier version could create a Dataset row (uploads did not exist).
DROP TABLE "Dataset";
ALTER TABLE "new_Dataset" RENAME TO "Dataset";
CREATE UNIQUE INDEX "Dataset_projectId_hash_key" ON "Dataset"("projectId", "hash");
CREATE UNIQUE INDEX "Dataset_projectId_name_version_key" ON "Dataset"("projectId", "name", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

