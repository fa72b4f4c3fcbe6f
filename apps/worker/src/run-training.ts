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
  appendRunLog,
  type Db,
  finishRun,
  latestCheckpoint,
  markRunRequeued,
  markRunStarted,
  readProjectDatasetBlob,
  readRunAttempt,
  readRunToTrain,
  recordTraining,
  saveCheckpoint,
} from "@actlab/db";
import { publishRunEvents, type RunEvent } from "@actlab/queue";
import type { Redis } from "ioredis";
import { createEtaEstimator } from "./eta";
import { liveWeightsEvent } from "./live-weights";
import { createPendingRecords } from "./pending-records";
import { createRunTimer, type RunTimings } from "./run-timings";
import type { StopRequest, StopWatch } from "./stop-watch";
import { createSystemSampler } from "./system-figures";

/** Misclassified validation images kept with each checkpoint of an image dataset. */
const MISTAKES_KEPT = 24;
/** How often points, checkpoints and progress are stored and announced (short epochs share a flush). */
const FLUSH_INTERVAL_MS = 200;
/** Checkpoints held past this many bytes are flushed at once, whatever the interval. */
const MAX_PENDING_CHECKPOINT_BYTES = 8 * 2 ** 20;
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
export type TrainingOutcome = {
  status: RunStatus | "HANDED_BACK" | "SUPERSEDED";
  message?: string;
  /** Where the wall time went, for a run that trained to its end. */
  timings?: RunTimings;
};

