/** One sweep with its runs and progress. */
import { serializeRun } from "../runs/serialize";
import { projectProcedure } from "../trpc";
import { sweepProgress } from "./progress";
import { requireSweep, ZSweepIdInput } from "./require-sweep";

export const getSweepProcedure = projectProcedure("VIEWER")
  .input(ZSweepIdInput)
  .query(async ({ ctx, input }) => {
    const sweep = await requireSweep(ctx, input.sweepId);
    return {
      id: sweep.id,
      name: sweep.name,
      createdAt: sweep.createdAt,
      spec: JSON.parse(sweep.spec) as unknown,
      progress: sweepProgress(sweep.runs),
      runs: sweep.runs.map(serializeRun),
    };
  });
