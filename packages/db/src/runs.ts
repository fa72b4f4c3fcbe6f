/** Run records: create (with params), read, list, and status transitions. */
import { datasetLabel, type RunStatus, type TrainConfig } from "@actlab/core";
import { type Db, prisma, rawSql } from "./client";
import { clampLog, insertRunLog, type LogLevel } from "./logs";
import { flattenParams } from "./params";
import type { RawSql } from "./raw-sql";

export function runName(config: TrainConfig): string {
  return `${config.activation} · ${datasetLabel(config.dataset)} · ${config.hiddenLayers.join("-")} · seed ${config.seed}`;
}

export async function createRun(
  db: Db,
  input: { projectId: string; config: TrainConfig; name?: string; sweepId?: string; codeVersion?: string },
) {
  const { config } = input;
  const dataset = datasetLabel(config.dataset);
  const name =
    input.name ??
    `${config.activation} · ${dataset} · ${config.hiddenLayers.join("-")} · seed ${config.seed}`;
  return db[prisma].run.create({
    data: {
      projectId: input.projectId,
      sweepId: input.sweepId ?? null,
      name,
      status: "QUEUED",
      config: JSON.stringify(config),
      activation: config.activation,
      dataset,
      seed: config.seed,
      codeVersion: input.codeVersion ?? null,
      params: { create: flattenParams(config) },
    },
  });
}

export async function getRun(db: Db, runId: string, projectId?: string) {
  return db[prisma].run.findFirst({ where: { id: runId, ...(projectId ? { projectId } : {}) } });
}

/** What a worker reads to train a run: one raw indexed read (getRun through Prisma costs ~2 ms here). */
export async function readRunToTrain(
  db: Db,
  runId: string,
): Promise<{ status: RunStatus; config: string; sweepId: string | null; projectId: string } | null> {
  const row = await db[rawSql].get<{
    status: RunStatus;
    config: string;
    sweepId: string | null;
    projectId: string;
  }>('SELECT "status", "config", "sweepId", "projectId" FROM "Run" WHERE "id" = ?', [runId]);
  return row ?? null;
}

/** The project a run belongs to, or null for an unknown id. */
export async function projectIdOfRun(db: Db, runId: string): Promise<string | null> {
  return (
    (await db[prisma].run.findUnique({ where: { id: runId }, select: { projectId: true } }))?.projectId ??
    null
  );
}

