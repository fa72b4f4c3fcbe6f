/** What the compare view reads: runs with their params, and downsampled series of the chosen keys. */
import type { Db } from "./client";
import { type Downsampled, downsample } from "./downsample";
import { readSeriesColumns } from "./series-packs";

export type CompareSeries = Downsampled & { runId: string; key: string };

export function queryCompareSeries(
  db: Db,
  runIds: readonly string[],
  keys: readonly string[],
  buckets: number,
  range?: { from: number; to: number },
): CompareSeries[] {
  const out: CompareSeries[] = [];
  for (const key of keys) {
    for (const [runId, columns] of readSeriesColumns(db, runIds, key)) {
      out.push({ runId, key, ...downsample(columns, buckets, range) });
    }
  }
  return out;
}

/** Metric keys present on any of the runs, from their summaries (never a scan of Metric). */
export function listMetricKeys(db: Db, runIds: readonly string[]): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = db.sqlite
      .prepare(
        `SELECT DISTINCT "key" FROM "MetricSummary" WHERE "runId" IN (${chunk.map(() => "?").join(",")})`,
      )
      .pluck()
      .all(...chunk) as string[];
    for (const k of rows) keys.add(k);
  }
  return [...keys].sort();
}

/** Each run's params as key → number (when numeric) or string, for grouping and parallel coordinates. */
export function readRunParams(
  db: Db,
  runIds: readonly string[],
): Map<string, Record<string, string | number>> {
  const out = new Map<string, Record<string, string | number>>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = db.sqlite
      .prepare(
        `SELECT "runId", "key", "value", "valueNum" FROM "Param" WHERE "runId" IN (${chunk.map(() => "?").join(",")})`,
      )
      .all(...chunk) as Array<{ runId: string; key: string; value: string; valueNum: number | null }>;
    for (const r of rows) {
      const params = out.get(r.runId) ?? {};
      params[r.key] = r.valueNum ?? r.value;
      out.set(r.runId, params);
    }
  }
  return out;
}
