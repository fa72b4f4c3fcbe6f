-- CreateTable
CREATE TABLE "MetricSummary" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "lastStep" INTEGER NOT NULL,
    "lastValue" REAL,
    "minValue" REAL,
    "minStep" INTEGER,
    "maxValue" REAL,
    "maxStep" INTEGER,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("runId", "key"),
    CONSTRAINT "MetricSummary_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MetricSummary_key_lastValue_idx" ON "MetricSummary"("key", "lastValue");

-- CreateIndex
CREATE INDEX "Run_projectId_status_idx" ON "Run"("projectId", "status");

-- CreateIndex
CREATE INDEX "Param_key_value_idx" ON "Param"("key", "value");


-- Backfill: summaries for the points already stored, so existing runs show in the runs table at once.
INSERT INTO "MetricSummary" ("runId", "key", "lastStep", "lastValue", "minValue", "minStep", "maxValue", "maxStep", "count")
SELECT g."runId", g."key", g."lastStep",
    (SELECT m."value" FROM "Metric" m WHERE m."runId" = g."runId" AND m."key" = g."key" AND m."step" = g."lastStep"),
    g."minValue",
    (SELECT MIN(m."step") FROM "Metric" m WHERE m."runId" = g."runId" AND m."key" = g."key" AND m."value" = g."minValue"),
    g."maxValue",
    (SELECT MIN(m."step") FROM "Metric" m WHERE m."runId" = g."runId" AND m."key" = g."key" AND m."value" = g."maxValue"),
    g."count"
FROM (
    SELECT "runId", "key", MAX("step") AS "lastStep", MIN("value") AS "minValue", MAX("value") AS "maxValue", COUNT(*) AS "count"
    FROM "Metric" GROUP BY "runId", "key"
) g;
