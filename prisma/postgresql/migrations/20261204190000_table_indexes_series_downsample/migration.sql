-- DropIndex
DROP INDEX "MetricSummary_key_lastValue_idx";

-- DropIndex
DROP INDEX "Param_key_value_idx";

-- DropIndex
DROP INDEX "Param_key_valueNum_idx";

-- CreateTable
CREATE TABLE "SeriesDownsample" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "buckets" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "steps" BYTEA NOT NULL,
    "values" BYTEA NOT NULL,
    "min" BYTEA NOT NULL,
    "max" BYTEA NOT NULL,
    "wallMs" BYTEA NOT NULL,

    CONSTRAINT "SeriesDownsample_pkey" PRIMARY KEY ("runId","key","buckets")
);

-- CreateIndex
CREATE INDEX "MetricSummary_key_lastValue_runId_idx" ON "MetricSummary"("key", "lastValue", "runId");

-- CreateIndex
CREATE INDEX "Param_key_valueNum_value_runId_idx" ON "Param"("key", "valueNum", "value", "runId");

-- CreateIndex
CREATE INDEX "Param_key_value_runId_idx" ON "Param"("key", "value", "runId");

-- CreateIndex
CREATE INDEX "Run_projectId_activation_idx" ON "Run"("projectId", "activation");

-- AddForeignKey
ALTER TABLE "SeriesDownsample" ADD CONSTRAINT "SeriesDownsample_runId_key_fkey" FOREIGN KEY ("runId", "key") REFERENCES "SeriesPack"("runId", "key") ON DELETE CASCADE ON UPDATE CASCADE;
