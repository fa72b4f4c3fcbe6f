/**
 * runs.misclassified: the validation images a run's network got wrong at an epoch (or the newest epoch that
 * kept any), with their predicted and true classes. Stored by the worker for image data only.
 */
import { readCheckpointMisclassified } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { requireRun } from "./require-run";
import { ZRunWeightsInput } from "./weights";

const ZStoredMisclassified = z
  .object({
    image: z.object({ width: z.int().min(1), height: z.int().min(1) }),
    classNames: z.array(z.string()),
    samples: z.array(
      z.object({
        row: z.int().min(0),
        predicted: z.int().min(0),
        actual: z.int().min(0),
        features: z.array(z.number()),
      }),
    ),
  })
  .superRefine((m, ctx) => {
    m.samples.forEach((s, i) => {
      if (s.features.length !== m.image.width * m.image.height)
        ctx.addIssue({ code: "custom", path: ["samples", i], message: "a sample does not fill its picture" });
      if (s.predicted >= m.classNames.length || s.actual >= m.classNames.length)
        ctx.addIssue({ code: "custom", path: ["samples", i], message: "a sample names an unknown class" });
    });
  });

export const runMisclassifiedProcedure = projectProcedure("VIEWER")
  .input(ZRunWeightsInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const stored = await readCheckpointMisclassified(ctx.db, run.id, input.epoch);
    if (!stored) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message:
          input.epoch === "newest"
            ? `run ${run.id} has kept no misclassified images yet`
            : `run ${run.id} kept no misclassified images at epoch ${input.epoch}`,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(stored.json);
    } catch {
      json = null;
    }
    const parsed = ZStoredMisclassified.safeParse(json);
    if (!parsed.success)
      throw new TRPCError({
        code: "UNPROCESSABLE_CONTENT",
        message: "the stored misclassified images are unreadable",
      });
    const { image, classNames, samples } = parsed.data;
    return {
      epoch: stored.epoch,
      image,
      samples: samples.map((s) => ({
        row: s.row,
        predicted: classNames[s.predicted] as string,
        actual: classNames[s.actual] as string,
        pixels: s.features,
      })),
    };
  });
