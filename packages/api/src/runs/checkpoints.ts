/** runs.checkpoints: the epochs of a run whose weights were saved, for the run page's epoch slider. */
import { listCheckpointEpochs } from "@actlab/db";
import { projectProcedure } from "../trpc";
import { requireRun, ZRunIdInput } from "./require-run";

export const runCheckpointsProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    return { runId: run.id, epochs: await listCheckpointEpochs(ctx.db, run.id) };
  });
