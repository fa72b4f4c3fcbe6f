/**
 * What the sweep verdict needs about every run of a sweep, in one read transaction: status, summary,
 * params, three per-epoch series, and the last finite diagnostics. Raw SQL on the metric table, index-backed
 * on (runId, key, step): only the wanted keys are touched, never a run's thousands of other points.
 */
import { DIAG_STAT, diagKey, FINISHED_STATUSES, METRIC, parseDiagKey, type RunStatus } from "@actlab/core";
import { type Db, rawSql } from "./client";
import type { Dialect, RawSql } from "./raw-sql";

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

export const VERDICT_SERIES_KEYS = [METRIC.epoch, METRIC.epochSeconds] as const;

type RunRow = {
  id: string;
  status: string;
  summary: string | null;
  activation: string;
  dataset: string;
  seed: number;
  hidden: number;
  finishedAt: number | string | Date | null;
};

const sql = (d: Dialect) => ({
  sweep: 'SELECT "id" FROM "Sweep" WHERE "id" = ? AND "projectId" = ?',
  runs: `SELECT "id", "status", "summary", "activation", "dataset", "seed", "finishedAt",
           COALESCE(${d.jsonArrayLength('"config"', "hiddenLayers")}, 0) AS "hidden"
         FROM "Run" WHERE "sweepId" = ? ORDER BY "createdAt", "id"`,
  runSet: `SELECT u."id", u."status", u."summary", u."activation", u."dataset", u."seed", u."finishedAt",
           COALESCE(${d.jsonArrayLength('u."config"', "hiddenLayers")}, 0) AS "hidden"
         FROM ${d.listRows("r")} JOIN "Run" u ON u."id" = r."value"
         WHERE u."projectId" = ? AND u."deletedAt" IS NULL ORDER BY u."createdAt", u."id"`,
  // The id and key lists become rows (listRows), so one prepared statement serves any set of runs and keys.
  params: `SELECT p."runId", p."key", p."value" FROM ${d.listRows("r")} JOIN "Param" p ON p."runId" = r."value"`,
  series: `SELECT m."runId", m."key", m."step", m."value"
           FROM ${d.listRows("r")} CROSS JOIN ${d.listRows("k")} JOIN "Metric" m ON m."runId" = r."value" AND m."key" = k."value"
           ORDER BY m."runId", m."key", m."step"`,
  // Last finite value per (run, key): a diverged run's final NaN (stored as null) says nothing about its layers.
  last: `SELECT r."value" AS "runId", k."value" AS "key",
           (SELECT m."value" FROM "Metric" m
             WHERE m."runId" = r."value" AND m."key" = k."value" AND m."value" IS NOT NULL
             ORDER BY m."step" DESC LIMIT 1) AS "value"
         FROM ${d.listRows("r")} CROSS JOIN ${d.listRows("k")}`,
});

const FINISHED = new Set<string>(FINISHED_STATUSES);
const CACHE_LIMIT = 20_000;
/**
 * A finished run's metrics never change (a retry sets it back to QUEUED with a new finishedAt), so its
 * verdict data is kept per database connection: a sweep page that refetches the verdict each time a run
 * finishes then reads only the runs that changed, not all 2,000 (measured: ~1 ms per run read).
 */
const finishedCache = new WeakMap<Db, Map<string, { version: string; data: VerdictRunData }>>();

