/**
 * Replays K training steps of a given MLP on given batches with the trainer's own network, loss and
 * optimiser code, and reports losses, step-0 gradients and final parameters.
 */
import { ZActivationOptions } from "../../src/config";
import { l2Norm } from "../../src/nn/clip";
import { lossForward } from "../../src/nn/losses";
import { createNetwork } from "../../src/nn/network";
import { createOptimizer } from "../../src/nn/optimizers";
import type { ReplayActivation, ReplayData, ReplayWeights } from "./schema";

/** PyTorch's PReLU default, used when a prelu layer gives no alpha. */
const DEFAULT_ALPHA = 0.25;

export type LayerValues = { W: number[][]; b: number[]; alpha?: number | number[] };
export type LayerNorms = { W: number; b: number; alpha?: number };
export type ReplayResult = {
  losses: number[];
  grads_step0: LayerValues[];
  grad_norms_step0: LayerNorms[];
  final: LayerValues[];
};

export type ReplayOptions = { steps: number; lr: number; optimizer: "sgd" | "adam"; act: ReplayActivation };

export function replay(weights: ReplayWeights, data: ReplayData, opts: ReplayOptions): ReplayResult {
  const layers = weights.layers;
  const sizes = [layers[0]?.W[0]?.length ?? 0, ...layers.map((l) => l.W.length)];
  const perUnit = layers.some((l) => Array.isArray(l.alpha));
  const activation = {
    ...ZActivationOptions.parse({}),
    name: opts.act,
    preluMode: perUnit ? ("unit" as const) : ("layer" as const),
  };
  const maxRows = Math.max(...data.batches.map((b) => b.y.length));
  const net = createNetwork(sizes, activation, maxRows);
  layers.forEach((layer, l) => {
    const dense = net.dense[l];
    if (!dense) return;
    dense.W.set(layer.W.flat());
    dense.b.set(layer.b);
    const range = net.activationParamRanges[l];
    if (range && range[1] > range[0]) {
      const alpha = layer.alpha ?? DEFAULT_ALPHA;
      net.params.fill(0, range[0], range[1]);
      if (Array.isArray(alpha)) net.params.set(alpha, range[0]);
      else net.params.fill(alpha, range[0], range[1]);
    }
  });
  net.syncActivationParams();

  // The trainer's optimiser with PyTorch's defaults (no momentum or weight decay).
  const optimizer = createOptimizer(
    { optimizer: opts.optimizer, momentum: 0, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    net.params.length,
  );
  const batches = data.batches.map((b) => ({
    x: Float32Array.from(b.x.flat()),
    y: Int32Array.from(b.y),
    rows: b.y.length,
  }));
  const outputs = sizes[sizes.length - 1] as number;

  /** The layers' values in the input's layout, read from a flat vector (parameters or gradients). */
  const read = (flat: Float32Array): LayerValues[] =>
    net.dense.map((dense, l) => {
      const start = dense.W.byteOffset / 4 - net.params.byteOffset / 4;
      const W: number[][] = [];
      for (let j = 0; j < dense.units; j++) {
        W.push(Array.from(flat.subarray(start + j * dense.inputs, start + (j + 1) * dense.inputs)));
      }
      const bStart = start + dense.units * dense.inputs;
      const values: LayerValues = { W, b: Array.from(flat.subarray(bStart, bStart + dense.units)) };
      const range = net.activationParamRanges[l];
      if (range && range[1] > range[0]) {
        const alpha = Array.from(flat.subarray(range[0], range[1]));
        values.alpha = perUnit ? alpha : (alpha[0] as number);
      }
      return values;
    });

  const result: ReplayResult = { losses: [], grads_step0: [], grad_norms_step0: [], final: [] };
  for (let k = 0; k < opts.steps; k++) {
    const batch = batches[k % batches.length];
    if (!batch) break;
    const out = net.forward(batch.x, batch.rows);
    result.losses.push(lossForward("cross_entropy", out, batch.y, 0, batch.rows, outputs, net.dOut));
    net.backward(batch.x, batch.rows);
    if (k === 0) {
      result.grads_step0 = read(net.grads);
      result.grad_norms_step0 = net.dense.map((dense, l) => {
        const norms: LayerNorms = { W: l2Norm(dense.dW), b: l2Norm(dense.db) };
        const range = net.activationParamRanges[l];
        if (range && range[1] > range[0]) norms.alpha = l2Norm(net.grads, range[0], range[1]);
        return norms;
      });
    }
    optimizer.step(net.params, net.grads, opts.lr);
    net.syncActivationParams();
  }
  result.final = read(net.params);
  return result;
}
