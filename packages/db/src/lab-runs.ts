/**
 * What the lab page reads: the latest sweep of each claim in a project, and a sweep's runs with the
 * per-epoch series of the keys a claim needs. Raw SQL on the index-backed (runId, key, step) metric rows,
 * so only the wanted keys are read.
 */
import { METRIC, type RunStatus, type TrainConfig, ZTrainConfig } from "@actlab/core";
import { type Db, rawSql } from "./client";
import type { Dialect } from "./raw-sql";

export type LabSweep = { id: string; labClaim: string; name: string; createdAt: Date; dataset: string };

export type LabRunData = {
  id: string;
  status: RunStatus;
  config: TrainConfig;
  /** Per key, [epoch, value] pairs in step order; non-finite values (stored as null) are left out. */
  series: Record<string, [number, number][]>;
};

const sql = (d: Dialect) => ({
  latest: `SELECT s."id", s."labClaim", s."name", s."createdAt",
             (SELECT r."dataset" FROM "Run" r WHERE r."sweepId" = s."id" ORDER BY r."createdAt", r."id" LIMIT 1) AS "dataset"
           FROM "Sweep" s
           WHERE s."projectId" = ? AND s."labClaim" IS NOT NULL
             AND s."createdAt" = (SELECT MAX(t."createdAt") FROM "Sweep" t
                                  WHERE t."projectId" = s."projectId" AND t."labClaim" = s."labClaim")`,
  sweep: 'SELECT "id" FROM "Sweep" WHERE "id" = ? AND "projectId" = ?',
  runs: `SELECT "id", "status", "config" FROM "Run" WHERE "sweepId" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
  series: `SELECT m."runId", m."key", m."step", m."value"
           FROM ${d.listRows("r")} CROSS JOIN ${d.listRows("k")} JOIN "Metric" m ON m."runId" = r."value" AND m."key" = k."value"
           ORDER BY m."runId", m."key", m."step"`,
});

/** The newest sweep of every lab claim in the project (one per claim). */
export async function latestLabSweeps(db: Db, projectId: string): Promise<LabSweep[]> {
  const raw = db[rawSql];
  const rows = await raw.all<{
    id: string;
    labClaim: string;
    name: string;
    createdAt: string | number | Date;
    dataset: string | null;
  }>(sql(raw.dialect).latest, [projectId]);
  const newest = new Map<string, LabSweep>();
  for (const row of rows) {
    // Prisma stores DateTime as ISO text on SQLite (a Date comes back from PostgreSQL); two sweeps created
    // in the same millisecond keep the first.
    const createdAt = new Date(row.createdAt);
    if (newest.has(row.labClaim)) continue;
    newest.set(row.labClaim, {
      id: row.id,
      labClaim: row.labClaim,
      name: row.name,
      createdAt,
      dataset: row.dataset ?? "",
    });
  }
  return [...newest.values()];
}

/** The runs of a sweep of this project with the series of these keys (and val/acc); null for another project's. */
export async function readLabRuns(
  db: Db,
  sweepId: string,
  projectId: string,
  keys: readonly string[],
): Promise<LabRunData[] | null> {
  const data = await db[rawSql].transaction(async (tx) => {
    const q = sql(tx.dialect);
    if (!(await tx.get(q.sweep, [sweepId, projectId]))) return null;
    const rows = await tx.all<{ id: string; status: string; config: string }>(q.runs, [sweepId]);
    const wanted = [...new Set([METRIC.epoch, METRIC.valAcc, ...keys])];
    const points = await tx.all<{ runId: string; key: string; step: number; value: number | null }>(
      q.series,
      [tx.dialect.listParam(rows.map((r) => r.id)), tx.dialect.listParam(wanted)],
    );
    return { rows, points };
  });
  if (!data) return null;
  const bySteps = new Map<string, Map<string, [number, number | null][]>>();
  for (const { runId, key, step, value } of data.points) {
    const run = bySteps.get(runId) ?? new Map<string, [number, number | null][]>();
    bySteps.set(runId, run);
    const series = run.get(key) ?? [];
    run.set(key, series);
    series.push([step, value]);
  }
  const runs: LabRunData[] = [];
  for (const row of data.rows) {
    const config = parseConfig(row.config);
    if (!config) continue;
    const recorded = bySteps.get(row.id) ?? new Map<string, [number, number | null][]>();
    // Epoch metrics are written at the epoch's last step, beside the `epoch` key that names it.
    const epochAt = new Map((recorded.get(METRIC.epoch) ?? []).map(([step, epoch]) => [step, epoch ?? 0]));
    const series: Record<string, [number, number][]> = {};
    for (const [key, steps] of recorded) {
      if (key === METRIC.epoch) continue;
      series[key] = steps.flatMap(([step, value]) => {
        const epoch = epochAt.get(step);
        return epoch === undefined || value === null ? [] : [[epoch, value] as [number, number]];
      });
    }
    runs.push({ id: row.id, status: row.status as RunStatus, config, series });
  }
  return runs;
}

/** A stored config that no longer parses (an older schema) is left out rather than failing the page. */
function parseConfig(text: string): TrainConfig | null {
  try {
    const parsed = ZTrainConfig.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
