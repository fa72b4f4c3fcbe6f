/** The two pieces of work in the training loop: one optimiser step on a batch, and an epoch's metrics. */

import { METRIC } from "../metrics/metric-keys";
import { addL2Gradient, clipGlobalNorm } from "../nn/clip";
import { NATIVE_PASS_MIN_ELEMENTS } from "../nn/dense";
import { pluggedDensePasses } from "../nn/gemm";
import { countCorrect, lossForward } from "../nn/losses";
import type { TrainingSnapshot } from "./checkpoint";
import { evaluate } from "./evaluate";
import type { TrainingSetup } from "./setup";

/** One optimiser step on rows [start, start + rows) of the epoch order; returns the batch's mean loss. */
export function trainStep(
  setup: TrainingSetup,
  state: TrainingSnapshot,
  start: number,
  rows: number,
  lr: number,
): number {
  const { config, net, optimizer, batchX, batchY } = setup;
  const { train } = setup.data;
  const d = train.numFeatures;
  const features = train.features;
  for (let r = 0; r < rows; r++) batchY[r] = train.labels[state.perm[start + r] as number] as number;
  const native = rows * d >= NATIVE_PASS_MIN_ELEMENTS ? pluggedDensePasses() : null;
  if (native) native.gatherRows(features, d, state.perm, start, rows, batchX);
  else {
    // An element loop, not set(subarray(...)): a view per row would allocate on every step.
    for (let r = 0; r < rows; r++) {
      const from = (state.perm[start + r] as number) * d;
      const to = r * d;
      for (let j = 0; j < d; j++) batchX[to + j] = features[from + j] as number;
    }
  }
  const out = net.forward(batchX, rows);
  const loss = lossForward(config.loss, out, batchY, 0, rows, setup.outputs, net.dOut);
  state.correct += countCorrect(out, batchY, 0, rows, setup.outputs);
  state.lossSum += loss * rows;
  state.seen += rows;
  net.backward(batchX, rows);
  if (config.l2 > 0) addL2Gradient(net.params, net.grads, net.weightRanges, config.l2);
  if (config.clipNorm !== null) clipGlobalNorm(net.grads, config.clipNorm);
  optimizer.step(net.params, net.grads, lr);
  net.syncActivationParams();
  return loss;
}

/** The epoch's metrics except the timings (evaluation is part of the epoch's time). */
export function epochMetrics(setup: TrainingSetup, state: TrainingSnapshot): Record<string, number> {
  const { config, net } = setup;
  const { validation, test } = setup.data;
  const metrics: Record<string, number> = {
    [METRIC.trainLoss]: state.lossSum / state.seen,
    [METRIC.trainAcc]: state.correct / state.seen,
  };
  if (validation) {
    const v = evaluate(net, config.loss, validation);
    metrics[METRIC.valLoss] = v.loss;
    metrics[METRIC.valAcc] = v.acc;
  }
  if (test) {
    const t = evaluate(net, config.loss, test);
    metrics[METRIC.testLoss] = t.loss;
    metrics[METRIC.testAcc] = t.acc;
  }
  metrics[METRIC.lr] = state.lr;
  if (state.epoch % config.diagnostics.everyEpochs === 0) {
    Object.assign(
      metrics,
      setup.probe.measure(net, config.loss, setup.probeX, setup.probeY, setup.probeRows),
    );
  }
  return metrics;
}
