/** Worker entry point: checks Redis and the database, then runs training jobs in sandboxed processes. */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { assertDbWritable, openDb } from "@actlab/db";
import { loadEnvOrExit } from "@actlab/env";
import {
  announceWorker,
  assertRedisReachable,
  CODE_VERSION,
  createRedis,
  createTrainQueue,
  handbackKey,
  TRAIN_RUN_JOB,
  withdrawWorker,
} from "@actlab/queue";
import { Worker } from "bullmq";
import { publishActiveRuns, WORKER_ID_VARIABLE } from "./core-share";
import { failRunOfFailedJob } from "./job-failure";
import { reconcileRuns } from "./reconcile";
import { warmTrainingProcesses } from "./warm-processes";

const env = loadEnvOrExit("worker");
const ANNOUNCE_EVERY_MS = 5_000;

try {
  await assertRedisReachable(env.redisUrl);
  assertDbWritable(env.databaseUrl);
} catch (err) {
  console.error(`worker: ${(err as Error).message}`);
  process.exit(1);
}

const concurrency = env.workerSlots ?? os.availableParallelism();
const db = openDb(env.databaseUrl);
const connection = createRedis(env.redisUrl, { forBullmq: true });
const processorFile = fileURLToPath(new URL("./processor.ts", import.meta.url));
const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const worker = new Worker(TRAIN_RUN_JOB.queue, processorFile, {
  connection,
  concurrency,
  // Run once its training processes are up (below), so no job waits for one to start.
  autorun: false,
  // A killed worker's job is picked up again once its lock lapses (stalled-job recovery).
  lockDuration: env.workerLockMs,
  stalledInterval: Math.max(1000, Math.floor(env.workerLockMs / 2)),
  maxStalledCount: 5,
  // A training process that outgrows its heap dies alone (V8 aborts it); the worker and its other
  // training processes go on. The parent's own flags (tsx) are kept. The worker's id tells each
  // training process whose count of active trainings sizes its thread pool.
  workerForkOptions: {
    execArgv: [...process.execArgv, `--max-old-space-size=${env.trainingMemoryMb}`],
    env: { ...process.env, [WORKER_ID_VARIABLE]: workerId },
  },
});

const active = new Set<string>();
// Read by the training processes within a second, so a run that starts or ends resizes the others' pools.
const publishActive = () =>
  publishActiveRuns(connection, workerId, active.size, 3 * ANNOUNCE_EVERY_MS).catch((err: Error) =>
    console.error(`worker: could not publish its active trainings: ${err.message}`),
  );
worker.on("active", (job) => {
  active.add(job.id as string);
  void publishActive();
});
worker.on("completed", (job) => {
  active.delete(job.id as string);
  void publishActive();
});
worker.on("failed", (job) => {
  if (job) active.delete(job.id as string);
  void publishActive();
});
worker.on("failed", (job, err) => {
  if (err.name === "WaitingError" || err.name === "DelayedError") return; // handed back or refused, not failed
  console.error(`worker: job ${job?.id ?? "?"} failed: ${err.message}`);
  failRunOfFailedJob({ db, redis: connection }, job, err).catch((e: Error) =>
    console.error(`worker: could not record that job ${job?.id ?? "?"} failed: ${e.message}`),
  );
});
worker.on("error", (err) => console.error(`worker: ${err.message}`));
const [warm] = await Promise.all([
  warmTrainingProcesses(worker, processorFile, concurrency),
  worker.waitUntilReady(),
]);
worker.run().catch((err: Error) => console.error(`worker: ${err.message}`));
console.log(
  `worker: ready, Actlab ${CODE_VERSION}, ${concurrency} parallel training slot(s) (${warm} started), pid ${process.pid}`,
);

// Announced in Redis for the queue page; renewed well within its lifetime, gone soon after a kill -9.
const self = {
  id: workerId,
  host: os.hostname(),
  pid: process.pid,
  version: CODE_VERSION,
  cores: os.availableParallelism(),
  slots: concurrency,
  startedAt: Date.now(),
};
const announce = () => {
  void publishActive();
  return announceWorker(
    connection,
    { ...self, busy: active.size, seenAt: Date.now() },
    3 * ANNOUNCE_EVERY_MS,
  ).catch((err: Error) => console.error(`worker: could not announce itself: ${err.message}`));
};
void announce();
const announceTimer = setInterval(announce, ANNOUNCE_EVERY_MS);

const queue = createTrainQueue(createRedis(env.redisUrl, { forBullmq: true }));
const reconcile = async () => {
  try {
    const { requeued, failed } = await reconcileRuns(db, queue, 3 * env.workerLockMs);
    if (requeued.length) console.log(`worker: re-enqueued ${requeued.length} run(s) whose job was lost`);
    if (failed.length) console.log(`worker: failed ${failed.length} run(s) whose job had failed for good`);
  } catch (err) {
    console.error(`worker: could not check for lost runs: ${(err as Error).message}`);
  }
};
void reconcile();
const reconcileTimer = setInterval(reconcile, Math.max(5_000, env.workerLockMs));

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  clearInterval(reconcileTimer);
  clearInterval(announceTimer);
  await withdrawWorker(connection, self.id).catch(() => {});
  console.log(`worker: ${signal}: checkpointing ${active.size} running job(s) and handing them back`);
  // The processors see this key within a step or two, checkpoint, and move their job back to the queue.
  await Promise.all([...active].map((id) => connection.set(handbackKey(id), "1", "EX", 120).catch(() => {})));
  await worker.close();
  await queue.close();
  await connection.quit();
  await db.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
