/** activity.list: one page of the project's activity feed, newest first. */
import { listActivity } from "@actlab/db";
import { z } from "zod";
import { projectProcedure } from "../trpc";

export const ZListActivityInput = z.object({
  cursor: z.string().max(64, "cursor is an activity id").nullish(),
  take: z.int("take is a whole number").min(1, "take is ≥ 1").max(100, "take is at most 100").default(30),
});

export const listActivityProcedure = projectProcedure("VIEWER")
  .input(ZListActivityInput)
  .query(({ ctx, input }) => listActivity(ctx.db, ctx.projectId, { cursor: input.cursor, take: input.take }));
