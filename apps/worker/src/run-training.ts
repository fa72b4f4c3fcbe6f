/**
 * Trains one run: loads it, resumes from its last checkpoint, drives the core's training generator,
 * and records metrics, progress, checkpoints and the outcome. Runs inside the sandboxed processor.
 */
import {
  createTraining,
  datasetLabel,
  type EndEvent,
  FINISHED_STATUSES,
  imageShape,
  METRIC,
  type RunStatus,
  type TrainConfig,
  ZTrainConfig,
} from "@actlab/core";
import { createDatasetCache, loadDataset } from "@actlab/datasets";
import {
  appendMetrics,
  appendRunLog,
  type Db,
  finishRun,
  getRun,
  latestCheckpoint,
  markRunRequeued,
  markRunStarted,
  readProjectDatasetBlob,
  readRunAttempt,
  saveCheckpoint,
  updateRunProgress,
} from "@actlab/db";
import { type MetricPoint, publishRunEvent, type RunEvent, type RunProgress } from "@actlab/queue";
import type { Redis } from "ioredis";
import { createEtaEstimator } from "./eta";
import { liveWeightsEvent } from "./live-weights";
import { createMetricBuffer } from "./metric-buffer";
import type { StopRequest, StopWatch } from "./stop-watch";
import { createSystemSampler } from "./system-figures";

/** Misclassified validation images kept with each checkpoint of an image dataset. */
const MISTAKES_KEPT = 24;
/** How often a long epoch flushes its points and publishes them. */
const FLUSH_INTERVAL_MS = 200;
/** How often the loop lets the event loop run (the stop watch's polls, signals) between steps. */
const YIELD_INTERVAL_MS = 20;

export type TrainingDeps = {
  db: Db;
  redis: Redis;
  checkpointEveryEpochs: number;
  /** Where uploaded datasets fetched from the database are kept, by hash, for the next run. */
  datasetCacheDir: string;
  /** "cancel" once a user canceled the run; "handback" when this worker is shutting down. */
  stop: StopWatch;
  /** How many threads the matrix products may use now (for the log; the bits do not depend on it). */
  threads: () => number;
};

/**
 * HANDED_BACK: checkpointed mid-run; the job goes back to the queue for any worker to resume.
 * SUPERSEDED: the run was retried, or finished elsewhere, since this attempt was queued: nothing written.
 */
export type TrainingOutcome = { status: RunStatus | "HANDED_BACK" | "SUPERSEDED"; message?: string };

