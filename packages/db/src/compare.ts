/** What the compare view reads: runs with their params, and downsampled series of the chosen keys. */
import { type Db, rawSql } from "./client";
import { type DownsampleParts, keepsDownsample, readWholeSeriesDownsampled } from "./compare-downsamples";
import { downsample } from "./downsample";
import { readSeriesColumns } from "./series-packs";

/** A series as a chart reads it: like Downsampled, with typed arrays (NaN for null) when kept. */
export type CompareSeries = {
  runId: string;
  key: string;
  total: number;
  steps: ArrayLike<number>;
  values: ArrayLike<number | null>;
  min: ArrayLike<number | null>;
  max: ArrayLike<number | null>;
  wallMs: ArrayLike<number>;
};

/**
 * Each run's series of each key, downsampled to `buckets` (over `range` when zoomed). `parts` says which
 * of min/max and wall times the caller draws: the others may come back empty. The whole range is read
 * from kept downsamples (for the bucket counts worth keeping); a zoom downsamples the packs afresh.
 */
export async function queryCompareSeries(
  db: Db,
  runIds: readonly string[],
  keys: readonly string[],
  buckets: number,
  range?: { from: number; to: number },
  parts: { extremes: boolean; wallKeys: readonly string[] } = { extremes: true, wallKeys: keys },
): Promise<CompareSeries[]> {
  const out: CompareSeries[] = [];
  for (const key of keys) {
    if (range || !keepsDownsample(buckets)) {
      for (const [runId, columns] of await readSeriesColumns(db, runIds, key))
        out.push({ runId, key, ...downsample(columns, buckets, range) });
      continue;
    }
    const want: DownsampleParts = { extremes: parts.extremes, wall: parts.wallKeys.includes(key) };
    for (const [runId, d] of await readWholeSeriesDownsampled(db, runIds, key, buckets, want))
      out.push({ runId, key, ...d });
  }
  return out;
}

/** Metric keys present on any of the runs, from their summaries (never a scan of Metric). */
export async function listMetricKeys(db: Db, runIds: readonly string[]): Promise<string[]> {
  const keys = new Set<string>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db[rawSql].all<{ key: string }>(
      `SELECT DISTINCT "key" FROM "MetricSummary" WHERE "runId" IN (${chunk.map(() => "?").join(",")})`,
      chunk,
    );
    for (const r of rows) keys.add(r.key);
  }
  return [...keys].sort();
}

/** Each run's params as key → number (when numeric) or string, for grouping and parallel coordinates. */
export async function readRunParams(
  db: Db,
  runIds: readonly string[],
): Promise<Map<string, Record<string, string | number>>> {
  const out = new Map<string, Record<string, string | number>>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db[rawSql].all<{ runId: string; key: string; value: string; valueNum: number | null }>(
      `SELECT "runId", "key", "value", "valueNum" FROM "Param" WHERE "runId" IN (${chunk.map(() => "?").join(",")})`,
      chunk,
    );
    for (const r of rows) {
      const params = out.get(r.runId) ?? {};
      params[r.key] = r.valueNum ?? r.value;
      out.set(r.runId, params);
    }
  }
  return out;
}
