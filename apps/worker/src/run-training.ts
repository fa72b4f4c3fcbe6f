/**
 * Trains one run: loads it, resumes from its last checkpoint, drives the core's training generator,
 * and records metrics, progress, checkpoints and the outcome. Runs inside the sandboxed processor.
 */
import { createTraining, type EndEvent, type TrainConfig, ZTrainConfig } from "@actlab/core";
import { loadDataset } from "@actlab/datasets";
import {
  appendMetrics,
  appendRunLog,
  type Db,
  finishRun,
  getRun,
  latestCheckpoint,
  markRunStarted,
  saveCheckpoint,
  updateRunProgress,
} from "@actlab/db";
import { FINISHED_STATUSES, publishRunEvent, type RunProgress, type RunStatus } from "@actlab/queue";
import type { Redis } from "ioredis";
import { createMetricBuffer } from "./metric-buffer";

/** How often a long epoch hands control back: flush points, publish, check for cancel. */
const FLUSH_INTERVAL_MS = 200;

export type TrainingDeps = {
  db: Db;
  redis: Redis;
  checkpointEveryEpochs: number;
  /** Resolves true once the run was asked to stop. */
  isCanceled(runId: string): Promise<boolean>;
};

export type TrainingOutcome = { status: RunStatus; message?: string };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runTraining(deps: TrainingDeps, runId: string): Promise<TrainingOutcome> {
  const { db, redis } = deps;
  const run = await getRun(db, runId);
  if (!run) throw new RunNotFoundError(runId);
  if (FINISHED_STATUSES.includes(run.status as RunStatus)) return { status: run.status as RunStatus };

  const parsedConfig = ZTrainConfig.safeParse(safeJson(run.config));
  if (!parsedConfig.success) {
    return fail(
      deps,
      runId,
      `stored config is invalid: ${parsedConfig.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  const config: TrainConfig = parsedConfig.data;

  await markRunStarted(db, runId);
  await publishRunEvent(redis, { type: "status", runId, status: "RUNNING" });

  let phase = "loading the dataset";
  try {
    const dataset = await loadDataset(config.dataset, {
      readUploaded: async (id) => {
        const row = await db.prisma.dataset.findUnique({ where: { id } });
        if (!row?.content) throw new Error(`uploaded dataset ${id} not found`);
        return row.content;
      },
    });
    phase = "restoring the checkpoint";
    const checkpoint = await latestCheckpoint(db, runId);
    await appendRunLog(
      db,
      runId,
      "info",
      checkpoint
        ? `resumed from the checkpoint after epoch ${checkpoint.epoch} (pid ${process.pid})`
        : `started on ${dataset.name}: ${dataset.rows} rows × ${dataset.numFeatures} features, ${dataset.numClasses} classes (pid ${process.pid})`,
    );
    phase = "building the network";
    const training = createTraining(config, dataset, checkpoint ? { resumeFrom: checkpoint.bytes } : {});
    const buffer = createMetricBuffer();
    const startedAt = Date.now();
    const startStep = training.position().step;
    let lastFlush = Date.now();
    let end: EndEvent | null = null;

    const flush = async (progress?: RunProgress) => {
      const points = buffer.take();
      if (points.length > 0) {
        appendMetrics(db, runId, points);
        await publishRunEvent(redis, { type: "metrics", runId, points });
      }
      if (progress) {
        await updateRunProgress(db, runId, {
          epoch: progress.epoch,
          step: progress.step,
          json: JSON.stringify(progress),
        });
        await publishRunEvent(redis, { type: "progress", runId, progress });
      }
      lastFlush = Date.now();
    };

    phase = "training";
    for (const event of training) {
      if (event.type === "step") {
        if (event.step % config.logEverySteps === 0)
          buffer.push("train/batch_loss", event.step, event.loss, Date.now());
        if (Date.now() - lastFlush >= FLUSH_INTERVAL_MS) {
          await flush();
          await yieldToEventLoop();
          if (await deps.isCanceled(runId)) return cancel(deps, runId, event.step);
        }
        continue;
      }
      if (event.type === "epoch") {
        const now = Date.now();
        buffer.pushAll({ ...event.metrics, epoch: event.epoch }, event.step, now);
        const elapsed = (now - startedAt) / 1000;
        const stepsPerSec = (event.step - startStep) / Math.max(elapsed, 1e-3);
        const progress: RunProgress = {
          epoch: event.epoch,
          epochs: config.epochs,
          step: event.step,
          totalSteps: training.totalSteps,
          samplesPerSec: event.metrics["perf/samples_per_s"] ?? stepsPerSec * config.batchSize,
          etaSec: stepsPerSec > 0 ? (training.totalSteps - event.step) / stepsPerSec : null,
        };
        await flush(progress);
        if (event.epoch % deps.checkpointEveryEpochs === 0) {
          await saveCheckpoint(db, {
            runId,
            epoch: event.epoch,
            step: event.step,
            bytes: training.checkpoint(),
            weights: training.weights(),
          });
        }
        if (await deps.isCanceled(runId)) return cancel(deps, runId, event.step);
        continue;
      }
      end = event;
    }
    await flush();
    if (!end) return fail(deps, runId, "training ended without a final event");
    const status: RunStatus = end.reason === "diverged" ? "DIVERGED" : "COMPLETED";
    const last = training.position();
    await saveCheckpoint(db, {
      runId,
      epoch: last.epoch,
      step: last.step,
      bytes: training.checkpoint(),
      weights: training.weights(),
    });
    await finishRun(db, runId, { status, error: end.message ?? null, summary: end.summary });
    await appendRunLog(
      db,
      runId,
      status === "DIVERGED" ? "warn" : "info",
      end.message ??
        `${end.reason === "early_stopped" ? "stopped early" : "completed"} after ${end.epoch} epochs`,
    );
    await publishRunEvent(redis, { type: "status", runId, status, error: end.message ?? null });
    return { status, message: end.message };
  } catch (err) {
    return fail(deps, runId, `failed while ${phase}: ${(err as Error).message}`);
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

async function fail(deps: TrainingDeps, runId: string, message: string): Promise<TrainingOutcome> {
  await finishRun(deps.db, runId, { status: "FAILED", error: message });
  await appendRunLog(deps.db, runId, "error", message);
  await publishRunEvent(deps.redis, { type: "status", runId, status: "FAILED", error: message });
  return { status: "FAILED", message };
}

async function cancel(deps: TrainingDeps, runId: string, step: number): Promise<TrainingOutcome> {
  await finishRun(deps.db, runId, { status: "CANCELED" });
  await appendRunLog(deps.db, runId, "info", `canceled at step ${step}`);
  await publishRunEvent(deps.redis, { type: "status", runId, status: "CANCELED" });
  return { status: "CANCELED" };
}
