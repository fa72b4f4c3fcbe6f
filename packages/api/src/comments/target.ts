/**
 * The input shapes for what attaches to a run, sweep or saved view: comments take all three kinds;
 * notes only runs and sweeps (a saved view's report is its own markdown text).
 */
import { COMMENT_TARGETS, type CommentTarget, targetExists } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ApiDeps } from "../context";

export const ZTarget = z.object({
  targetKind: z.enum(COMMENT_TARGETS, { error: "target kind is run, sweep or view" }),
  targetId: z.string().min(1, "which run, sweep or view?").max(64, "ids are at most 64 characters"),
});

export const ZNotesTarget = ZTarget.extend({
  targetKind: z.enum(["run", "sweep"], { error: "notes belong to a run or a sweep" }),
});

/** Refuses a target outside the caller's project as "not found", like every other foreign id. */
export async function requireTarget(
  ctx: Pick<ApiDeps, "db"> & { projectId: string },
  target: { targetKind: CommentTarget; targetId: string },
): Promise<void> {
  if (!(await targetExists(ctx.db, ctx.projectId, target.targetKind, target.targetId)))
    throw new TRPCError({ code: "NOT_FOUND", message: `no ${target.targetKind} ${target.targetId}` });
}
