/**
 * Trained weights as JSON (ModelWeights) and back: what the browser needs to draw decision boundaries
 * without the trainer's state.
 */
import type { ActivationConfig } from "../activations/types";
import type { TrainConfig } from "../config";
import type { Standardizer } from "../data/index";
import { type LossKind, outputUnits, toProbabilities } from "../nn/losses";
import { createNetwork, type Network } from "../nn/network";
import type { ModelWeights } from "./types";

/**
 * ModelWeights plus the loss the head was trained with, which says how outputs become probabilities
 * (the shared type has no field for it; without it, one output unit means BCE, else softmax).
 */
export type SavedModel = ModelWeights & { loss?: LossKind };

export type Model = {
  readonly numClasses: number;
  /** Class probabilities [rows][numClasses] for raw (unstandardised) features x [rows][inputs]. */
  predict(x: Float32Array, rows: number): Float32Array;
};

export function activationConfigOf(config: TrainConfig): ActivationConfig {
  return { name: config.activation, ...config.activationOptions };
}

export function layerSizes(inputs: number, config: TrainConfig, numClasses: number): number[] {
  return [inputs, ...config.hiddenLayers, outputUnits(config.loss, numClasses)];
}

export function exportWeights(
  net: Network,
  activation: ActivationConfig,
  numClasses: number,
  loss: LossKind,
  standardizer: Standardizer | null,
): SavedModel {
  return {
    activation,
    numClasses,
    loss,
    standardizer: standardizer
      ? { mean: Array.from(standardizer.mean), std: Array.from(standardizer.std) }
      : null,
    layers: net.dense.map((layer, l) => {
      const range = net.activationParamRanges[l];
      return {
        inputs: layer.inputs,
        units: layer.units,
        W: Array.from(layer.W),
        b: Array.from(layer.b),
        activationParams: range ? Array.from(net.params.subarray(range[0], range[1])) : [],
      };
    }),
  };
}

/** Rows predicted per forward pass: bounds the buffers for any input size. */
const PREDICT_CHUNK = 1024;

export function modelFromWeights(w: SavedModel): Model {
  const first = w.layers[0];
  if (!first) throw new Error("model has no layers");
  const sizes = [first.inputs, ...w.layers.map((l) => l.units)];
  const net = createNetwork(sizes, w.activation, PREDICT_CHUNK);
  w.layers.forEach((layer, l) => {
    const dense = net.dense[l];
    if (!dense || layer.W.length !== dense.W.length || layer.b.length !== dense.b.length) {
      throw new Error(`layer ${l}: weights do not match its ${layer.units}×${layer.inputs} shape`);
    }
    dense.W.set(layer.W);
    dense.b.set(layer.b);
    const range = net.activationParamRanges[l];
    if (range) net.params.set(layer.activationParams, range[0]);
  });
  net.syncActivationParams();
  const units = sizes[sizes.length - 1] as number;
  const loss: LossKind = w.loss ?? (units === 1 ? "bce" : "cross_entropy");
  const inputs = first.inputs;
  const scratch = new Float32Array(PREDICT_CHUNK * inputs);
  const std = w.standardizer;

  return {
    numClasses: w.numClasses,
    predict(x, rows) {
      const probs = new Float32Array(rows * w.numClasses);
      for (let start = 0; start < rows; start += PREDICT_CHUNK) {
        const n = Math.min(PREDICT_CHUNK, rows - start);
        for (let i = 0; i < n * inputs; i++) {
          const j = i % inputs;
          const v = x[start * inputs + i] as number;
          scratch[i] = std ? (v - (std.mean[j] as number)) / (std.std[j] as number) : v;
        }
        const out = net.forward(scratch, n);
        toProbabilities(loss, out, n, w.numClasses, probs.subarray(start * w.numClasses));
      }
      return probs;
    },
  };
}
