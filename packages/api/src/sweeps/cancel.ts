/** Cancel every open run of a sweep. */
import { recordActivitySafely } from "../activity/record";
import { cancelOpenRuns } from "../runs/lifecycle";
import { projectProcedure } from "../trpc";
import { requireSweep, ZSweepIdInput } from "./require-sweep";

export const cancelSweepProcedure = projectProcedure("EDITOR")
  .input(ZSweepIdInput)
  .mutation(async ({ ctx, input }) => {
    const sweep = await requireSweep(ctx, input.sweepId);
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
