/** Launch a sweep: expand the grid (or random search) × seeds, store every run, enqueue one job per run. */
import { checkSweepRuns, expandSweep, ZSweepSpec } from "@actlab/core";
import { createSweep } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { assertConfigsWithinBudget, assertOpenRunsWithinBudget } from "../runs/budget";
import { enqueueRunsOrFail } from "../runs/enqueue";
import { projectProcedure } from "../trpc";

export const ZCreateSweepInput = z.object({ spec: ZSweepSpec });

export const createSweepProcedure = projectProcedure("EDITOR")
  .input(ZCreateSweepInput)
  .mutation(async ({ ctx, input }) => {
    const configs = expandSweep(input.spec);
    const tooMany = checkSweepRuns(configs.length);
    if (tooMany) throw new TRPCError({ code: "BAD_REQUEST", message: tooMany.message });
    await assertConfigsWithinBudget(ctx.db, configs);
    await assertOpenRunsWithinBudget(ctx.db, ctx.workspaceId, configs.length);
    const name =
      input.spec.name ??
      `${input.spec.base.dataset.kind === "uploaded" ? "upload" : input.spec.base.dataset.name} sweep · ${configs.length} runs`;
    const { sweepId, runIds } = await createSweep(ctx.db, {
      projectId: ctx.projectId,
      name,
      spec: input.spec,
      configs,
      createdById: ctx.userId,
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
  });