/** Live events are best effort: a Redis hiccup must not fail a training whose data is safe in the database. */
async function publishRunEventSafely(redis: Redis, event: RunEvent, sweepId: string | null): Promise<void> {
  try {
    await publishRunEvent(redis, event, sweepId);
  } catch {
    // the page catches up from the database on its next snapshot
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runTraining(
  deps: TrainingDeps,
  runId: string,
  attempt: number,
): Promise<TrainingOutcome> {
  const { db, redis } = deps;
  const run = await getRun(db, runId);
  if (!run) throw new RunNotFoundError(runId);
  if (FINISHED_STATUSES.includes(run.status as RunStatus)) return { status: run.status as RunStatus };

  const parsedConfig = ZTrainConfig.safeParse(safeJson(run.config));
  if (!parsedConfig.success) {
    return fail(
      deps,
      { runId, attempt, sweepId: run.sweepId },
      `stored config is invalid: ${parsedConfig.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  const config: TrainConfig = parsedConfig.data;

  if (!(await markRunStarted(db, runId, attempt))) return { status: "SUPERSEDED" };
  await publishRunEventSafely(redis, { type: "status", runId, status: "RUNNING" }, run.sweepId);

  let phase = "loading the dataset";
  try {
    // Only the run's own project's uploads: a hash copied from another workspace finds nothing.
    const uploads = createDatasetCache({
      dir: deps.datasetCacheDir,
      fetchCompressed: (hash) => readProjectDatasetBlob(db, run.projectId, hash),
    });
    const dataset = await loadDataset(config.dataset, {
      loadUploaded: (spec) => uploads.load(spec.hash, datasetLabel(spec)),
    });
    phase = "restoring the checkpoint";
    const checkpoint = await latestCheckpoint(db, runId);
    const threads = `up to ${deps.threads()} thread${deps.threads() === 1 ? "" : "s"}`;
    await appendRunLog(
      db,
      runId,
      "info",
      checkpoint
        ? `resumed from the checkpoint at step ${checkpoint.step} (epoch ${checkpoint.epoch}, ${threads}, pid ${process.pid})`
        : `started on ${dataset.name}: ${dataset.rows} rows × ${dataset.numFeatures} features, ${dataset.numClasses} classes (${threads}, pid ${process.pid})`,
    );
    phase = "building the network";
    const training = createTraining(config, dataset, checkpoint ? { resumeFrom: checkpoint.bytes } : {});
    // Pictures get a panel of the network's mistakes (a decision boundary needs two features).
    const image = imageShape(dataset.featureNames);
    const mistakes = () =>
      image
        ? {
            misclassified: {
              image,
              classNames: dataset.classNames,
              samples: training.misclassified(MISTAKES_KEPT),
            },
          }
        : {};
    const buffer = createMetricBuffer();
    const sampleSystem = createSystemSampler();
    const startedAt = Date.now();
    const startStep = training.position().step;
    const eta = createEtaEstimator({ step: startStep, t: startedAt }, training.totalSteps);
    let lastFlush = Date.now();
    let lastYield = Date.now();
    let end: EndEvent | null = null;

    /** Stores the buffered points; `announce` then tells the pages (split so an epoch's weights go between). */
    const store = async () => {
      const points = buffer.take();
      await appendMetrics(db, runId, points);
      return points;
    };
    const announce = async (points: MetricPoint[], progress?: RunProgress) => {
      if (points.length > 0)
        await publishRunEventSafely(redis, { type: "metrics", runId, points }, run.sweepId);
      if (progress) {
        await updateRunProgress(db, runId, {
          epoch: progress.epoch,
          step: progress.step,
          json: JSON.stringify(progress),
        });
        await publishRunEventSafely(redis, { type: "progress", runId, progress }, run.sweepId);
      }
      lastFlush = Date.now();
    };
    const flush = async () => announce(await store());

    /**
     * Cancel: keep the points so far and stop. Superseded: stop without a write, the run is another
     * attempt's now. Hand-back (worker shutting down): checkpoint this exact position and requeue.
     */
    const honourStop = async (stop: StopRequest, step: number): Promise<TrainingOutcome | null> => {
      if (!stop) return null;
      if (stop === "superseded") return { status: "SUPERSEDED" };
      await flush();
      if (stop === "cancel") return cancel(deps, { runId, attempt, sweepId: run.sweepId }, step);
      const at = training.position();
      await saveCheckpoint(db, { runId, epoch: at.epoch, step: at.step, bytes: training.checkpoint() });
      await markRunRequeued(db, runId);
      await appendRunLog(
        db,
        runId,
        "info",
        `worker shutting down: checkpointed at step ${at.step}, job handed back`,
      );
      await publishRunEventSafely(redis, { type: "status", runId, status: "QUEUED" }, run.sweepId);
      return { status: "HANDED_BACK" };
    };

    phase = "training";
    for (const event of training) {
      if (event.type === "step") {
        if (event.step % config.logEverySteps === 0)
          buffer.push(METRIC.trainBatchLoss, event.step, event.loss, Date.now());
        if (Date.now() - lastYield >= YIELD_INTERVAL_MS) {
          await yieldToEventLoop();
          lastYield = Date.now();
        }
        const stopped = await honourStop(deps.stop.requested(), event.step);
        if (stopped) return stopped;
        if (Date.now() - lastFlush >= FLUSH_INTERVAL_MS) await flush();
        continue;
      }
      if (event.type === "epoch") {
        const now = Date.now();
        buffer.pushAll({ ...event.metrics, ...sampleSystem(), [METRIC.epoch]: event.epoch }, event.step, now);
        const elapsed = (now - startedAt) / 1000;
        const stepsPerSec = (event.step - startStep) / Math.max(elapsed, 1e-3);
        const progress: RunProgress = {
          epoch: event.epoch,
          epochs: config.epochs,
          step: event.step,
          totalSteps: training.totalSteps,
          samplesPerSec: event.metrics[METRIC.samplesPerSec] ?? stepsPerSec * config.batchSize,
          etaSec: eta.epochEnded(event.step, now),
        };
        const points = await store();
        // Asked afresh: a large network's checkpoint takes seconds, wasted on a canceled or retried run
        // (a hand-back still wants it, weights included).
        const stopping = await deps.stop.checkNow();
        const wanted = stopping !== "cancel" && stopping !== "superseded";
        if (wanted && event.epoch % deps.checkpointEveryEpochs === 0) {
          const weights = training.weights();
          await saveCheckpoint(db, {
            runId,
            epoch: event.epoch,
            step: event.step,
            bytes: training.checkpoint(),
            weights,
            ...mistakes(),
          });
          // Before the epoch's metrics: a live page has the picture by the time it hears of the epoch.
          const live = liveWeightsEvent(runId, event, weights);
          if (live) await publishRunEventSafely(redis, live, run.sweepId);
        }
        // Announced once its weights are stored: the run page's first ask for them finds them.
        await announce(points, progress);
        const stopped = await honourStop(deps.stop.requested(), event.step);
        if (stopped) return stopped;
        continue;
      }
      end = event;
    }
    await flush();
    if (!end)
      return fail(deps, { runId, attempt, sweepId: run.sweepId }, "training ended without a final event");
    const status: RunStatus = end.reason === "diverged" ? "DIVERGED" : "COMPLETED";
    const last = training.position();
    await saveCheckpoint(db, {
      runId,
      epoch: last.epoch,
      step: last.step,
      bytes: training.checkpoint(),
      weights: training.weights(),
      ...mistakes(),
    });
    // Another attempt (after a lost lock) may have finished it already: report a completion once.
    const finished = await finishRun(db, runId, {
      attempt,
      status,
      error: end.message ?? null,
      summary: end.summary,
      log: {
        level: status === "DIVERGED" ? "warn" : "info",
        text:
          end.message ??
          `${end.reason === "early_stopped" ? "stopped early" : "completed"} after ${end.epoch} epochs`,
      },
    });
    if (!finished) return { status };
    await publishRunEventSafely(
      redis,
      { type: "status", runId, status, error: end.message ?? null },
      run.sweepId,
    );
    return { status, message: end.message };
  } catch (err) {
    return fail(
      deps,
      { runId, attempt, sweepId: run.sweepId },
      `failed while ${phase}: ${(err as Error).message}`,
    );
  }
}

export class RunNotFoundError extends Error {
  constructor(runId: string) {
    super(`run ${runId} does not exist`);
    this.name = "RunNotFoundError";
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Which attempt of which run a processor trains. */
type AttemptRef = { runId: string; attempt: number; sweepId: string | null };

async function fail(deps: TrainingDeps, ref: AttemptRef, message: string): Promise<TrainingOutcome> {
  const { runId, attempt, sweepId } = ref;
  const log = { level: "error", text: message } as const;
  if (!(await finishRun(deps.db, runId, { status: "FAILED", error: message, log, attempt }))) {
    // Retried meanwhile: the run is another attempt's now, write nothing to it.
    if ((await readRunAttempt(deps.db, runId))?.attempt !== attempt) return { status: "SUPERSEDED" };
    // Already finished (canceled meanwhile): keep its status, but still say what went wrong.
    await appendRunLog(deps.db, runId, log.level, log.text);
  }
  await publishRunEventSafely(
    deps.redis,
    { type: "status", runId, status: "FAILED", error: message },
    sweepId,
  );
  return { status: "FAILED", message };
}

async function cancel(deps: TrainingDeps, ref: AttemptRef, step: number): Promise<TrainingOutcome> {
  const { runId, sweepId } = ref;
  await appendRunLog(deps.db, runId, "info", `canceled at step ${step}`);
  await publishRunEventSafely(deps.redis, { type: "status", runId, status: "CANCELED" }, sweepId);
  return { status: "CANCELED" };
}
