/** One sweep with its runs and progress. */
import { getSweep } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { serializeRun } from "../runs/serialize";
import { projectProcedure } from "../trpc";
import { sweepProgress } from "./progress";

export const ZSweepIdInput = z.object({ sweepId: z.string().min(1).max(64) });

export const getSweepProcedure = projectProcedure("VIEWER")
  .input(ZSweepIdInput)
  .query(async ({ ctx, input }) => {
    const sweep = await getSweep(ctx.db, input.sweepId, ctx.projectId);
    if (!sweep) throw new TRPCError({ code: "NOT_FOUND", message: `no sweep ${input.sweepId}` });
    return {
      id: sweep.id,
      name: sweep.name,
      createdAt: sweep.createdAt,
      spec: JSON.parse(sweep.spec) as unknown,
      progress: sweepProgress(sweep.runs),
      runs: sweep.runs.map(serializeRun),
    };
  });
