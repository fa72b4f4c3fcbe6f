/** sweeps.verdict: the verdict over a sweep's runs. */
import { readVerdictData } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { answerVerdict, ZVerdictQuery } from "../verdict/answer";

export const ZSweepVerdictInput = ZVerdictQuery.extend({
  sweepId: z.string().min(1, "sweepId is required").max(64),
});

export const verdictProcedure = projectProcedure("VIEWER")
  .input(ZSweepVerdictInput)
  .query(async ({ ctx, input }) => {
    const data = await readVerdictData(ctx.db, input.sweepId, ctx.projectId, input.metric);
    if (!data) throw new TRPCError({ code: "NOT_FOUND", message: `no sweep ${input.sweepId}` });
    return answerVerdict(data, input, "this sweep's runs");
  });
