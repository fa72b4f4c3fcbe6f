/**
 * meta.activationUsage: for every hidden activation, how many of the project's runs used it, how many
 * completed, the best final validation accuracy and the three newest runs (the gallery's run links).
 */
import { HIDDEN_ACTIVATIONS } from "@actlab/core";
import { activationUsage } from "@actlab/db";
import { projectProcedure } from "../trpc";

export const activationUsageProcedure = projectProcedure("VIEWER").query(async ({ ctx }) => {
  const used = new Map((await activationUsage(ctx.db, ctx.projectId)).map((u) => [u.activation, u]));
  // Every activation gets a row, so the gallery shows an empty state instead of guessing.
  return HIDDEN_ACTIVATIONS.map(
    (activation) =>
      used.get(activation) ?? {
        activation,
        runs: 0,
        completed: 0,
        bestValAcc: null,
        bestRunId: null,
        recent: [],
      },
  );
});