/** Live events are best effort: a Redis hiccup must not fail a training whose data is safe in the database. */
async function publishSafely(redis: Redis, events: RunEvent[], sweepId: string | null): Promise<void> {
  try {
    await publishRunEvents(redis, events, sweepId);
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
  const timer = createRunTimer();
  const run = await timer.time("start", () => readRunToTrain(db, runId));
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

  if (!(await timer.time("start", () => markRunStarted(db, runId, attempt)))) return { status: "SUPERSEDED" };
  // Live events go out in order with at most one batch unanswered: training waits for Redis only when
  // it lags a whole flush behind. A run's final status is awaited (the connection keeps the order).
  let announcing: Promise<void> = Promise.resolve();
  const announce = (events: RunEvent[]) =>
    timer.time("publish", async () => {
      await announcing;
      announcing = publishSafely(redis, events, run.sweepId);
    });
  await announce([{ type: "status", runId, status: "RUNNING" }]);

  let phase = "loading the dataset";
  try {
    // Only the run's own project's uploads: a hash copied from another workspace finds nothing.
    const uploads = createDatasetCache({
      dir: deps.datasetCacheDir,
      fetchCompressed: (hash) => readProjectDatasetBlob(db, run.projectId, hash),
    });
    const dataset = await timer.time("dataset", () =>
      loadDataset(config.dataset, {
        loadUploaded: (spec) => uploads.load(spec.hash, datasetLabel(spec)),
      }),
    );
    phase = "restoring the checkpoint";
    const checkpoint = await timer.time("restore", () => latestCheckpoint(db, runId));
    const threads = `up to ${deps.threads()} thread${deps.threads() === 1 ? "" : "s"}`;
    await timer.time("start", () =>
      appendRunLog(
        db,
        runId,
        "info",
        checkpoint
          ? `resumed from the checkpoint at step ${checkpoint.step} (epoch ${checkpoint.epoch}, ${threads}, pid ${process.pid})`
          : `started on ${dataset.name}: ${dataset.rows} rows × ${dataset.numFeatures} features, ${dataset.numClasses} classes (${threads}, pid ${process.pid})`,
      ),
    );
    phase = "building the network";
    const training = timer.timeSync("restore", () =>
      createTraining(config, dataset, checkpoint ? { resumeFrom: checkpoint.bytes } : {}),
    );
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
    const pending = createPendingRecords();
    const sampleSystem = createSystemSampler();
    const startedAt = Date.now();
    const startStep = training.position().step;
    const eta = createEtaEstimator({ step: startStep, t: startedAt }, training.totalSteps);
    let lastFlush = Date.now();
    let flushedAnEpoch = false;
    let lastYield = Date.now();
    let end: EndEvent | null = null;

    /**
     * Stores what is pending in one transaction, then announces it: weights before metrics, so a live page
     * has the picture by the time it hears of the epoch, and only once stored, so a page's first ask
     * finds them (and a page that subscribes before its snapshot misses nothing).
     */
    const flush = async () => {
      const { points, checkpoints, progress, liveWeights } = pending.take();
      await timer.time("records", () =>
        recordTraining(db, runId, {
          points,
          checkpoints,
          ...(progress
            ? { progress: { epoch: progress.epoch, step: progress.step, json: JSON.stringify(progress) } }
            : {}),
        }),
      );
      const events: RunEvent[] = [];
      if (liveWeights) events.push(liveWeights);
      if (points.length > 0) events.push({ type: "metrics", runId, points });
      if (progress) events.push({ type: "progress", runId, progress });
      if (events.length > 0) await announce(events);
      lastFlush = Date.now();
    };
    /** An epoch's checkpoint and weights, held for the next flush. */
    const snapshot = (at: { epoch: number; step: number }, live: boolean) =>
      timer.timeSync("snapshots", () => {
        const weights = training.weights();
        pending.checkpoint(
          { epoch: at.epoch, step: at.step, bytes: training.checkpoint(), weights, ...mistakes() },
          live ? liveWeightsEvent(runId, at, weights) : null,
        );
      });

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
      await publishSafely(redis, [{ type: "status", runId, status: "QUEUED" }], run.sweepId);
      return { status: "HANDED_BACK" };
    };

    phase = "training";
    for (;;) {
      const next = timer.timeSync("train", () => training.next());
      if (next.done) break;
      const event = next.value;
      if (event.type === "step") {
        if (event.step % config.logEverySteps === 0)
          pending.push(METRIC.trainBatchLoss, event.step, event.loss, Date.now());
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
        pending.pushAll(
          { ...event.metrics, ...sampleSystem(), [METRIC.epoch]: event.epoch },
          event.step,
          now,
        );
        const elapsed = (now - startedAt) / 1000;
        const stepsPerSec = (event.step - startStep) / Math.max(elapsed, 1e-3);
        pending.progress({
          epoch: event.epoch,
          epochs: config.epochs,
          step: event.step,
          totalSteps: training.totalSteps,
          samplesPerSec: event.metrics[METRIC.samplesPerSec] ?? stepsPerSec * config.batchSize,
          etaSec: eta.epochEnded(event.step, now),
        });
        // A large network's checkpoint takes seconds, wasted on a canceled or retried run (a hand-back
        // still wants it, weights included): decided on an answer at most two polls (200 ms) old.
        const stopping = await timer.time("stop_checks", () => deps.stop.checkNow());
        const wanted = stopping !== "cancel" && stopping !== "superseded";
        if (wanted && event.epoch % deps.checkpointEveryEpochs === 0) snapshot(event, true);
        // The first epoch at once (a page opened at launch soon has a point); then every flush interval.
        if (
          !flushedAnEpoch ||
          Date.now() - lastFlush >= FLUSH_INTERVAL_MS ||
          pending.checkpointBytes >= MAX_PENDING_CHECKPOINT_BYTES
        ) {
          await flush();
          flushedAnEpoch = true;
        }
        const stopped = await honourStop(deps.stop.requested(), event.step);
        if (stopped) return stopped;
        continue;
      }
      end = event;
    }
    if (!end) {
      await flush();
      return fail(deps, { runId, attempt, sweepId: run.sweepId }, "training ended without a final event");
    }
    const status: RunStatus = end.reason === "diverged" ? "DIVERGED" : "COMPLETED";
    snapshot(training.position(), false);
    await flush();
    // Another attempt (after a lost lock) may have finished it already: report a completion once.
    const finished = await timer.time("finish", () =>
      finishRun(db, runId, {
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
      }),
    );
    if (!finished) return { status };
    const timings = timer.done();
    await publishSafely(redis, [{ type: "status", runId, status, error: end.message ?? null }], run.sweepId);
    return { status, message: end.message, timings };
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
  await publishSafely(deps.redis, [{ type: "status", runId, status: "FAILED", error: message }], sweepId);
  return { status: "FAILED", message };
}

async function cancel(deps: TrainingDeps, ref: AttemptRef, step: number): Promise<TrainingOutcome> {
  const { runId, sweepId } = ref;
  await appendRunLog(deps.db, runId, "info", `canceled at step ${step}`);
  await publishSafely(deps.redis, [{ type: "status", runId, status: "CANCELED" }], sweepId);
  return { status: "CANCELED" };
}
