/** Cancel a run: a queued one never starts, a running one stops within a second. */
import { TRPCError } from "@trpc/server";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { cancelOpenRuns } from "./lifecycle";
import { requireRun, ZRunIdInput } from "./require-run";

export const cancelRunProcedure = projectProcedure("EDITOR")
  .input(ZRunIdInput)
  .mutation(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const canceled = await cancelOpenRuns(ctx, [run.id]);
    if (canceled.length === 0) {
      throw new TRPCError({ code: "CONFLICT", message: `the run is already ${run.status.toLowerCase()}` });
    }
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "canceled",
      targetKind: "run",
      targetId: run.id,
    });
    return { canceled: true };
  });
