/**
 * Runs logged from outside (MLflow clients): created as `source = external`, with params, key/value
 * tags, declared dataset inputs and metric history. Metric points go through appendMetrics, the
 * trainer's own write path.
 */
import type { RunStatus } from "@actlab/core";
import { type Db, prisma, rawSql } from "./client";
import { inIdOrder } from "./in-id-order";
import { dedupeByKey } from "./tracking-experiments";

export type KeyValue = { key: string; value: string };
export type LatestMetric = { key: string; value: number | null; step: number; wallMs: number };
export type RunInputRecord = {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
  tags: KeyValue[];
};

export type TrackedRun = {
  id: string;
  projectId: string;
  name: string;
  status: RunStatus;
  source: string;
  sourceUser: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  deletedAt: Date | null;
  params: KeyValue[];
  tags: KeyValue[];
  metrics: LatestMetric[];
  inputs: RunInputRecord[];
};

export async function createExternalRun(
  db: Db,
  input: { projectId: string; name: string; startedAt: Date; sourceUser: string | null; tags: KeyValue[] },
): Promise<string> {
  const run = await db[prisma].run.create({
    data: {
      projectId: input.projectId,
      name: input.name,
      status: "RUNNING",
      source: "external",
      sourceUser: input.sourceUser,
      // No TrainConfig: the model was built by the client's own code, not by Actlab's trainer.
      config: "{}",
      activation: "",
      dataset: "",
      seed: 0,
      startedAt: input.startedAt,
      keyTags: { create: dedupeByKey(input.tags) },
    },
    select: { id: true },
  });
  return run.id;
}

/** The latest point of every series: the summary's last step, with that point's wall time. */
async function latestMetrics(db: Db, runIds: readonly string[]): Promise<Map<string, LatestMetric[]>> {
  const out = new Map<string, LatestMetric[]>();
  if (runIds.length === 0) return out;
  const rows = await db[rawSql].all<LatestMetric & { runId: string }>(
    `SELECT s."runId", s."key", s."lastStep" AS "step", s."lastValue" AS "value", m."wallMs"
     FROM "MetricSummary" s JOIN "Metric" m ON m."runId" = s."runId" AND m."key" = s."key" AND m."step" = s."lastStep"
     WHERE s."runId" IN (${runIds.map(() => "?").join(",")}) ORDER BY s."key"`,
    runIds,
  );
  for (const r of rows) {
    const list = out.get(r.runId) ?? [];
    list.push({ key: r.key, value: r.value, step: r.step, wallMs: r.wallMs });
    out.set(r.runId, list);
  }
  return out;
}

/** Runs with everything MLflow's Run message carries, in the order of `runIds`; unknown ids are skipped. */
export async function getTrackedRuns(db: Db, runIds: readonly string[]): Promise<TrackedRun[]> {
  const rows = await db[prisma].run.findMany({
    where: { id: { in: [...runIds] } },
    include: {
      params: { select: { key: true, value: true }, orderBy: { key: "asc" } },
      keyTags: { select: { key: true, value: true }, orderBy: { key: "asc" } },
      inputs: { orderBy: { createdAt: "asc" } },
    },
  });
  const metrics = await latestMetrics(db, runIds);
  return inIdOrder(runIds, rows, (r) => ({
    id: r.id,
    projectId: r.projectId,
    name: r.name,
    status: r.status as RunStatus,
    source: r.source,
    sourceUser: r.sourceUser,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    deletedAt: r.deletedAt,
    params: r.params,
    tags: r.keyTags,
    metrics: metrics.get(r.id) ?? [],
    inputs: r.inputs.map((i) => ({
      name: i.name,
      digest: i.digest,
      sourceType: i.sourceType,
      source: i.source,
      schema: i.schema,
      profile: i.profile,
      tags: JSON.parse(i.tags) as KeyValue[],
    })),
  }));
}

export async function getTrackedRun(db: Db, runId: string): Promise<TrackedRun | null> {
  return (await getTrackedRuns(db, [runId]))[0] ?? null;
}

export async function updateTrackedRun(
  db: Db,
  runId: string,
  change: { status?: RunStatus; finishedAt?: Date | null; name?: string },
): Promise<void> {
  await db[prisma].run.update({ where: { id: runId }, data: change });
}

export async function setRunDeleted(db: Db, runId: string, deleted: boolean): Promise<void> {
  await db[prisma].run.update({ where: { id: runId }, data: { deletedAt: deleted ? new Date() : null } });
}

/**
 * Columns the dashboard groups and filters trainer runs by, kept in step with an external run's params
 * of the same name: `params.activation = relu` groups beside the trainer's relu runs.
 */
