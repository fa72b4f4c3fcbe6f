/**
 * What the sweep verdict needs about every run of a sweep, in one read transaction: status, summary,
 * params, three per-epoch series, and the last finite diagnostics. Raw SQL on the metric table, index-backed
 * on (runId, key, step): only the wanted keys are touched, never a run's thousands of other points.
 */
import type { Db } from "./client";
import type { RunStatus } from "./runs";

export type VerdictSeries = { steps: number[]; values: (number | null)[] };

export type VerdictRunData = {
  id: string;
  status: RunStatus;
  activation: string;
  dataset: string;
  seed: number;
  /** Flattened config params ("lr", "optimizer", "dataset.name"), as stored. */
  params: Record<string, string>;
  summary: Record<string, number> | null;
  /** The requested metric key, `epoch` and `time/epoch_s`, ordered by step (missing keys: empty series). */
  series: Record<string, VerdictSeries>;
  /** Last finite diag/l<i>/dead_frac for each hidden layer i = 1…n (null when never recorded). */
  deadFrac: (number | null)[];
  /** Last finite diag/grad_ratio. */
  gradRatio: number | null;
};

export const VERDICT_SERIES_KEYS = ["epoch", "time/epoch_s"] as const;

type RunRow = {
  id: string;
  status: string;
  summary: string | null;
  activation: string;
  dataset: string;
  seed: number;
  hidden: number;
};

const SQL = {
  sweep: 'SELECT "id" FROM "Sweep" WHERE "id" = ? AND "projectId" = ?',
  runs: `SELECT "id", "status", "summary", "activation", "dataset", "seed",
           COALESCE(json_array_length("config", '$.hiddenLayers'), 0) AS "hidden"
         FROM "Run" WHERE "sweepId" = ? ORDER BY "createdAt", "id"`,
  params: `SELECT p."runId", p."key", p."value" FROM "Param" p JOIN "Run" r ON r."id" = p."runId"
           WHERE r."sweepId" = ?`,
  // json_each turns the key list into rows, so one statement serves any set of keys.
  series: `SELECT m."runId", m."key", m."step", m."value"
           FROM "Run" r JOIN json_each(?) k JOIN "Metric" m ON m."runId" = r."id" AND m."key" = k."value"
           WHERE r."sweepId" = ? ORDER BY m."runId", m."key", m."step"`,
  // Last finite value per (run, key): a diverged run's final NaN (stored as null) says nothing about its layers.
  last: `SELECT r."id" AS "runId", k."value" AS "key",
           (SELECT m."value" FROM "Metric" m
             WHERE m."runId" = r."id" AND m."key" = k."value" AND m."value" IS NOT NULL
             ORDER BY m."step" DESC LIMIT 1) AS "value"
         FROM "Run" r JOIN json_each(?) k WHERE r."sweepId" = ?`,
} as const;

/** Everything computeVerdict needs for a sweep of this project; null when there is no such sweep in it. */
export function readVerdictData(
  db: Db,
  sweepId: string,
  projectId: string,
  metricKey = "val/acc",
): { runs: VerdictRunData[] } | null {
  const read = db.sqlite.transaction(() => {
    if (!db.sqlite.prepare(SQL.sweep).get(sweepId, projectId)) return null;
    const rows = db.sqlite.prepare(SQL.runs).all(sweepId) as RunRow[];
    const maxHidden = rows.reduce((m, r) => Math.max(m, r.hidden), 0);
    const seriesKeys = [metricKey, ...VERDICT_SERIES_KEYS];
    const diagKeys = [
      "diag/grad_ratio",
      ...Array.from({ length: maxHidden }, (_, i) => `diag/l${i + 1}/dead_frac`),
    ];
    const params = db.sqlite.prepare(SQL.params).all(sweepId) as Array<{
      runId: string;
      key: string;
      value: string;
    }>;
    const points = db.sqlite.prepare(SQL.series).all(JSON.stringify(seriesKeys), sweepId) as Array<{
      runId: string;
      key: string;
      step: number;
      value: number | null;
    }>;
    const lasts = db.sqlite.prepare(SQL.last).all(JSON.stringify(diagKeys), sweepId) as Array<{
      runId: string;
      key: string;
      value: number | null;
    }>;
    return { rows, seriesKeys, params, points, lasts };
  });
  const data = read();
  if (!data) return null;

  const runs = new Map<string, VerdictRunData>();
  for (const r of data.rows) {
    runs.set(r.id, {
      id: r.id,
      status: r.status as RunStatus,
      activation: r.activation,
      dataset: r.dataset,
      seed: r.seed,
      params: {},
      summary: parseSummary(r.summary),
      series: Object.fromEntries(data.seriesKeys.map((k) => [k, { steps: [], values: [] }])),
      deadFrac: Array.from({ length: r.hidden }, () => null),
      gradRatio: null,
    });
  }
  for (const p of data.params) {
    const run = runs.get(p.runId);
    if (run) run.params[p.key] = p.value;
  }
  for (const m of data.points) {
    const s = runs.get(m.runId)?.series[m.key];
    if (!s) continue;
    s.steps.push(m.step);
    s.values.push(m.value);
  }
  for (const l of data.lasts) {
    const run = runs.get(l.runId);
    if (!run) continue;
    if (l.key === "diag/grad_ratio") {
      run.gradRatio = l.value;
      continue;
    }
    const layer = Number(/^diag\/l(\d+)\/dead_frac$/.exec(l.key)?.[1]);
    // Only this run's own hidden layers: a shallower run has no l3, whatever a deeper one has.
    if (layer >= 1 && layer <= run.deadFrac.length) run.deadFrac[layer - 1] = l.value;
  }
  return { runs: [...runs.values()] };
}

/** Keeps the numeric entries of Run.summary; anything unreadable is no summary rather than a crash. */
function parseSummary(text: string | null): Record<string, number> | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== "object") return null;
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === "number") out[k] = v;
    return out;
  } catch {
    return null;
  }
}
