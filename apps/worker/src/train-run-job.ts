/**
 * The train job's handler: trains one attempt of a run inside the sandboxed processor, watching for a
 * cancel, a retry and the worker's shutdown, and hands the job back to the queue when asked to.
 */
import os from "node:os";
import path from "node:path";
import { openDb, readRunAttempt } from "@actlab/db";
import { loadEnvOrExit } from "@actlab/env";
import { createRedis, handbackKey, type JobPayload, type TRAIN_RUN_JOB } from "@actlab/queue";
import { type SandboxedJob, UnrecoverableError, WaitingError } from "bullmq";
import { readActiveRuns, WORKER_ID_VARIABLE, watchCoreShare, ZWorkerProcessId } from "./core-share";
import { RunNotFoundError, runTraining } from "./run-training";
import { selectFastestGemm } from "./select-fastest-gemm";
import { type StopRequest, watchForStop } from "./stop-watch";
import { refuseOtherVersion } from "./version-gate";

const env = loadEnvOrExit("worker processor");
const db = openDb(env.databaseUrl);
const redis = createRedis(env.redisUrl);
const native = selectFastestGemm();
// Absent when this processor runs outside a worker (tests): each training then keeps one thread.
const workerId = ZWorkerProcessId.safeParse(process.env[WORKER_ID_VARIABLE]).data;

// A signal to the whole process group (Ctrl-C, docker stop) reaches this child too: finish the
// current step and hand the job back rather than die mid-write. Idle, just exit.
let busy = false;
let signalled = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    signalled = true;
    if (!busy) process.exit(0);
  });
}
// The parent was killed (kill -9): stop too, its job will be resumed elsewhere from the checkpoint.
process.on("disconnect", () => process.exit(1));

/**
 * The run's row says whether this attempt goes on: canceled, retried or finished elsewhere means stop.
 * Asked in the background with the handback key (a database may be a network round trip away).
 */
async function readRunStop(runId: string, attempt: number): Promise<StopRequest> {
  try {
    const run = await readRunAttempt(db, runId);
    if (!run || run.attempt !== attempt) return "superseded";
    if (run.status === "CANCELED") return "cancel";
    return run.status === "QUEUED" || run.status === "RUNNING" ? null : "superseded";
  } catch {
    return null; // the database busy for a moment: keep training, read again shortly
  }
}

/** A worker shutting down asks its processes to hand their jobs back. */
async function askHandback(runId: string): Promise<StopRequest> {
  try {
    return (await redis.exists(handbackKey(runId))) ? "handback" : null;
  } catch {
    return null; // Redis unreachable for a moment: ask again shortly
  }
}

export async function trainRunJob(
  payload: JobPayload<typeof TRAIN_RUN_JOB>,
  job: SandboxedJob,
  token?: string,
) {
  const { runId, attempt } = payload;
  await refuseOtherVersion({ db, redis }, payload, job, token);
  busy = true;
  const cores = os.availableParallelism();
  const coreShare =
    native &&
    (await watchCoreShare({
      cores,
      maxThreads: env.trainingThreads ?? cores,
      readActiveRuns: async () => (workerId ? readActiveRuns(redis, workerId) : null),
      apply: (threads) => native.setThreads(threads),
    }));
  const stop = watchForStop({
    read: () => (signalled ? "handback" : null),
    ask: async () => (await readRunStop(runId, attempt)) ?? (await askHandback(runId)),
  });
  try {
    const outcome = await runTraining(
      {
        db,
        redis,
        checkpointEveryEpochs: env.checkpointEveryEpochs,
        datasetCacheDir: path.join(env.dataDir, "dataset-cache"),
        stop,
        threads: () => native?.threads() ?? 1,
      },
      runId,
      attempt,
    );
    if (outcome.status === "HANDED_BACK") {
      await redis.del(handbackKey(runId));
      await job.moveToWait(token);
      // Tells BullMQ the job was moved, not failed: no attempt is spent.
      throw new WaitingError();
    }
    return outcome;
  } catch (err) {
    if (err instanceof RunNotFoundError) throw new UnrecoverableError(err.message);
    throw err;
  } finally {
    coreShare?.close();
    stop.close();
    busy = false;
  }
}
