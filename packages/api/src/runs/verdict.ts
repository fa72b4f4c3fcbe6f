/**
 * runs.verdict: the verdict over any runs of the project (the compare view's selection), trainer runs
 * and runs logged through the MLflow API alike: they group by the same params.
 */
import { readRunSetVerdictData } from "@actlab/db";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { answerVerdict, ZVerdictQuery } from "../verdict/answer";

export const ZRunSetVerdictInput = ZVerdictQuery.extend({
  runIds: z
    .array(z.string().min(1).max(64))
    .min(2, "a verdict compares at least two runs")
    .max(2000, "a verdict compares at most 2000 runs"),
});

export const runSetVerdictProcedure = projectProcedure("VIEWER")
  .input(ZRunSetVerdictInput)
  .query(async ({ ctx, input }) =>
    answerVerdict(
      await readRunSetVerdictData(ctx.db, input.runIds, ctx.projectId, input.metric),
      input,
      "these runs",
    ),
  );
