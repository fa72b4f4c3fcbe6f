/** stars.get / stars.set: the caller's own star on a run. Any member may star (it is personal). */
import { isRunStarred, setRunStar } from "@actlab/db";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { requireRun, ZRunIdInput } from "../runs/require-run";
import { projectProcedure, router } from "../trpc";

export const ZSetStarInput = ZRunIdInput.extend({
  starred: z.boolean({ error: "starred is true or false" }),
});

export const getStarProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    return { starred: await isRunStarred(ctx.db, run.id, ctx.userId) };
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

export const starsRouter = router({ get: getStarProcedure, set: setStarProcedure });
