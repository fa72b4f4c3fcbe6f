/**
 * `pnpm bench runs`: the run pipeline on this machine, one JSON object per line, on the engine the test
 * database uses (SQLite, or PostgreSQL under `scripts/test-postgres.sh --run`); every line names it in "db"
 * and carries the machine's cores and load.
 *   runs.ingest          metric points/s through appendMetrics vs the same server's raw insert (same schema);
 *                        `runs.ts ingest` measures only this
 *   runs.first_point_ms  launch call → first metric point readable through the API (median of 5)
 *   runs.sweep_wall_s    the sweeps page's every-activation preset on spirals through the API, one fresh
 *                        worker with a slot per core, against the same trainings as PyTorch script
 *                        processes as many at a time (`runs.ts sweep` measures from here on only)
 *   runs.overhead_ms     that sweep's median per-run wall time beyond training, with where it went
 *   runs.sweep_workers_s the same sweep per worker count in SWEEP_WORKERS (one slot each), against 1
 */

import os from "node:os";
import { createCaller, createRunEventHub } from "@actlab/api";
import { ZTrainConfig } from "@actlab/core";
import {
  appendMetrics,
  createRun,
  type Db,
  type Engine,
  ensureLocalWorkspace,
  type MetricPoint,
  openDb,
} from "@actlab/db";
import { rawSqlForTests } from "@actlab/db/testing";
import { createRedis, createTrainQueue, type TrainQueue } from "@actlab/queue";
import {
  type AppProcess,
  createTempDb,
  startRedis,
  startWorkerApp,
  testEngine,
  waitFor,
} from "@actlab/test-utils";
import { z } from "zod";
import { PRESET_CONFIGS, PRESET_SPEC, runPresetSweep } from "./preset-sweep";
import { sweepOverhead } from "./sweep-overhead";
import { torchSweep } from "./torch-sweep";

const ZMode = z.enum(["all", "ingest", "sweep"]).default("all");
// Workers on more than one host need PostgreSQL (a SQLite file is for one host), so that is where the
// 4-worker sweep is measured; on SQLite it would cost another whole sweep for a figure nobody scales on.
const SWEEP_WORKERS: Record<Engine, readonly number[]> = { sqlite: [1, 2], postgresql: [1, 2, 4] };

const engine = testEngine();
/** One line; the engine, cores and 1-minute load when it was measured (other work skews a shared machine). */
const emit = (o: Record<string, unknown>) =>
  console.log(
    JSON.stringify({ ...o, db: engine, cores: os.cpus().length, load: Number(os.loadavg()[0]?.toFixed(2)) }),
  );
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function makePoints(n: number): MetricPoint[] {
  const keys = [
    "train/loss",
    "train/acc",
    "val/loss",
    "val/acc",
    "diag/l1/grad_norm",
    "diag/l2/grad_norm",
    "lr",
    "epoch",
  ];
  return Array.from({ length: n }, (_, i) => ({
    key: keys[i % keys.length] as string,
    step: Math.floor(i / keys.length),
    value: Math.sin(i) + 1,
    wallMs: 1_700_000_000_000 + i,
  }));
}

async function benchIngest(db: Db, projectId: string) {
  const points = makePoints(400_000);
  const config = ZTrainConfig.parse({
    dataset: { kind: "generated", name: "xor" },
    hiddenLayers: [4],
    activation: "relu",
  });
  const ours = (await createRun(db, { projectId, config })).id;
  const raw = (await createRun(db, { projectId, config })).id;
  // Baseline: the same server's fastest plain write into the same table, in one transaction: a prepared
  // INSERT per point on SQLite, 5000-row UNNEST INSERTs on PostgreSQL (no conflict check, no summaries).
  let t = performance.now();
  await rawSqlForTests(db).transaction(async (tx) => {
    if (db.engine === "sqlite") {
      for (const p of points)
        await tx.run(
          'INSERT INTO "Metric" ("runId", "key", "step", "value", "wallMs") VALUES (?, ?, ?, ?, ?)',
          [raw, p.key, p.step, p.value, p.wallMs],
        );
      return;
    }
    for (let i = 0; i < points.length; i += 5000) {
      const chunk = points.slice(i, i + 5000);
      await tx.run(
        `INSERT INTO "Metric" ("runId", "key", "step", "value", "wallMs")
         SELECT ?, * FROM unnest(CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS double precision[]), CAST(? AS double precision[]))`,
        [
          raw,
          chunk.map((p) => p.key),
          chunk.map((p) => p.step),
          chunk.map((p) => p.value),
          chunk.map((p) => p.wallMs),
        ],
      );
    }
  });
  const baseline = points.length / ((performance.now() - t) / 1000);
  // Ours: batches as the worker flushes them (a few hundred points), idempotent on (run, key, step).
  t = performance.now();
  for (let i = 0; i < points.length; i += 500) await appendMetrics(db, ours, points.slice(i, i + 500));
  const value = points.length / ((performance.now() - t) / 1000);
  emit({
    name: "runs.ingest",
    value: Math.round(value),
    unit: "points/s",
    baseline: Math.round(baseline),
    baseline_what: `raw INSERT of the same points into the same ${db.engine} table, one transaction`,
    ratio: Number((value / baseline).toFixed(3)),
    points: points.length,
    batch: 500,
  });
}

