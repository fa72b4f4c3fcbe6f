/** One run with its metric series and log lines. */
import { getRun, listRunLogs, queryRunSeries } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { serializeRun } from "./serialize";

export const ZRunIdInput = z.object({ runId: z.string().min(1).max(64) });

export const getRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await getRun(ctx.db, input.runId, ctx.projectId);
    if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${input.runId}` });
    const logs = await listRunLogs(ctx.db, run.id);
    return {
      run: serializeRun(run),
      series: queryRunSeries(ctx.db, run.id),
      logs: logs.map((l) => ({ at: l.at, level: l.level, text: l.text })),
    };
  });
