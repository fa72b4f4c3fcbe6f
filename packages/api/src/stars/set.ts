/** stars.set: stars or un-stars a run for the caller. Any member may star (it is personal). */
import { setRunStar } from "@actlab/db";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { requireRun, ZRunIdInput } from "../runs/require-run";
import { projectProcedure } from "../trpc";

export const ZSetStarInput = ZRunIdInput.extend({
  starred: z.boolean({ error: "starred is true or false" }),
});

export const setStarProcedure = projectProcedure("VIEWER")
  .input(ZSetStarInput)
  .mutation(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const changed = await setRunStar(ctx.db, run.id, ctx.userId, input.starred);
    // Only a new star is news; un-starring is private housekeeping.
    if (changed && input.starred)
      await recordActivitySafely(ctx, {
        projectId: ctx.projectId,
        actorId: ctx.userId,
        verb: "starred",
        targetKind: "run",
        targetId: run.id,
      });
    return { starred: input.starred };
  });
