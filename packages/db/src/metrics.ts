/** Metric points: batched idempotent writes on (run, key, step), and series reads. */
import type { Db } from "./client";
import { foldPoint, prepareSummaryUpsert, type SummaryDelta } from "./metric-summary";

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

export function countMetricPoints(db: Db, runId: string): number {
  const row = db.sqlite.prepare('SELECT COUNT(*) AS n FROM "Metric" WHERE "runId" = ?').get(runId) as {
    n: number;
  };
  return row.n;
}
