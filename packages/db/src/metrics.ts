/** Metric points: batched idempotent writes on (run, key, step), and series reads. */
import { type Db, rawSql } from "./client";
import { listMetricKeys } from "./compare";
import { extremePointIndices } from "./downsample";
import { foldPoint, type SummaryDelta, upsertSummaries } from "./metric-summary";
import type { RawSql } from "./raw-sql";
import { readSeriesColumns } from "./series-packs";

export type MetricPoint = { key: string; step: number; value: number; wallMs: number };

/**
 * Writes points in one transaction (Prisma's createMany pays a per-row cost ~30× higher). A point
 * already stored for (run, key, step) is left as it is, so replaying a batch after a crash neither
 * duplicates nor changes anything; only the points actually stored move the summaries.
 */
export async function appendMetrics(db: Db, runId: string, points: readonly MetricPoint[]): Promise<void> {
  if (points.length === 0) return;
  await db[rawSql].transaction((tx) => storeMetricPoints(tx, runId, points));
}

/** appendMetrics inside the caller's transaction. */
export async function storeMetricPoints(tx: RawSql, runId: string, points: readonly MetricPoint[]) {
  const deltas = new Map<string, SummaryDelta>();
  for (const p of await insertNewPoints(tx, runId, points)) foldPoint(deltas, p.key, p.step, p.value);
  await upsertSummaries(tx, runId, deltas);
}

type StoredPoint = { key: string; step: number; value: number | null };

const INSERT_ONE =
  'INSERT INTO "Metric" ("runId", "key", "step", "value", "wallMs") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';

// One statement per 5000 points, its columns bound as arrays: 1.2–1.5× a 500-row multi-row INSERT.
const INSERT_UNNEST = `INSERT INTO "Metric" ("runId", "key", "step", "value", "wallMs")
  SELECT ?, * FROM unnest(CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS double precision[]), CAST(? AS double precision[]))
  ON CONFLICT DO NOTHING RETURNING "key", "step", "value"`;
const UNNEST_ROWS = 5000;

/** Inserts the points no row holds yet; returns those it stored. */
async function insertNewPoints(
  tx: RawSql,
  runId: string,
  points: readonly MetricPoint[],
): Promise<StoredPoint[]> {
  const stored: StoredPoint[] = [];
  if (tx.dialect.engine === "sqlite") {
    // In-process SQLite: a prepared statement per point is the fastest insert there is.
    for (const p of points) {
      const value = Number.isFinite(p.value) ? p.value : null;
      if ((await tx.run(INSERT_ONE, [runId, p.key, p.step, value, p.wallMs])) > 0)
        stored.push({ key: p.key, step: p.step, value });
    }
    return stored;
  }
  for (let i = 0; i < points.length; i += UNNEST_ROWS) {
    const chunk = points.slice(i, i + UNNEST_ROWS);
    stored.push(
      ...(await tx.all<StoredPoint>(INSERT_UNNEST, [
        runId,
        chunk.map((p) => p.key),
        chunk.map((p) => p.step),
        chunk.map((p) => (Number.isFinite(p.value) ? p.value : null)),
        chunk.map((p) => p.wallMs),
      ])),
    );
  }
  return stored;
}

export type MetricSeries = { key: string; steps: number[]; values: (number | null)[]; wallMs: number[] };

/** Every stored series of a run (or the given keys), ordered by step. */
export async function queryMetricSeries(
  db: Db,
  runId: string,
  keys?: readonly string[],
): Promise<MetricSeries[]> {
  const rows = await db[rawSql].all<{ key: string; step: number; value: number | null; wallMs: number }>(
    'SELECT "key", "step", "value", "wallMs" FROM "Metric" WHERE "runId" = ? ORDER BY "key", "step"',
    [runId],
  );
  const wanted = keys ? new Set(keys) : null;
  const byKey = new Map<string, MetricSeries>();
  for (const r of rows) {
    if (wanted && !wanted.has(r.key)) continue;
    let s = byKey.get(r.key);
    if (!s) {
      s = { key: r.key, steps: [], values: [], wallMs: [] };
      byKey.set(r.key, s);
    }
    s.steps.push(r.step);
    s.values.push(r.value);
    s.wallMs.push(r.wallMs);
  }
  return [...byKey.values()];
}

/** Points per key a run page receives: more than a chart's width in pixels, far below a long run's rows. */
export const RUN_SERIES_MAX_POINTS = 2000;

/**
 * Every series of a run, each cut to at most `maxPoints` real points (first, then per bucket the lowest,
 * highest and last, so spikes and the latest value survive). Read from the packed series, not row by row.
 */
export async function queryRunSeries(
  db: Db,
  runId: string,
  maxPoints = RUN_SERIES_MAX_POINTS,
): Promise<MetricSeries[]> {
  const out: MetricSeries[] = [];
  for (const key of await listMetricKeys(db, [runId])) {
    const columns = (await readSeriesColumns(db, [runId], key)).get(runId);
    if (!columns) continue;
    const series: MetricSeries = { key, steps: [], values: [], wallMs: [] };
    for (const i of extremePointIndices(columns.steps, columns.values, maxPoints)) {
      const v = columns.values[i] as number;
      series.steps.push(columns.steps[i] as number);
      series.values.push(Number.isFinite(v) ? v : null);
      series.wallMs.push(columns.wallMs[i] as number);
    }
    out.push(series);
  }
  return out;
}

export async function countMetricPoints(db: Db, runId: string): Promise<number> {
  const row = await db[rawSql].get<{ n: number }>('SELECT COUNT(*) AS "n" FROM "Metric" WHERE "runId" = ?', [
    runId,
  ]);
  return row?.n ?? 0;
}
