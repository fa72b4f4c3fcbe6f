/** Sweep presets the UI launches in two clicks. */
import type { HIDDEN_ACTIVATIONS } from "../activations/names";
import { type DatasetSpec, datasetLabel } from "../config";
import type { SweepSpecInput } from "./spec";

/**
 * The activations a comparison covers by default: every classic one, step and linear included (they
 * show what a network without a gradient, or without a non-linearity, cannot learn), and the modern
 * smooth ones.
 */
export const COMPARISON_ACTIVATIONS = [
  "step",
  "linear",
  "sigmoid",
  "tanh",
  "relu",
  "leaky_relu",
  "prelu",
  "elu",
  "swish",
  "gelu",
  "mish",
] as const satisfies readonly (typeof HIDDEN_ACTIVATIONS)[number][];

export function everyActivationPreset(dataset: DatasetSpec, seeds = 3): SweepSpecInput {
  return {
    name: `every activation on ${datasetLabel(dataset)}, ${seeds} seeds`,
    base: {
      dataset,
      hiddenLayers: [16, 16],
      activation: "relu",
      optimizer: "adam",
      lr: 0.01,
      epochs: 60,
      batchSize: 32,
    },
    axes: { activation: [...COMPARISON_ACTIVATIONS] },
    seeds,
    search: { kind: "grid" },
  };
}
