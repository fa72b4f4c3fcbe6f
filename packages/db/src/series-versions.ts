/**
 * A cheap fingerprint of each run's recorded series, read from its metric summaries: it changes whenever a
 * point is added (a count or a last step moves) or a key appears, so a cached comparison knows it is stale.
 */
import { type Db, rawSql } from "./client";

/** runId → "keys:points:lastStep" (a run without points is absent). */
export async function readSeriesVersions(db: Db, runIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    // One string per run, built in SQL: PostgreSQL's COUNT and SUM come back as bigint otherwise.
    const rows = await db[rawSql].all<{ runId: string; version: string }>(
      `SELECT "runId", CAST(COUNT(*) AS TEXT) || ':' || CAST(SUM("count") AS TEXT) || ':' || CAST(MAX("lastStep") AS TEXT) AS "version"
         FROM "MetricSummary" WHERE "runId" IN (${chunk.map(() => "?").join(",")}) GROUP BY "runId"`,
      chunk,
    );
    for (const r of rows) out.set(r.runId, r.version);
  }
  return out;
}
