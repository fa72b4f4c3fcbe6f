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

/** Metric keys present on a few of the runs (runs of one comparison share their keys). */
export function listMetricKeys(db: Db, runIds: readonly string[], sample = 5): string[] {
  const keys = new Set<string>();
  const stmt = db.sqlite.prepare('SELECT DISTINCT "key" FROM "Metric" WHERE "runId" = ?').pluck();
  for (const runId of runIds.slice(0, sample)) for (const k of stmt.all(runId) as string[]) keys.add(k);
  return [...keys].sort();
}
