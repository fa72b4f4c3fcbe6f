/**
 * Output heads and their losses over a batch of raw outputs `out` [rows][units]:
 * softmax cross-entropy, binary cross-entropy on sigmoid units, and MSE between softmax and one-hot.
 */
import type { LOSSES } from "../config";

export type LossKind = (typeof LOSSES)[number];

/**
 * Output units per loss. BCE on two classes uses one sigmoid unit (p = P(class 1)); on more classes
 * it uses one sigmoid per class against the one-hot target (multi-label style), the loss summed over classes.
 */
export function outputUnits(loss: LossKind, numClasses: number): number {
  return loss === "bce" && numClasses === 2 ? 1 : numClasses;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Mean loss over the batch; when dOut is given, writes d(mean loss)/d out into it.
 * Labels are read from labels[labelOffset + r].
 */
export function lossForward(
  loss: LossKind,
  out: Float32Array,
  labels: Int32Array,
  labelOffset: number,
  rows: number,
  units: number,
  dOut: Float32Array | null,
): number {
  let total = 0;
  const invRows = 1 / rows;
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    const y = labels[labelOffset + r] as number;
    if (loss === "bce") {
      for (let j = 0; j < units; j++) {
        const z = out[o + j] as number;
        const t = units === 1 ? y : j === y ? 1 : 0;
        // -[t log σ(z) + (1-t) log(1-σ(z))] = softplus(z) - t z, stable for large |z|.
        total += softplus(z) - t * z;
        if (dOut) dOut[o + j] = (1 / (1 + Math.exp(-z)) - t) * invRows;
      }
      continue;
    }
    // Softmax with the row max subtracted so exp never overflows.
    let max = -Infinity;
    for (let j = 0; j < units; j++) max = Math.max(max, out[o + j] as number);
    let sum = 0;
    for (let j = 0; j < units; j++) {
      const e = Math.exp((out[o + j] as number) - max);
      // Parks e^(z-max) in dOut so the gradient below needs no second exp.
      if (dOut) dOut[o + j] = e;
      sum += e;
    }
    const logSum = Math.log(sum) + max;
    if (loss === "cross_entropy") {
      total += logSum - (out[o + y] as number);
      if (dOut) {
        const scale = invRows / sum;
        for (let j = 0; j < units; j++) {
          const g = (dOut[o + j] as number) * scale;
          dOut[o + j] = j === y ? g - invRows : g;
        }
      }
      continue;
    }
    // MSE, PyTorch's mean over all rows × units: L = Σ (p - t)² / (rows·units).
    // Through the softmax: dL/dz_j = p_j (g_j - Σ_k p_k g_k), g = 2 (p - t) / (rows·units).
    let dot = 0;
    for (let j = 0; j < units; j++) {
      const p = Math.exp((out[o + j] as number) - logSum);
      const d = p - (j === y ? 1 : 0);
      total += (d * d) / units;
      dot += p * d;
    }
    if (dOut) {
      const scale = (2 * invRows) / units;
      for (let j = 0; j < units; j++) {
        const p = Math.exp((out[o + j] as number) - logSum);
        dOut[o + j] = p * (p - (j === y ? 1 : 0) - dot) * scale;
      }
    }
  }
  return total * invRows;
}

/** The predicted class of one row: argmax of the outputs (sigmoid and softmax are monotonic). */
export function predictRow(out: Float32Array, o: number, units: number): number {
  if (units === 1) return (out[o] as number) > 0 ? 1 : 0;
  let best = 0;
  let bestValue = out[o] as number;
  for (let j = 1; j < units; j++) {
    const v = out[o + j] as number;
    if (v > bestValue) {
      bestValue = v;
      best = j;
    }
  }
  return best;
}

/** How many rows the outputs classify correctly. */
export function countCorrect(
  out: Float32Array,
  labels: Int32Array,
  labelOffset: number,
  rows: number,
  units: number,
): number {
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    if (predictRow(out, r * units, units) === labels[labelOffset + r]) correct++;
  }
  return correct;
}

/**
 * Class probabilities [rows][numClasses] from raw outputs: softmax for cross-entropy and MSE;
 * for BCE, [1-σ, σ] on one unit, or the per-class sigmoids normalised to sum to 1.
 */
export function toProbabilities(
  loss: LossKind,
  out: Float32Array,
  rows: number,
  numClasses: number,
  probs: Float32Array,
): void {
  const units = outputUnits(loss, numClasses);
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    const q = r * numClasses;
    if (loss === "bce" && units === 1) {
      const p = 1 / (1 + Math.exp(-(out[o] as number)));
      probs[q] = 1 - p;
      probs[q + 1] = p;
      continue;
    }
    let max = -Infinity;
    if (loss !== "bce") for (let j = 0; j < units; j++) max = Math.max(max, out[o + j] as number);
    let sum = 0;
    for (let j = 0; j < units; j++) {
      const z = out[o + j] as number;
      const v = loss === "bce" ? 1 / (1 + Math.exp(-z)) : Math.exp(z - max);
      probs[q + j] = v;
      sum += v;
    }
    for (let j = 0; j < units; j++) probs[q + j] = (probs[q + j] as number) / sum;
  }
}
