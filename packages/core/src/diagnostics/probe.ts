/**
 * Per-layer health of a network on a fixed probe batch: gradient and weight norms, activation
 * statistics, dead and saturated units, learned activation parameters, and the vanishing-gradient ratio.
 */
import { DIAG_STAT, diagKey, diagLayerName, METRIC } from "../metrics/metric-keys";
import { l2Norm } from "../nn/clip";
import { type LossKind, lossForward } from "../nn/losses";
import type { Network } from "../nn/network";

/** A unit counts as saturated when |f′| is below this on ≥ SATURATED_SHARE of the probe samples. */
export const SATURATION_THRESHOLD = 1e-3;
export const SATURATED_SHARE = 0.99;

export type DiagnosticsProbe = {
  /** Runs forward and backward on the probe batch (overwriting the network's gradients) and measures. */
  measure(
    net: Network,
    loss: LossKind,
    x: Float32Array,
    labels: Int32Array,
    rows: number,
  ): Record<string, number>;
};

function meanAndStd(v: Float32Array, n: number): [number, number] {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i] as number;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += ((v[i] as number) - mean) ** 2;
  return [mean, Math.sqrt(sq / n)];
}

/** Learned parameters per name: per-unit ones ("alpha/3") are averaged under their base name. */
function learnedParameters(
  names: readonly string[],
  values: Float32Array,
  layer: string,
  into: Record<string, number>,
) {
  const sums = new Map<string, { sum: number; count: number }>();
  names.forEach((name, i) => {
    const base = /\/\d+$/.test(name) ? name.replace(/\/\d+$/, "") : name;
    const entry = sums.get(base) ?? { sum: 0, count: 0 };
    entry.sum += values[i] as number;
    entry.count++;
    sums.set(base, entry);
  });
  for (const [base, { sum, count }] of sums) into[diagKey(layer, base)] = sum / count;
}

export function createDiagnosticsProbe(maxRows: number, widest: number): DiagnosticsProbe {
  const derivative = new Float32Array(maxRows * widest);
  return {
    measure(net, loss, x, labels, rows) {
      const depth = net.dense.length;
      const units = net.sizes[depth] as number;
      const out = net.forward(x, rows);
      lossForward(loss, out, labels, 0, rows, units, net.dOut);
      net.backward(x, rows);

      const metrics: Record<string, number> = {};
      for (let l = 0; l < depth; l++) {
        const dense = net.dense[l];
        if (!dense) continue;
        const layer = diagLayerName(l, depth);
        metrics[diagKey(layer, DIAG_STAT.gradNorm)] = l2Norm(dense.dW);
        metrics[diagKey(layer, DIAG_STAT.weightNorm)] = l2Norm(dense.W);
        const act = net.activations[l];
        const a = l === depth - 1 ? out : (net.a[l] as Float32Array);
        // The output layer's "activation" statistics are those of its raw outputs (logits).
        const [mean, std] = meanAndStd(a, rows * dense.units);
        metrics[diagKey(layer, DIAG_STAT.actMean)] = mean;
        metrics[diagKey(layer, DIAG_STAT.actStd)] = std;
        if (!act) continue;

        act.derivative(net.z[l] as Float32Array, a, derivative, rows);
        let dead = 0;
        let saturated = 0;
        for (let j = 0; j < dense.units; j++) {
          let zero = 0;
          let flat = 0;
          for (let r = 0; r < rows; r++) {
            const d = Math.abs(derivative[r * dense.units + j] as number);
            if (d === 0) zero++;
            if (d < SATURATION_THRESHOLD) flat++;
          }
          // Dead: the derivative is exactly 0 on every probe sample, so no gradient reaches the unit.
          if (zero === rows) dead++;
          if (flat >= SATURATED_SHARE * rows) saturated++;
        }
        metrics[diagKey(layer, DIAG_STAT.deadFrac)] = dead / dense.units;
        metrics[diagKey(layer, DIAG_STAT.satFrac)] = saturated / dense.units;
        learnedParameters(act.paramNames, act.params, layer, metrics);
      }
      const outNorm = metrics[diagKey("out", DIAG_STAT.gradNorm)];
      const first = metrics[diagKey("l1", DIAG_STAT.gradNorm)] ?? outNorm ?? 0;
      const last = outNorm ?? 0;
      // First-layer over last-layer gradient norm: ≪ 1 means gradients vanish on their way down.
      metrics[METRIC.gradRatio] = last > 0 ? first / last : 0;
      return metrics;
    },
  };
}
