/** The sweep a procedure names, with its runs, looked up in the caller's project only (else NOT_FOUND). */
import { type Db, getSweep } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

export const ZSweepIdInput = z.object({ sweepId: z.string().min(1).max(64) });

export async function requireSweep(ctx: { db: Db; projectId: string }, sweepId: string) {
  const sweep = await getSweep(ctx.db, sweepId, ctx.projectId);
  if (!sweep) throw new TRPCError({ code: "NOT_FOUND", message: `no sweep ${sweepId}` });
  return sweep;
}
