/** One run with its metric series and log lines. */
import { listRunLogs, queryRunSeries } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { requireRun, ZRunIdInput } from "./require-run";
import { serializeRun } from "./serialize";

export const getRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const logs = await listRunLogs(ctx.db, run.id);
    return {
      run: serializeRun(run),
      series: await queryRunSeries(ctx.db, run.id),
      logs: logs.map((l) => ({ at: l.at, level: l.level, text: l.text })),
    };
  });