function promotedColumns(params: readonly KeyValue[]): {
  activation?: string;
  dataset?: string;
  seed?: number;
} {
  const out: { activation?: string; dataset?: string; seed?: number } = {};
  for (const p of params) {
    if (p.key === "activation") out.activation = p.value;
    if (p.key === "dataset") out.dataset = p.value;
    if (p.key === "seed" && /^-?\d{1,9}$/.test(p.value)) out.seed = Number(p.value);
  }
  return out;
}

/**
 * Params are write-once (MLflow's rule): logging the same value again is fine, a different value is
 * refused. Returns the first conflicting param, or null when all were stored.
 */
export async function logRunParams(
  db: Db,
  runId: string,
  params: readonly KeyValue[],
): Promise<{ key: string; old: string; new: string } | null> {
  if (params.length === 0) return null;
  return db[prisma].$transaction(async (tx) => {
    const existing = await tx.param.findMany({ where: { runId, key: { in: params.map((p) => p.key) } } });
    const stored = new Map(existing.map((p) => [p.key, p.value]));
    const fresh: KeyValue[] = [];
    for (const p of params) {
      const old = stored.get(p.key);
      if (old !== undefined && old !== p.value) return { key: p.key, old, new: p.value };
      if (old === undefined) {
        stored.set(p.key, p.value);
        fresh.push(p);
      }
    }
    const numeric = (v: string) => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null);
    await tx.param.createMany({
      data: fresh.map((p) => ({ runId, key: p.key, value: p.value, valueNum: numeric(p.value) })),
    });
    const columns = promotedColumns(fresh);
    if (Object.keys(columns).length > 0) await tx.run.update({ where: { id: runId }, data: columns });
    return null;
  });
}

export async function setRunKeyTags(db: Db, runId: string, tags: readonly KeyValue[]): Promise<void> {
  if (tags.length === 0) return;
  await db[prisma].$transaction(
    dedupeByKey(tags).map((t) =>
      db[prisma].runKeyTag.upsert({
        where: { runId_key: { runId, key: t.key } },
        update: { value: t.value },
        create: { runId, key: t.key, value: t.value },
      }),
    ),
  );
}

/** false when the run had no such tag. */
export async function deleteRunKeyTag(db: Db, runId: string, key: string): Promise<boolean> {
  const { count } = await db[prisma].runKeyTag.deleteMany({ where: { runId, key } });
  return count > 0;
}

/** Declared inputs are keyed by (name, digest): declaring the same dataset again changes nothing. */
export async function logRunInputs(db: Db, runId: string, inputs: readonly RunInputRecord[]): Promise<void> {
  for (const i of inputs) {
    const data = { ...i, tags: JSON.stringify(i.tags) };
    await db[prisma].runInput.upsert({
      where: { runId_name_digest: { runId, name: i.name, digest: i.digest } },
      update: {},
      create: { runId, ...data },
    });
  }
}

export type HistoryPoint = { step: number; value: number | null; wallMs: number };

/** One page of a series in step order. */
export async function metricHistoryPage(
  db: Db,
  runId: string,
  key: string,
  page: { offset: number; limit: number },
): Promise<HistoryPoint[]> {
  return db[rawSql].all<HistoryPoint>(
    'SELECT "step", "value", "wallMs" FROM "Metric" WHERE "runId" = ? AND "key" = ? ORDER BY "step" LIMIT ? OFFSET ?',
    [runId, key, page.limit, page.offset],
  );
}

/** Steps are 32-bit integers on both engines: an open end of a range is the type's end. */
const clampStep = (step: number) => Math.min(Math.max(step, -(2 ** 31)), 2 ** 31 - 1);

/**
 * Up to `maxPoints` points per run between two steps, evenly spaced over the stored points, the first
 * and the last always kept (what a chart of many runs needs, never a random sample).
 */
export async function metricHistoryInterval(
  db: Db,
  runIds: readonly string[],
  key: string,
  range: { startStep?: number; endStep?: number; maxPoints: number },
): Promise<Array<HistoryPoint & { runId: string }>> {
  const out: Array<HistoryPoint & { runId: string }> = [];
  for (const runId of runIds) {
    const all = await db[rawSql].all<HistoryPoint>(
      'SELECT "step", "value", "wallMs" FROM "Metric" WHERE "runId" = ? AND "key" = ? AND "step" >= ? AND "step" <= ? ORDER BY "step"',
      [
        runId,
        key,
        clampStep(range.startStep ?? Number.MIN_SAFE_INTEGER),
        clampStep(range.endStep ?? Number.MAX_SAFE_INTEGER),
      ],
    );
    const n = range.maxPoints;
    const picked =
      all.length <= n
        ? all
        : n < 2
          ? all.slice(-n)
          : Array.from(
              { length: n },
              (_, i) => all[Math.round((i * (all.length - 1)) / (n - 1))] as HistoryPoint,
            );
    for (const p of picked) out.push({ ...p, runId });
  }
  return out;
}