function startWorkers(n: number, env: Record<string, string>, slots = 1): Promise<AppProcess[]> {
  return Promise.all(
    Array.from({ length: n }, () => startWorkerApp({ ...env, ACTLAB_WORKER_SLOTS: String(slots) })),
  );
}

type Api = ReturnType<typeof createCaller>;

/** Launch call → first metric point readable through the API, on a worker that has trained before. */
async function benchFirstPoint(api: Api, env: Record<string, string>) {
  const [worker] = await startWorkers(1, env);
  const latencies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const { id } = await api.runs.create({
      config: {
        dataset: { kind: "generated", name: "moons" },
        hiddenLayers: [16],
        activation: "relu",
        epochs: 3,
        seed: i,
      },
    });
    await waitFor(
      "first point",
      async () => (await api.runs.get({ runId: id })).series.length > 0,
      30_000,
      2,
    );
    latencies.push(performance.now() - t0);
    await waitFor(
      "run done",
      async () => (await api.runs.get({ runId: id })).run.status === "COMPLETED",
      30_000,
      20,
    );
  }
  emit({
    name: "runs.first_point_ms",
    value: Math.round(median(latencies)),
    unit: "ms",
    samples: latencies.map(Math.round),
  });

  await worker?.stop();
}

/**
 * The preset sweep on one freshly started worker with a training slot per core (its default), and its
 * per-run overhead; then the same sweep per worker count in SWEEP_WORKERS (one slot each).
 */
async function benchSweep(api: Api, db: Db, queue: TrainQueue, env: Record<string, string>) {
  const slots = os.availableParallelism();
  const [worker] = await startWorkers(1, env, slots);
  const ours = await runPresetSweep(api, db);
  const overhead = await sweepOverhead(queue, ours.runIds);
  await worker?.stop();
  const torch = await torchSweep(PRESET_CONFIGS, slots);
  const ratio = ours.seconds / torch.seconds;
  emit({
    name: "runs.sweep_wall_s",
    value: Number(ours.seconds.toFixed(2)),
    unit: "s",
    what: `${PRESET_SPEC.name} (${ours.runIds.length} runs, ${PRESET_SPEC.base.epochs} epochs, diagnostics and a checkpoint with weights each epoch), API launch → last run stored, 1 worker, ${slots} slots`,
    statuses: ours.statuses,
    goal: 3,
    baseline: Number(torch.seconds.toFixed(2)),
    baseline_what: `the same ${PRESET_CONFIGS.length} trainings as PyTorch script processes (torch_sweep_run.py: per-epoch evaluation, diagnostics, metrics file and checkpoint), ${slots} at a time, after ours in this run; ${torch.blas}`,
    baseline_script_s: {
      process: Number(torch.processS.toFixed(2)),
      import_torch: Number(torch.importS.toFixed(2)),
      epochs: Number(torch.trainS.toFixed(2)),
    },
    ratio: Number(ratio.toFixed(3)),
    ratio_what: "ours / baseline (lower is faster)",
    ratio_goal: 0.25,
  });
  emit({
    name: "runs.overhead_ms",
    value: overhead.overheadMs,
    unit: "ms",
    statistic: `median over the sweep's ${overhead.runs} runs of (job pickup → outcome stored) − training`,
    goal: 50,
    train_ms: overhead.trainMs,
    wall_ms: overhead.wallMs,
    cpu_ms: overhead.cpuMs,
    breakdown_ms: overhead.breakdown,
  });

  let oneWorkerS = 0;
  for (const n of SWEEP_WORKERS[engine]) {
    const workers = await startWorkers(n, env);
    const { seconds, runIds } = await runPresetSweep(api, db);
    await Promise.all(workers.map((w) => w.stop()));
    if (n === 1) oneWorkerS = seconds;
    emit({
      name: "runs.sweep_workers_s",
      value: Number(seconds.toFixed(2)),
      unit: "s",
      workers: n,
      slots_each: 1,
      runs: runIds.length,
      baseline: Number(oneWorkerS.toFixed(2)),
      baseline_what: "the same sweep with 1 worker process of 1 slot, same database, earlier in this run",
      ratio: Number((oneWorkerS / seconds).toFixed(2)),
      ratio_what: "speed-up: baseline / value",
    });
  }
}

async function main() {
  const mode = ZMode.parse(process.argv[2]);
  const redis = await startRedis();
  const temp = createTempDb();
  const db = openDb(temp.url);
  const { projectId, userId } = await ensureLocalWorkspace(db);
  const conn = createRedis(redis.url, { forBullmq: true });
  const queue = createTrainQueue(conn);
  const cmd = createRedis(redis.url);
  const events = createRunEventHub(createRedis(redis.url));
  const api = createCaller({ db, queue, events, redis: cmd, userId });
  const env = { REDIS_URL: redis.url, DATABASE_URL: temp.url };
  try {
    if (mode !== "sweep") await benchIngest(db, projectId);
    if (mode === "ingest") return;
    if (mode === "all") await benchFirstPoint(api, env);
    await benchSweep(api, db, queue, env);
  } finally {
    await events.close();
    await queue.close();
    await conn.quit();
    await cmd.quit();
    await db.close();
    await redis.stop();
    temp.remove();
  }
}

await main();
