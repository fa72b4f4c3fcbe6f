/**
 * The "every activation" sweep as the sweeps page launches it on spirals (the core's preset with the
 * generator's defaults: 600 points, noise 0.1; apps/web/src/lib/dataset-presets.ts), through the API,
 * timed from the launch call to the moment the last run's outcome was stored.
 */
import type { createCaller } from "@actlab/api";
import {
  everyActivationPreset,
  expandSweep,
  FINISHED_STATUSES,
  ZDatasetSpec,
  ZSweepSpec,
} from "@actlab/core";
import type { Db } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { waitFor } from "@actlab/test-utils";

export const PRESET_SPEC = ZSweepSpec.parse(
  everyActivationPreset(ZDatasetSpec.parse({ kind: "generated", name: "spirals" })),
);
export const PRESET_CONFIGS = expandSweep(PRESET_SPEC);

export type SweepRun = { seconds: number; runIds: string[]; statuses: Record<string, number> };

export async function runPresetSweep(api: ReturnType<typeof createCaller>, db: Db): Promise<SweepRun> {
  const t0 = Date.now();
  const { id } = await api.sweeps.create({ spec: PRESET_SPEC });
  const prisma = prismaForTests(db);
  // A light indexed read every 50 ms: the bench shares the two cores with the worker it measures. The
  // end is the last run's stored finish time, so the poll's period does not add to the figure.
  const runs = await waitFor(
    "sweep done",
    async () => {
      const rows = await prisma.run.findMany({
        where: { sweepId: id },
        select: { id: true, status: true, finishedAt: true },
      });
      return rows.every((r) => (FINISHED_STATUSES as readonly string[]).includes(r.status)) && rows;
    },
    600_000,
    50,
  );
  const end = Math.max(...runs.map((r) => r.finishedAt?.getTime() ?? Date.now()));
  const statuses: Record<string, number> = {};
  for (const r of runs) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { seconds: (end - t0) / 1000, runIds: runs.map((r) => r.id), statuses };
}
