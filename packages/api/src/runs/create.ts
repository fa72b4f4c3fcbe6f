/** Launch one run: validate the config, store the run QUEUED, enqueue its job. */
import { ZTrainConfig } from "@actlab/core";
import { createRun } from "@actlab/db";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { assertConfigsWithinBudget, assertOpenRunsWithinBudget } from "./budget";
import { enqueueRunsOrFail } from "./enqueue";
import { withUploadNamed } from "./uploaded-dataset";

export const ZCreateRunInput = z.object({
  config: ZTrainConfig,
  name: z.string().trim().min(1).max(200).optional(),
});

export const createRunProcedure = projectProcedure("EDITOR")
  .input(ZCreateRunInput)
  .mutation(async ({ ctx, input }) => {
    const config = {
      ...input.config,
      dataset: await withUploadNamed(ctx.db, ctx.projectId, input.config.dataset),
    };
    await assertConfigsWithinBudget(ctx.db, ctx.projectId, [config]);
    await assertOpenRunsWithinBudget(ctx.db, ctx.workspaceId, 1);
    const run = await createRun(ctx.db, { projectId: ctx.projectId, config, name: input.name });
    // A run that cannot be queued is kept, marked failed, so the user sees why instead of a vanished launch.
    await enqueueRunsOrFail(ctx, [{ runId: run.id, attempt: run.attempt }]);
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "launched",
      targetKind: "run",
      targetId: run.id,
    });
    return { id: run.id };
  });
