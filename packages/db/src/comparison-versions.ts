/**
 * A cheap fingerprint of everything a comparison shows of each run: its row (every change to a run goes
 * through Prisma, which moves `updatedAt`; `sweepId` can also be cleared by a deleted sweep), how many params
 * it has, and its metric summaries (a new point moves a count or a last step; a new key adds a row). A
 * cached comparison whose runs' fingerprints are unchanged is still exact.
 */
import { type Db, rawSql } from "./client";

/** runId → fingerprint, for the runs among `runIds` that belong to the project (others are absent). */
export async function readComparisonVersions(
  db: Db,
  projectId: string,
  runIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    // One string per run, built in SQL: PostgreSQL's COUNT and SUM would come back as bigint otherwise.
    const rows = await db[rawSql].all<{ id: string; version: string }>(
      `SELECT r."id", r."status" || ':' || CAST(r."attempt" AS TEXT) || ':' || CAST(r."updatedAt" AS TEXT)
           || ':' || COALESCE(r."sweepId", '')
           || ':' || (SELECT CAST(COUNT(*) AS TEXT) FROM "Param" p WHERE p."runId" = r."id")
           || ':' || COALESCE((SELECT CAST(COUNT(*) AS TEXT) || ':' || CAST(SUM(m."count") AS TEXT) || ':' || CAST(MAX(m."lastStep") AS TEXT)
                FROM "MetricSummary" m WHERE m."runId" = r."id"), '') AS "version"
         FROM "Run" r WHERE r."projectId" = ? AND r."id" IN (${chunk.map(() => "?").join(",")})`,
      [projectId, ...chunk],
    );
    for (const r of rows) out.set(r.id, r.version);
  }
  return out;
}
