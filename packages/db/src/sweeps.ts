/** Sweeps: the launch request and its runs, written in one transaction (createMany: a sweep may hold 2,000 runs). */
import { randomUUID } from "node:crypto";
import { datasetLabel, type TrainConfig } from "@actlab/core";
import { type Db, prisma } from "./client";
import { flattenParams } from "./params";
import { runName } from "./runs";

/** Run and param rows for configs of one sweep, ready for createMany. */
function sweepRunRows(projectId: string, sweepId: string, configs: readonly TrainConfig[]) {
  const runs = configs.map((config) => ({
    id: randomUUID(),
    projectId,
    sweepId,
    name: runName(config),
    status: "QUEUED",
    config: JSON.stringify(config),
    activation: config.activation,
    dataset: datasetLabel(config.dataset),
    seed: config.seed,
  }));
  const params = runs.flatMap((run, i) =>
    flattenParams(configs[i]).map((p) => ({
      runId: run.id,
      key: p.key,
      value: p.value,
      valueNum: p.valueNum,
    })),
  );
  return { runs, params };
}

export async function createSweep(
  db: Db,
  input: {
    projectId: string;
    name: string;
    spec: unknown;
    configs: TrainConfig[];
    createdById?: string | null;
    /** The lab claim the sweep tests, when the lab launched it. */
    labClaim?: string | null;
  },
): Promise<{ sweepId: string; runIds: string[] }> {
  const sweepId = randomUUID();
  const { runs, params } = sweepRunRows(input.projectId, sweepId, input.configs);
  await db[prisma].$transaction([
    db[prisma].sweep.create({
      data: {
        id: sweepId,
        projectId: input.projectId,
        name: input.name,
        spec: JSON.stringify(input.spec),
        createdById: input.createdById ?? null,
        labClaim: input.labClaim ?? null,
      },
    }),
    db[prisma].run.createMany({ data: runs }),
    db[prisma].param.createMany({ data: params }),
  ]);
  return { sweepId, runIds: runs.map((r) => r.id) };
}

/**
 * More runs for an existing sweep (more seeds of the same configs) and its spec as it now stands, in one
 * transaction: the spec always describes every run the sweep holds.
 */
export async function extendSweep(
  db: Db,
  input: { sweepId: string; projectId: string; name: string; spec: unknown; configs: readonly TrainConfig[] },
): Promise<string[]> {
  const { runs, params } = sweepRunRows(input.projectId, input.sweepId, input.configs);
  await db[prisma].$transaction([
    db[prisma].sweep.update({
      where: { id: input.sweepId },
      data: { name: input.name, spec: JSON.stringify(input.spec) },
    }),
    db[prisma].run.createMany({ data: runs }),
    db[prisma].param.createMany({ data: params }),
  ]);
  return runs.map((r) => r.id);
}

export async function getSweep(db: Db, sweepId: string, projectId: string) {
  return db[prisma].sweep.findFirst({
    where: { id: sweepId, projectId },
    include: { runs: { orderBy: { createdAt: "asc" } } },
  });
}

export async function listSweeps(db: Db, projectId: string, take = 100) {
  const sweeps = await db[prisma].sweep.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take,
  });
  const counts = await db[prisma].run.groupBy({
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
