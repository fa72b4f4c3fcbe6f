/**
 * runs.weights: one epoch's trained weights (core's SavedModel), validated before they reach a browser
 * that will build a network from them: shapes chain layer to layer and every number is finite.
 */
import { HIDDEN_ACTIVATIONS, LOSSES, type SavedModel, ZActivationOptions } from "@actlab/core";
import { readCheckpointWeights } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { requireRun } from "./require-run";

export const ZRunWeightsInput = z.object({
  runId: z.string().min(1, "runId is required").max(64),
  /** An epoch, or "newest": the newest epoch that kept weights (what a live page follows). */
  epoch: z.union([z.int("epoch must be a whole number").min(0, "epoch must be ≥ 0"), z.literal("newest")], {
    error: 'epoch must be a whole number ≥ 0 or "newest"',
  }),
});

// A diverged run's weights hold NaN or ±Infinity: they fail here with that message.
const ZFinite = z.number({ error: "weights must be finite numbers (did the run diverge?)" });

const ZLayerWeights = z
  .object({
    inputs: z.int().min(1),
    units: z.int().min(1),
    W: z.array(ZFinite),
    b: z.array(ZFinite),
    activationParams: z.array(ZFinite),
  })
  .refine((l) => l.W.length === l.units * l.inputs, { message: "W does not hold units × inputs values" })
  .refine((l) => l.b.length === l.units, { message: "b does not hold one bias per unit" });

export const ZSavedModel = z
  .object({
    activation: ZActivationOptions.extend({ name: z.enum(HIDDEN_ACTIVATIONS) }),
    numClasses: z.int().min(2),
    loss: z.enum(LOSSES).optional(),
    standardizer: z
      .object({ mean: z.array(ZFinite), std: z.array(ZFinite.positive("std must be > 0")) })
      .nullable(),
    layers: z.array(ZLayerWeights).min(1, "a model needs at least one layer"),
  })
  .superRefine((m, ctx) => {
    m.layers.forEach((layer, l) => {
      const prev = m.layers[l - 1];
      if (prev && prev.units !== layer.inputs) {
        ctx.addIssue({
          code: "custom",
          path: ["layers", l, "inputs"],
          message: `layer ${l} takes ${layer.inputs} inputs but layer ${l - 1} has ${prev.units} units`,
        });
      }
    });
    const inputs = m.layers[0]?.inputs;
    if (m.standardizer && (m.standardizer.mean.length !== inputs || m.standardizer.std.length !== inputs)) {
      ctx.addIssue({
        code: "custom",
        path: ["standardizer"],
        message: "standardizer does not match the inputs",
      });
    }
  });

export function checkSavedModel(raw: SavedModel): SavedModel {
  const parsed = ZSavedModel.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new TRPCError({
    code: "UNPROCESSABLE_CONTENT",
    message: `stored weights are invalid at ${issue?.path.join(".") || "top level"}: ${issue?.message ?? ""}`,
  });
}

export const runWeightsProcedure = projectProcedure("VIEWER")
  .input(ZRunWeightsInput)
  .query(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const saved = await readCheckpointWeights(ctx.db, run.id, input.epoch).catch((err: Error) => {
      throw new TRPCError({
        code: "UNPROCESSABLE_CONTENT",
        message: `stored weights are unreadable: ${err.message}`,
      });
    });
    if (!saved) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message:
          input.epoch === "newest"
            ? `run ${run.id} has saved no weights yet`
            : `run ${run.id} saved no weights at epoch ${input.epoch}`,
      });
    }
    return { epoch: saved.epoch, step: saved.step, weights: checkSavedModel(saved.weights) };
  });
