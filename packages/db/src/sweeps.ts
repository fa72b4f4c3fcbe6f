/** Sweeps: the launch request and its runs, written in one transaction (createMany: a sweep may hold 2,000 runs). */
import { randomUUID } from "node:crypto";
import type { TrainConfig } from "@actlab/core";
import type { Db } from "./client";
import { flattenParams } from "./params";
import { datasetLabel, runName } from "./runs";

export async function createSweep(
  db: Db,
  input: {
    projectId: string;
    name: string;
    spec: unknown;
    configs: TrainConfig[];
    createdById?: string | null;
  },
): Promise<{ sweepId: string; runIds: string[] }> {
  const sweepId = randomUUID();
  const runs = input.configs.map((config) => ({
    id: randomUUID(),
    projectId: input.projectId,
    sweepId,
    name: runName(config),
    status: "QUEUED",
    config: JSON.stringify(config),
    activation: config.activation,
    dataset: datasetLabel(config),
    seed: config.seed,
  }));
  const params = runs.flatMap((run, i) =>
    flattenParams(input.configs[i]).map((p) => ({
      runId: run.id,
      key: p.key,
      value: p.value,
      valueNum: p.valueNum,
    })),
  );
  await db.prisma.$transaction([
    db.prisma.sweep.create({
      data: {
        id: sweepId,
        projectId: input.projectId,
        name: input.name,
        spec: JSON.stringify(input.spec),
        createdById: input.createdById ?? null,
      },
    }),
    db.prisma.run.createMany({ data: runs }),
    db.prisma.param.createMany({ data: params }),
  ]);
  return { sweepId, runIds: runs.map((r) => r.id) };
}

export async function getSweep(db: Db, sweepId: string, projectId: string) {
  return db.prisma.sweep.findFirst({
    where: { id: sweepId, projectId },
    include: { runs: { orderBy: { createdAt: "asc" } } },
  });
}

export async function listSweeps(db: Db, projectId: string, take = 100) {
  const sweeps = await db.prisma.sweep.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take,
  });
  const counts = await db.prisma.run.groupBy({
    by: ["sweepId", "status"],
    where: { sweepId: { in: sweeps.map((s) => s.id) } },
    _count: { _all: true },
  });
  return sweeps.map((s) => ({
    ...s,
    counts: Object.fromEntries(
      counts.filter((c) => c.sweepId === s.id).map((c) => [c.status, c._count._all]),
    ),
  }));
}
