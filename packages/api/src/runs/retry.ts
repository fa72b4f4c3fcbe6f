/** Retry a failed, canceled or diverged run: it is queued again and trains from the start. */
import { TRPCError } from "@trpc/server";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { assertOpenRunsWithinBudget } from "./budget";
import { RETRYABLE_STATUSES, retryRun } from "./lifecycle";
import { requireRun, ZRunIdInput } from "./require-run";

const RETRYABLE = new Set<string>(RETRYABLE_STATUSES);

export const retryRunProcedure = projectProcedure("EDITOR")
  .input(ZRunIdInput)
  .mutation(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    if (run.source === "external") {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message:
          "this run was logged from your own code through the MLflow API: run that code again to retry it",
      });
    }
    if (!RETRYABLE.has(run.status)) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `only failed, canceled or diverged runs can be retried (this one is ${run.status.toLowerCase()})`,
      });
    }
    // A retry queues a run again: it counts against the workspace's open runs like a launch.
    await assertOpenRunsWithinBudget(ctx.db, ctx.workspaceId, 1);
    await retryRun(ctx, run.id);
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "retried",
      targetKind: "run",
      targetId: run.id,
    });
    return { retried: true };
  });