/** Everything computeVerdict needs for a sweep of this project; null when there is no such sweep in it. */
export async function readVerdictData(
  db: Db,
  sweepId: string,
  projectId: string,
  metricKey: string = METRIC.valAcc,
): Promise<{ runs: VerdictRunData[] } | null> {
  let cache = finishedCache.get(db);
  if (!cache) {
    cache = new Map();
    finishedCache.set(db, cache);
  }
  const known = cache;
  const version = (r: RunRow) => `${metricKey}|${r.status}|${r.finishedAt}|${r.summary?.length ?? 0}`;
  const cacheKey = (r: RunRow) => `${r.id}|${metricKey}`;
  // One read transaction: every statement sees the same snapshot, even while workers write.
  const data = await db[rawSql].transaction(async (tx) => {
    const q = sql(tx.dialect);
    if (!(await tx.get(q.sweep, [sweepId, projectId]))) return null;
    const rows = await tx.all<RunRow>(q.runs, [sweepId]);
    const stale = rows.filter((r) => known.get(cacheKey(r))?.version !== version(r));
    const fresh = await readRuns(tx, stale, metricKey);
    return { rows, fresh };
  });
  if (!data) return null;
  for (const r of data.rows) {
    const runData = data.fresh.get(r.id);
    if (!runData || !FINISHED.has(r.status)) continue;
    if (known.size >= CACHE_LIMIT) known.delete(known.keys().next().value as string); // oldest first
    known.set(cacheKey(r), { version: version(r), data: runData });
  }
  return {
    runs: data.rows.map((r) => data.fresh.get(r.id) ?? (known.get(cacheKey(r))?.data as VerdictRunData)),
  };
}

/**
 * The same for any set of runs of this project (the compare view's selection, runs logged from outside):
 * runs of other projects and unknown ids are left out, never an error that would tell them apart.
 */
export async function readRunSetVerdictData(
  db: Db,
  runIds: readonly string[],
  projectId: string,
  metricKey: string = METRIC.valAcc,
): Promise<{ runs: VerdictRunData[] }> {
  const runs = await db[rawSql].transaction(async (tx) => {
    const rows = await tx.all<RunRow>(sql(tx.dialect).runSet, [
      tx.dialect.listParam([...new Set(runIds)]),
      projectId,
    ]);
    const data = await readRuns(tx, rows, metricKey);
    return rows.map((r) => data.get(r.id) as VerdictRunData);
  });
  return { runs };
}

/** Reads params, the three series and the last diagnostics of these runs, 500 runs per statement. */
async function readRuns(
  tx: RawSql,
  rows: readonly RunRow[],
  metricKey: string,
): Promise<Map<string, VerdictRunData>> {
  const runs = new Map<string, VerdictRunData>();
  const seriesKeys = [metricKey, ...VERDICT_SERIES_KEYS];
  for (const r of rows) {
    runs.set(r.id, {
      id: r.id,
      status: r.status as RunStatus,
      activation: r.activation,
      dataset: r.dataset,
      seed: r.seed,
      params: {},
      summary: parseSummary(r.summary),
      series: Object.fromEntries(seriesKeys.map((k) => [k, { steps: [], values: [] }])),
      deadFrac: Array.from({ length: r.hidden }, () => null),
      gradRatio: null,
    });
  }
  const maxHidden = rows.reduce((m, r) => Math.max(m, r.hidden), 0);
  const d = tx.dialect;
  const q = sql(d);
  const diagKeys = d.listParam([
    METRIC.gradRatio,
    ...Array.from({ length: maxHidden }, (_, i) => diagKey(`l${i + 1}`, DIAG_STAT.deadFrac)),
  ]);
  const seriesKeyList = d.listParam(seriesKeys);
  for (let i = 0; i < rows.length; i += 500) {
    const ids = d.listParam(rows.slice(i, i + 500).map((r) => r.id));
    for (const { runId, key, value } of await tx.all<{ runId: string; key: string; value: string }>(
      q.params,
      [ids],
    )) {
      const run = runs.get(runId);
      if (run) run.params[key] = value;
    }
    for (const { runId, key, step, value } of await tx.all<{
      runId: string;
      key: string;
      step: number;
      value: number | null;
    }>(q.series, [ids, seriesKeyList])) {
      const s = runs.get(runId)?.series[key];
      if (!s) continue;
      s.steps.push(step);
      s.values.push(value);
    }
    for (const { runId, key, value } of await tx.all<{ runId: string; key: string; value: number | null }>(
      q.last,
      [ids, diagKeys],
    )) {
      const run = runs.get(runId);
      if (!run) continue;
      if (key === METRIC.gradRatio) {
        run.gradRatio = value;
        continue;
      }
      const layer = parseDiagKey(key)?.hidden ?? 0;
      // Only this run's own hidden layers: a shallower run has no l3, whatever a deeper one has.
      if (layer >= 1 && layer <= run.deadFrac.length) run.deadFrac[layer - 1] = value;
    }
  }
  return runs;
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
