/**
 * A temporary database shaped like a busy project, for the ui bench: `runs` runs over a grid of configs,
 * every run with per-epoch metrics, and `denseRuns` of them with 3 keys × `denseSteps` steps each, on the
 * engine the test database uses. Params come from the real flattenParams; the dense runs' metrics and
 * summaries from the real appendMetrics, the per-epoch ones in bulk with summaries from the real foldPoint.
 */
import { datasetLabel, HIDDEN_ACTIVATIONS, METRIC, ZTrainConfig } from "@actlab/core";
import {
  appendMetrics,
  type Db,
  type Engine,
  ensureLocalWorkspace,
  flattenParams,
  foldPoint,
  type MetricPoint,
  openDb,
  runName,
  SUMMARY_COLUMNS,
  type SummaryDelta,
  summaryRow,
} from "@actlab/db";
import { rawSqlForTests } from "@actlab/db/testing";
import { createTempDb, type TempDb } from "@actlab/test-utils";
import { z } from "zod";

export const ZSeedOptions = z
  .object({
    runs: z.int("runs is a whole number").min(1, "runs is ≥ 1").max(200_000, "runs is at most 200,000"),
    denseRuns: z.int().min(0).max(1000, "denseRuns is at most 1,000"),
    denseSteps: z.int().min(1).max(100_000, "denseSteps is at most 100,000"),
    epochs: z.int().min(1).max(1000),
  })
  .refine((o) => o.denseRuns <= o.runs, "denseRuns must be ≤ runs");
export type SeedOptions = z.infer<typeof ZSeedOptions>;
/** The comparison the compare bench reads: 200 runs (the most runs.compare takes) × 3 keys × 10,000 steps. */
export const DEFAULT_SEED: SeedOptions = { runs: 10_000, denseRuns: 200, denseSteps: 10_000, epochs: 20 };
/** The keys the dense runs carry at every step. */
export const DENSE_KEYS = [METRIC.trainBatchLoss, METRIC.valLoss, METRIC.valAcc] as const;

export type SeededDb = {
  temp: TempDb;
  db: Db;
  projectId: string;
  userId: string;
  runIds: string[];
  /** The runs with DENSE_KEYS at every step (the first `denseRuns` of runIds). */
  denseRunIds: string[];
  /** Seconds spent inserting the runs with their params, and their metrics. */
  seedS: { runs: number; metrics: number };
  close(): Promise<void>;
};

// Prisma stores DateTime as ISO text with an explicit offset; match it so date filters behave alike.
const prismaDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A deterministic pseudo-random stream, so every bench run seeds the same table. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATASETS = ["spirals", "moons", "circles", "xor", "gaussians", "checkerboard"] as const;
const LRS = [0.3, 0.1, 0.03, 0.01, 0.003, 0.001];
const LAYERS = [[8], [16, 16], [32, 32], [64, 64, 64]];
const OPTIMIZERS = ["sgd", "adam", "adamw"] as const;

// Rows per multi-row INSERT: one round trip each on PostgreSQL, where a statement per row made seeding
// 10,000 runs take minutes; 1,000 Run rows bind 14,000 values, under SQLite's 32,766 and PostgreSQL's 65,535.
const ROWS_PER_INSERT = 1000;

// Runs whose metrics are written at once: PostgreSQL checks each point's foreign key in its server process,
// so more connections keep the second core busy while this one generates points; SQLite writes in this
// process on one connection, with nothing to overlap.
const METRIC_WRITERS: Record<Engine, number> = { sqlite: 1, postgresql: 4 };

/** Inserts `rows` into `table`'s `columns` in multi-row statements. */
async function insertRows(
  tx: ReturnType<typeof rawSqlForTests>,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
) {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await tx.run(head + chunk.map(() => tuple).join(", "), chunk.flat());
  }
}

const RUN_COLUMNS = [
  "id",
  "projectId",
  "name",
  "status",
  "config",
  "activation",
  "dataset",
  "seed",
  "epochsDone",
  "stepsDone",
  "createdAt",
  "updatedAt",
  "startedAt",
  "finishedAt",
] as const;

// Runs (with ~35 params each) per transaction: holding 100,000 runs' params at once took gigabytes.
const RUNS_PER_TX = 10_000;

/** Inserts the runs and their params in bulk (createRun's Prisma path costs ~5 ms a run). */
async function insertRuns(db: Db, projectId: string, n: number, rand: () => number): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < n; from += RUNS_PER_TX)
    ids.push(...(await insertRunChunk(db, projectId, from, Math.min(n, from + RUNS_PER_TX), rand)));
  return ids;
}

