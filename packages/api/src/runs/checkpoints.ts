/** runs.checkpoints: the epochs of a run whose weights were saved, for the run page's epoch slider. */
import { getRun, listCheckpointEpochs } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { projectProcedure } from "../trpc";
import { ZRunIdInput } from "./get";

export const runCheckpointsProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .query(async ({ ctx, input }) => {
    const run = await getRun(ctx.db, input.runId, ctx.projectId);
    if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${input.runId}` });
    return { runId: run.id, epochs: await listCheckpointEpochs(ctx.db, run.id) };
  });
