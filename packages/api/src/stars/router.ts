/** stars.get / stars.set: the caller's own star on a run. Any member may star (it is personal). */
import { getRun, isRunStarred, setRunStar } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { ZRunIdInput } from "../runs/get";
import { projectProcedure, router } from "../trpc";

export const ZSetStarInput = ZRunIdInput.extend({
  starred: z.boolean({ error: "starred is true or false" }),
});

export const getStarProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await getRun(ctx.db, input.runId, ctx.projectId);
    if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${input.runId}` });
    return { starred: await isRunStarred(ctx.db, run.id, ctx.userId) };
  });

export const setStarProcedure = projectProcedure("VIEWER")
  .input(ZSetStarInput)
  .mutation(async ({ ctx, input }) => {
    const run = await getRun(ctx.db, input.runId, ctx.projectId);
    if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${input.runId}` });
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
