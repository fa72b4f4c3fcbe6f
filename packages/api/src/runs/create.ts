/** Launch one run: validate the config, store the run QUEUED, enqueue its job. */
import { ZTrainConfig } from "@actlab/core";
import { createRun, finishRun } from "@actlab/db";
import { enqueueRun } from "@actlab/queue";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { assertConfigsWithinBudget, assertOpenRunsWithinBudget } from "./budget";

export const ZCreateRunInput = z.object({
  config: ZTrainConfig,
  name: z.string().trim().min(1).max(200).optional(),
});

export const createRunProcedure = projectProcedure("EDITOR")
  .input(ZCreateRunInput)
  .mutation(async ({ ctx, input }) => {
    await assertConfigsWithinBudget(ctx.db, [input.config]);
    await assertOpenRunsWithinBudget(ctx.db, ctx.workspaceId, 1);
    const run = await createRun(ctx.db, { projectId: ctx.projectId, config: input.config, name: input.name });
    try {
      await enqueueRun(ctx.queue, run.id);
    } catch (err) {
      // The run is kept (and marked failed) so the user sees what happened instead of a vanished launch.
      await finishRun(ctx.db, run.id, {
        status: "FAILED",
        error: `could not enqueue: ${(err as Error).message}`,
      });
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "the job queue (Redis) is unreachable" });
    }
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "launched",
      targetKind: "run",
      targetId: run.id,
    });
    return { id: run.id };
  });
