/**
 * Retry a failed, canceled or diverged run: it is queued again and trains from the start, or from its last
 * checkpoint with everything it recorded kept (`from: "checkpoint"`).
 */
import { latestCheckpointPosition } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { assertOpenRunsWithinBudget } from "./budget";
import { RETRYABLE_STATUSES, retryRun } from "./lifecycle";
import { requireRun, ZRunIdInput } from "./require-run";

const RETRYABLE = new Set<string>(RETRYABLE_STATUSES);

export const ZRetryRunInput = ZRunIdInput.extend({
  from: z.enum(["start", "checkpoint"], { error: 'from must be "start" or "checkpoint"' }).default("start"),
});

export const retryRunProcedure = projectProcedure("EDITOR")
  .input(ZRetryRunInput)
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
    const resume = input.from === "checkpoint" ? await latestCheckpointPosition(ctx.db, run.id) : null;
    if (input.from === "checkpoint" && !resume) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "this run saved no checkpoint to resume from: retry it from the start",
      });
    }
    await retryRun(ctx, run.id, resume ? { resume } : {});
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "retried",
      targetKind: "run",
      targetId: run.id,
      detail: resume ? `from the checkpoint at epoch ${resume.epoch}` : undefined,
    });
    return { retried: true };
  });
