/** Cancel every open run of a sweep. */
import { getSweep } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { recordActivitySafely } from "../activity/record";
import { cancelOpenRuns } from "../runs/lifecycle";
import { projectProcedure } from "../trpc";
import { ZSweepIdInput } from "./get";

export const cancelSweepProcedure = projectProcedure("EDITOR")
  .input(ZSweepIdInput)
  .mutation(async ({ ctx, input }) => {
    const sweep = await getSweep(ctx.db, input.sweepId, ctx.projectId);
    if (!sweep) throw new TRPCError({ code: "NOT_FOUND", message: `no sweep ${input.sweepId}` });
    const canceled = await cancelOpenRuns(
      ctx,
      sweep.runs.map((r) => r.id),
    );
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "canceled",
      targetKind: "sweep",
      targetId: sweep.id,
      detail: `${canceled.length} runs`,
    });
    return { canceled: canceled.length };
  });
