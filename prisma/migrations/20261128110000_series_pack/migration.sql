-- CreateTable
CREATE TABLE "SeriesPack" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "lastStep" INTEGER NOT NULL,
    "data" BLOB NOT NULL,

    PRIMARY KEY ("runId", "key"),
    CONSTRAINT "SeriesPack_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

