/** Launch a validated sweep in the caller's project: budgets, the runs in one transaction, one job per run. */
import { checkSweepRuns, datasetLabel, expandSweep, type SweepSpec } from "@actlab/core";
import { createSweep } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { recordActivitySafely } from "../activity/record";
import type { ApiDeps } from "../context";
import { assertConfigsWithinBudget, assertOpenRunsWithinBudget } from "../runs/budget";
import { enqueueRunsOrFail } from "../runs/enqueue";
import { withUploadsNamed } from "../runs/uploaded-dataset";

/** What a project procedure knows by the time it launches. */
export type LaunchContext = ApiDeps & { projectId: string; workspaceId: string; userId: string };

export async function launchSweep(
  ctx: LaunchContext,
  asked: SweepSpec,
  options: { labClaim?: string } = {},
): Promise<{ id: string; runs: number }> {
  const spec = await withUploadsNamed(ctx.db, ctx.projectId, asked);
  const configs = expandSweep(spec);
  const tooMany = checkSweepRuns(configs.length);
  if (tooMany) throw new TRPCError({ code: "BAD_REQUEST", message: tooMany.message });
  await assertConfigsWithinBudget(ctx.db, ctx.projectId, configs);
  await assertOpenRunsWithinBudget(ctx.db, ctx.workspaceId, configs.length);
  const name = spec.name ?? `${datasetLabel(spec.base.dataset)} sweep · ${configs.length} runs`;
  const { sweepId, runIds } = await createSweep(ctx.db, {
    projectId: ctx.projectId,
    name,
    spec,
    configs,
    createdById: ctx.userId,
    labClaim: options.labClaim ?? null,
  });
  await recordActivitySafely(ctx, {
    projectId: ctx.projectId,
    actorId: ctx.userId,
    verb: "launched",
    targetKind: "sweep",
    targetId: sweepId,
    detail: `${runIds.length} runs`,
  });
  await enqueueRunsOrFail(
    ctx,
    runIds.map((runId) => ({ runId, attempt: 0 })),
  );
  return { id: sweepId, runs: runIds.length };
}
