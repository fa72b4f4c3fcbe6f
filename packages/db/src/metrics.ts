/** Metric points: batched idempotent writes on (run, key, step), and series reads. */
import type { Db } from "./client";
import { listMetricKeys } from "./compare";
import { extremePointIndices } from "./downsample";
import { foldPoint, prepareSummaryUpsert, type SummaryDelta } from "./metric-summary";
import { readSeriesColumns } from "./series-packs";

export type MetricPoint = { key: string; step: number; value: number; wallMs: number };

const statements = new WeakMap<Db, (runId: string, points: readonly MetricPoint[]) => void>();

/**
 * Writes points in one transaction through a prepared statement (Prisma's createMany pays a
 * per-row cost ~30× higher). A point already stored for (run, key, step) is left as it is,
 * so replaying a batch after a crash neither duplicates nor changes anything.
 */
export function appendMetrics(db: Db, runId: string, points: readonly MetricPoint[]): void {
  if (points.length === 0) return;
  let write = statements.get(db);
  if (!write) {
    const insert = db.sqlite.prepare(
      'INSERT INTO "Metric" ("runId", "key", "step", "value", "wallMs") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const upsertSummaries = prepareSummaryUpsert(db.sqlite);
    write = db.sqlite.transaction((id: string, batch: readonly MetricPoint[]) => {
      const deltas = new Map<string, SummaryDelta>();
      for (const p of batch) {
        const value = Number.isFinite(p.value) ? p.value : null;
        // Only points actually stored move the summaries: a replayed point changes nothing.
        if (insert.run(id, p.key, p.step, value, p.wallMs).changes > 0)
          foldPoint(deltas, p.key, p.step, value);
      }
      upsertSummaries(id, deltas);
    });
    statements.set(db, write);
  }
  write(runId, points);
}

export type MetricSeries = { key: string; steps: number[]; values: (number | null)[]; wallMs: number[] };

/** Every stored series of a run (or the given keys), ordered by step. */
export function queryMetricSeries(db: Db, runId: string, keys?: readonly string[]): MetricSeries[] {
  const rows = db.sqlite
    .prepare('SELECT "key", "step", "value", "wallMs" FROM "Metric" WHERE "runId" = ? ORDER BY "key", "step"')
    .all(runId) as Array<{ key: string; step: number; value: number | null; wallMs: number }>;
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
export function queryRunSeries(db: Db, runId: string, maxPoints = RUN_SERIES_MAX_POINTS): MetricSeries[] {
  const out: MetricSeries[] = [];
  for (const key of listMetricKeys(db, [runId])) {
    const columns = readSeriesColumns(db, [runId], key).get(runId);
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

export function countMetricPoints(db: Db, runId: string): number {
  const row = db.sqlite.prepare('SELECT COUNT(*) AS n FROM "Metric" WHERE "runId" = ?').get(runId) as {
    n: number;
  };
  return row.n;
}