/** The ids among `runIds` that are runs of `projectId`: how tenant-blind data (queue jobs) is scoped. */
export async function runIdsInProject(db: Db, projectId: string, runIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // Chunks keep each IN list well under SQLite's bound-parameter limit.
  for (let i = 0; i < runIds.length; i += 500) {
    const rows = await db[prisma].run.findMany({
      where: { projectId, id: { in: runIds.slice(i, i + 500) } },
      select: { id: true },
    });
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** The names of these runs of `projectId`, by id (the queue page shows names, not ids). */
export async function runNamesInProject(
  db: Db,
  projectId: string,
  runIds: string[],
): Promise<Map<string, string>> {
  const rows = await db[prisma].run.findMany({
    where: { projectId, id: { in: runIds } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The runs of `projectId` among `runIds` (ids of other projects are left out, as if unknown). */
/** The runs of these ids that belong to the project (others are left out). */
export async function findRunsInProject(db: Db, projectId: string, runIds: string[]) {
  // By id alone, then the project: with `projectId` in the WHERE, SQLite walked the project's index
  // instead, every run of it (~300 ms a compare request at 100,000 runs, under 1 ms by id).
  const runs = await db[prisma].run.findMany({ where: { id: { in: runIds } } });
  return runs.filter((r) => r.projectId === projectId);
}

export async function listRuns(db: Db, projectId: string, options: { take?: number } = {}) {
  return db[prisma].run.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
}

/**
 * QUEUED (or RUNNING, on a resume) → RUNNING; false when the run was canceled or finished meanwhile, or
 * (given `attempt`) retried since that attempt was queued.
 */
export async function markRunStarted(db: Db, runId: string, attempt?: number): Promise<boolean> {
  const now = db[rawSql].dialect.timestampParam(new Date());
  const changed = await db[rawSql].run(
    `UPDATE "Run" SET "status" = 'RUNNING', "startedAt" = ?, "error" = NULL, "finishedAt" = NULL, "updatedAt" = ?
     WHERE "id" = ? AND "status" IN ('QUEUED', 'RUNNING')${attempt === undefined ? "" : ' AND "attempt" = ?'}`,
    [now, now, runId, ...(attempt === undefined ? [] : [attempt])],
  );
  return changed === 1;
}

/** Where a running run stands: its epoch and step, and the progress JSON the pages show. */
export type RunProgressRow = { epoch: number; step: number; json: string };

export async function updateRunProgress(db: Db, runId: string, progress: RunProgressRow): Promise<void> {
  await writeRunProgress(db[rawSql], runId, progress);
}

/** Raw SQL (a Prisma update costs ~2 ms here); bumps updatedAt, which the reconciler reads as liveness. */
export async function writeRunProgress(tx: RawSql, runId: string, progress: RunProgressRow): Promise<void> {
  await tx.run(
    'UPDATE "Run" SET "epochsDone" = ?, "stepsDone" = ?, "progress" = ?, "updatedAt" = ? WHERE "id" = ?',
    [progress.epoch, progress.step, progress.json, tx.dialect.timestampParam(new Date()), runId],
  );
}

/**
 * Records the outcome of an open run. A run already finished (canceled while its last step ran), or
 * retried since `attempt`, keeps its status; returns whether this call changed it. The optional log
 * line is written in the same transaction, so a reader who sees the final status also sees why.
 */
export async function finishRun(
  db: Db,
  runId: string,
  outcome: {
    status: RunStatus;
    error?: string | null;
    summary?: Record<string, number> | null;
    log?: { level: LogLevel; text: string };
    attempt?: number;
  },
): Promise<boolean> {
  // Raw SQL: the worker finishes every run, and Prisma's transaction cost ~5 ms of a 60 ms run here.
  return db[rawSql].transaction(async (tx) => {
    const now = tx.dialect.timestampParam(new Date());
    const changed = await tx.run(
      `UPDATE "Run" SET "status" = ?, "error" = ?,${outcome.summary ? ' "summary" = ?,' : ""} "finishedAt" = ?, "updatedAt" = ?
       WHERE "id" = ? AND "status" IN ('QUEUED', 'RUNNING')${outcome.attempt === undefined ? "" : ' AND "attempt" = ?'}`,
      [
        outcome.status,
        outcome.error ?? null,
        ...(outcome.summary ? [JSON.stringify(outcome.summary)] : []),
        now,
        now,
        runId,
        ...(outcome.attempt === undefined ? [] : [outcome.attempt]),
      ],
    );
    if (changed === 1 && outcome.log) await insertRunLog(tx, runId, outcome.log);
    return changed === 1;
  });
}

/**
 * Back to QUEUED for a retry, as the next attempt. A fresh start deletes the old attempt's points,
 * checkpoints and logs, so it starts clean; `resume` keeps them all, so the worker goes on from the last
 * checkpoint: the points it trains again are the same bits and are left as stored. With `from`, only a
 * run in one of those statuses is reset (checked in the same transaction, so of two racing retries one
 * wins). Returns the new attempt, or null when nothing was reset.
 */
export async function resetRunForRetry(
  db: Db,
  runId: string,
  options: { from?: readonly RunStatus[]; resume?: { epoch: number; step: number } } = {},
): Promise<number | null> {
  return db[prisma].$transaction(async (tx) => {
    const { count } = await tx.run.updateMany({
      where: { id: runId, ...(options.from ? { status: { in: [...options.from] } } : {}) },
      data: {
        status: "QUEUED",
        attempt: { increment: 1 },
        error: null,
        summary: null,
        progress: null,
        finishedAt: null,
        ...(options.resume ? {} : { epochsDone: 0, stepsDone: 0, startedAt: null }),
      },
    });
    if (count === 0) return null;
    if (options.resume) {
      const { epoch, step } = options.resume;
      const text = `retried: resumes from its checkpoint at epoch ${epoch} (step ${step})`;
      await tx.runLog.create({ data: { runId, ...clampLog({ level: "info", text }) } });
    } else {
      await tx.metric.deleteMany({ where: { runId } });
      await tx.checkpoint.deleteMany({ where: { runId } });
      await tx.seriesPack.deleteMany({ where: { runId } });
      await tx.metricSummary.deleteMany({ where: { runId } });
      await tx.runLog.deleteMany({ where: { runId } });
    }
    return (await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { attempt: true } })).attempt;
  });
}

/**
 * A run's status and attempt, read on the raw connection: the training process asks several times a
 * second whether its attempt is still the one to train, without Prisma's per-query cost.
 */
export async function readRunAttempt(
  db: Db,
  runId: string,
): Promise<{ status: RunStatus; attempt: number } | null> {
  const row = await db[rawSql].get<{ status: RunStatus; attempt: number }>(
    'SELECT "status", "attempt" FROM "Run" WHERE "id" = ?',
    [runId],
  );
  return row ?? null;
}

/** Marks runs canceled unless they already finished; returns the ids that changed. */
export async function cancelRuns(db: Db, runIds: string[]): Promise<string[]> {
  const open = await db[prisma].run.findMany({
    where: { id: { in: runIds }, status: { in: ["QUEUED", "RUNNING"] } },
    select: { id: true },
  });
  const ids = open.map((r) => r.id);
  await db[prisma].run.updateMany({
    where: { id: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELED", finishedAt: new Date() },
  });
  return ids;
}

/** RUNNING → QUEUED when a worker hands its job back (shutdown): another worker resumes it. */
export async function markRunRequeued(db: Db, runId: string): Promise<void> {
  await db[prisma].run.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "QUEUED" } });
}

/** QUEUED and RUNNING trainer runs of a workspace: what its launches still have waiting for a worker. */
export async function countOpenRuns(db: Db, workspaceId: string): Promise<number> {
  return db[prisma].run.count({
    where: {
      status: { in: ["QUEUED", "RUNNING"] },
      source: "trainer",
      deletedAt: null,
      project: { workspaceId },
    },
  });
}

/**
 * Runs the database calls open but the queue may have lost: QUEUED since before `queuedBefore`, or
 * RUNNING with no progress written since `staleBefore` (its worker is gone). At most 1000 per call.
 */
export async function listRunsToReconcile(
  db: Db,
  cutoffs: { queuedBefore: Date; staleBefore: Date },
): Promise<{ id: string; attempt: number }[]> {
  return db[prisma].run.findMany({
    where: {
      OR: [
        { status: "QUEUED", createdAt: { lt: cutoffs.queuedBefore } },
        { status: "RUNNING", updatedAt: { lt: cutoffs.staleBefore } },
      ],
    },
    select: { id: true, attempt: true },
    take: 1000,
  });
}