async function insertRunChunk(db: Db, projectId: string, from: number, to: number, rand: () => number) {
  const runs: unknown[][] = [];
  const params: unknown[][] = [];
  const t0 = Date.parse("2026-06-01T00:00:00Z");
  for (let i = from; i < to; i++) {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    const config = ZTrainConfig.parse({
      dataset: { kind: "generated", name: pick(DATASETS) },
      hiddenLayers: pick(LAYERS),
      activation: pick(HIDDEN_ACTIVATIONS),
      optimizer: pick(OPTIMIZERS),
      lr: pick(LRS),
      batchSize: pick([16, 32, 64, 128]),
      epochs: 20,
      seed: i % 5,
    });
    const id = `bench${String(i).padStart(6, "0")}`;
    const r = rand();
    const status =
      r < 0.95 ? "COMPLETED" : r < 0.97 ? "FAILED" : r < 0.98 ? "DIVERGED" : r < 0.99 ? "RUNNING" : "QUEUED";
    const created = t0 + i * 60_000;
    const started = status === "QUEUED" ? null : created + 1000;
    const finished = status === "QUEUED" || status === "RUNNING" ? null : created + 5000 + rand() * 60_000;
    runs.push([
      id,
      projectId,
      runName(config),
      status,
      JSON.stringify(config),
      config.activation,
      datasetLabel(config.dataset),
      config.seed,
      status === "QUEUED" ? 0 : 20,
      0,
      prismaDate(created),
      prismaDate(created),
      started === null ? null : prismaDate(started),
      finished === null ? null : prismaDate(finished),
    ]);
    for (const p of flattenParams(config)) params.push([id, p.key, p.value, p.valueNum]);
  }
  await rawSqlForTests(db).transaction(async (tx) => {
    await insertRows(tx, "Run", RUN_COLUMNS, runs);
    await insertRows(tx, "Param", ["runId", "key", "value", "valueNum"], params);
  });
  return runs.map((row) => row[0] as string);
}

/** A learning curve: accuracy rises towards a ceiling that depends on the run, loss falls. */
function curve(step: number, total: number, ceiling: number, noise: number) {
  const p = 1 - Math.exp((-5 * step) / total);
  return { acc: 0.5 + (ceiling - 0.5) * p + noise, loss: 1.2 * (1 - p) + (1 - ceiling) + Math.abs(noise) };
}

// Sparse runs per transaction: bounds the rows held in memory (~60 points a run) at 100,000 runs.
const SPARSE_RUNS_PER_TX = 5000;

/** The per-epoch runs' points and summaries in multi-row INSERTs: appendMetrics per run made 100,000 runs minutes. */
async function insertSparseMetrics(db: Db, runs: { id: string; points: MetricPoint[] }[]) {
  const metrics: unknown[][] = [];
  const summaries: unknown[][] = [];
  for (const { id, points } of runs) {
    const deltas = new Map<string, SummaryDelta>();
    for (const p of points) {
      metrics.push([id, p.key, p.step, p.value, p.wallMs]);
      foldPoint(deltas, p.key, p.step, p.value);
    }
    for (const d of deltas.values()) summaries.push(summaryRow(id, d));
  }
  await rawSqlForTests(db).transaction(async (tx) => {
    await insertRows(tx, "Metric", ["runId", "key", "step", "value", "wallMs"], metrics);
    await insertRows(tx, "MetricSummary", SUMMARY_COLUMNS, summaries);
  });
}

export async function seedRunsDb(options: Partial<SeedOptions> = {}): Promise<SeededDb> {
  const o = ZSeedOptions.parse({ ...DEFAULT_SEED, ...options });
  const t0 = performance.now();
  const temp = createTempDb();
  const db = openDb(temp.url);
  const { projectId, userId } = await ensureLocalWorkspace(db);
  const rand = mulberry32(42);
  const runIds = await insertRuns(db, projectId, o.runs, rand);
  const runsDone = performance.now();
  const denseRunIds = runIds.slice(0, o.denseRuns);
  const writing = new Set<Promise<void>>();
  let sparse: { id: string; points: MetricPoint[] }[] = [];
  for (const [i, id] of runIds.entries()) {
    const ceiling = 0.6 + rand() * 0.39;
    const dense = i < o.denseRuns;
    const steps = dense ? o.denseSteps : o.epochs;
    const points: MetricPoint[] = [];
    for (let s = 1; s <= steps; s++) {
      const c = curve(s, steps, ceiling, (rand() - 0.5) * 0.02);
      if (dense)
        points.push({
          key: METRIC.trainBatchLoss,
          step: s,
          value: c.loss * (1 + (rand() - 0.5) * 0.2),
          wallMs: s,
        });
      points.push(
        { key: METRIC.valLoss, step: s, value: c.loss, wallMs: s },
        { key: METRIC.valAcc, step: s, value: c.acc, wallMs: s },
      );
      if (!dense) points.push({ key: METRIC.trainLoss, step: s, value: c.loss * 0.9, wallMs: s });
    }
    if (!dense) {
      sparse.push({ id, points });
      if (sparse.length >= SPARSE_RUNS_PER_TX) {
        await insertSparseMetrics(db, sparse);
        sparse = [];
      }
      continue;
    }
    // A dense run's points in one call: the rows and summaries are the same as from the worker's
    // few-hundred-point flushes, and on PostgreSQL it is 5,000-row statements instead of a transaction per 500.
    const write: Promise<void> = appendMetrics(db, id, points).finally(() => writing.delete(write));
    writing.add(write);
    if (writing.size >= METRIC_WRITERS[db.engine]) await Promise.race(writing);
  }
  await Promise.all(writing);
  if (sparse.length > 0) await insertSparseMetrics(db, sparse);
  // What autovacuum does within a minute of this many inserts on a live server: without statistics the
  // planner guesses, and the first minute after a bulk load is not what a user sees.
  if (db.engine === "postgresql") await rawSqlForTests(db).run("ANALYZE", []);
  return {
    temp,
    db,
    projectId,
    userId,
    runIds,
    denseRunIds,
    seedS: { runs: (runsDone - t0) / 1000, metrics: (performance.now() - runsDone) / 1000 },
    async close() {
      await db.close();
      temp.remove();
    },
  };
}
