/** Run records: create (with params), read, list, and status transitions. */
import type { TrainConfig } from "@actlab/core";
import type { Db } from "./client";
import { flattenParams } from "./params";

export type RunStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "DIVERGED";

export function datasetLabel(config: TrainConfig): string {
  const d = config.dataset;
  return d.kind === "uploaded" ? `upload:${d.datasetId}` : d.name;
}

export async function createRun(
  db: Db,
  input: { projectId: string; config: TrainConfig; name?: string; sweepId?: string; codeVersion?: string },
) {
  const { config } = input;
  const dataset = datasetLabel(config);
  const name =
    input.name ??
    `${config.activation} · ${dataset} · ${config.hiddenLayers.join("-")} · seed ${config.seed}`;
  return db.prisma.run.create({
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
  return db.prisma.run.findFirst({ where: { id: runId, ...(projectId ? { projectId } : {}) } });
}

export async function listRuns(db: Db, projectId: string, options: { take?: number } = {}) {
  return db.prisma.run.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
}

export async function markRunStarted(db: Db, runId: string) {
  return db.prisma.run.update({
    where: { id: runId },
    data: { status: "RUNNING", startedAt: new Date(), error: null, finishedAt: null },
  });
}

export async function updateRunProgress(
  db: Db,
  runId: string,
  progress: { epoch: number; step: number; json: string },
) {
  await db.prisma.run.update({
    where: { id: runId },
    data: { epochsDone: progress.epoch, stepsDone: progress.step, progress: progress.json },
  });
}

export async function finishRun(
  db: Db,
  runId: string,
  outcome: { status: RunStatus; error?: string | null; summary?: Record<string, number> | null },
) {
  return db.prisma.run.update({
    where: { id: runId },
    data: {
      status: outcome.status,
      error: outcome.error ?? null,
      summary: outcome.summary ? JSON.stringify(outcome.summary) : undefined,
      finishedAt: new Date(),
    },
  });
}
