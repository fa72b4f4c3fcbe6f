/**
 * The run a procedure names, looked up in the caller's project only: another project's run, or a guessed
 * id, is NOT_FOUND with the same words, so an id reveals nothing beyond the caller's own project.
 */
import { type Db, getRun } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

export const ZRunIdInput = z.object({ runId: z.string().min(1).max(64) });

export async function requireRun(ctx: { db: Db; projectId: string }, runId: string) {
  const run = await getRun(ctx.db, runId, ctx.projectId);
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${runId}` });
  return run;
}
