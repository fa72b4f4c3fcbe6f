/**
 * createTraining: the training loop as a generator that yields after every step and epoch. Every piece of
 * state lives in one record so a checkpoint taken at any yield resumes bit-identically.
 */
import type { TrainConfig } from "../config";
import type { Dataset } from "../data/types";
import { createDiagnosticsProbe } from "../diagnostics/probe";
import { METRIC } from "../metrics/metric-keys";
import { addL2Gradient, clipGlobalNorm, l2Norm } from "../nn/clip";
import { initWeights, resolveInit } from "../nn/init";
import { countCorrect, lossForward } from "../nn/losses";
import { createNetwork } from "../nn/network";
import { createOptimizer } from "../nn/optimizers";
import { learningRateAt } from "../nn/schedule";
import { createRng } from "../rng";
import { decodeCheckpoint, encodeCheckpoint, type TrainingSnapshot } from "./checkpoint";
import { initialEarlyStopping, updateEarlyStopping } from "./early-stopping";
import { evaluate } from "./evaluate";
import { activationConfigOf, exportWeights, layerSizes } from "./model";
import { prepareData } from "./prepare";
import { updateSummary } from "./summary";
import type { EndEvent, EpochEvent, StepEvent, TrainEvent, Training } from "./types";

export type TrainingOptions = {
  /** Bytes from checkpoint(): continue that run exactly where it stopped. */
  resumeFrom?: Uint8Array;
  /** Wall clock in milliseconds (time/epoch_s, perf/samples_per_s); performance.now by default. */
  now?: () => number;
};

// Independent streams from the one run seed, so changing how many draws one part makes leaves the others alone.
const INIT_STREAM = 0x1b873593;
const SHUFFLE_STREAM = 0x5bd1e995;
/** Rows per evaluation pass over validation/test data (bounds the activation buffers). */
const EVAL_ROWS = 1024;

export function createTraining(
  config: TrainConfig,
  dataset: Dataset,
  options: TrainingOptions = {},
): Training {
  const now = options.now ?? (() => performance.now());
  const data = prepareData(config, dataset);
  const { train, validation, test } = data;
  const numClasses = dataset.numClasses;
  const sizes = layerSizes(dataset.numFeatures, config, numClasses);
  const depth = sizes.length - 1;
  const outputs = sizes[depth] as number;
  const activation = activationConfigOf(config);
  const batchSize = Math.min(config.batchSize, train.rows);
  const probeRows = Math.min(config.diagnostics.probeSize, train.rows);
  const evalRows = Math.min(EVAL_ROWS, Math.max(validation?.rows ?? 0, test?.rows ?? 0));
  const net = createNetwork(sizes, activation, Math.max(batchSize, probeRows, evalRows));

  const initRng = createRng((config.seed ^ INIT_STREAM) >>> 0);
  net.dense.forEach((layer, l) => {
    const scheme = resolveInit(config.init, l < depth - 1 ? config.activation : "output");
    initWeights(layer.W, layer.inputs, layer.units, scheme, initRng);
  });
  const optimizer = createOptimizer(config, net.params.length);
  const shuffleRng = createRng((config.seed ^ SHUFFLE_STREAM) >>> 0);
  const probe = createDiagnosticsProbe(net.maxRows, Math.max(...sizes.slice(1)));
  // The probe batch: the first rows of the (already shuffled) training part, fixed for the whole run.
  const probeX = train.features.subarray(0, probeRows * train.numFeatures);
  const probeY = train.labels.subarray(0, probeRows);

  const stepsPerEpoch = Math.ceil(train.rows / batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  const fingerprint = `${sizes.join("-")}|${net.params.length}|${config.optimizer}|${train.hash}`;
  const batchX = new Float32Array(batchSize * train.numFeatures);
  const batchY = new Int32Array(batchSize);

  const s: TrainingSnapshot = {
    fingerprint,
    step: 0,
    epoch: 0,
    stepInEpoch: 0,
    permEpoch: -1,
    lossSum: 0,
    correct: 0,
    seen: 0,
    lr: config.lr,
    optimizerSteps: 0,
    rng: [],
    early: initialEarlyStopping(),
    summary: {},
    params: net.params,
    optimizerState: [...optimizer.state],
    perm: Int32Array.from({ length: train.rows }, (_, i) => i),
  };
  if (options.resumeFrom) restore(decodeCheckpoint(options.resumeFrom));

  function restore(saved: TrainingSnapshot): void {
    if (saved.fingerprint !== fingerprint) {
      throw new Error(
        `checkpoint is from another run shape (${saved.fingerprint}, this run is ${fingerprint})`,
      );
    }
    net.params.set(saved.params);
    net.syncActivationParams();
    saved.optimizerState.forEach((a, i) => {
      optimizer.state[i]?.set(a);
    });
    optimizer.t = saved.optimizerSteps;
    shuffleRng.setState(Uint32Array.from(saved.rng));
    s.perm.set(saved.perm);
    Object.assign(s, {
      ...saved,
      params: net.params,
      optimizerState: s.optimizerState,
      perm: s.perm,
    });
  }

  /** One optimiser step on rows [start, start + rows) of the epoch order; returns the batch's mean loss. */
  function trainStep(start: number, rows: number, lr: number): number {
    const d = train.numFeatures;
    const features = train.features;
    // An element loop, not set(subarray(...)): a view per row would allocate on every step.
    for (let r = 0; r < rows; r++) {
      const row = s.perm[start + r] as number;
      const from = row * d;
      const to = r * d;
      for (let j = 0; j < d; j++) batchX[to + j] = features[from + j] as number;
      batchY[r] = train.labels[row] as number;
    }
    const out = net.forward(batchX, rows);
    const loss = lossForward(config.loss, out, batchY, 0, rows, outputs, net.dOut);
    s.correct += countCorrect(out, batchY, 0, rows, outputs);
    s.lossSum += loss * rows;
    s.seen += rows;
    net.backward(batchX, rows);
    if (config.l2 > 0) addL2Gradient(net.params, net.grads, net.weightRanges, config.l2);
    if (config.clipNorm !== null) clipGlobalNorm(net.grads, config.clipNorm);
    optimizer.step(net.params, net.grads, lr);
    net.syncActivationParams();
    return loss;
  }

  /** The epoch's metrics except the timings (evaluation is part of the epoch's time). */
  function epochMetrics(): Record<string, number> {
    const metrics: Record<string, number> = {
      [METRIC.trainLoss]: s.lossSum / s.seen,
      [METRIC.trainAcc]: s.correct / s.seen,
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
    metrics[METRIC.lr] = s.lr;
    if (s.epoch % config.diagnostics.everyEpochs === 0) {
      Object.assign(metrics, probe.measure(net, config.loss, probeX, probeY, probeRows));
    }
    return metrics;
  }

  const end = (reason: EndEvent["reason"], message?: string): EndEvent => ({
    type: "end",
    reason,
    step: s.step,
    epoch: s.epoch,
    ...(message ? { message } : {}),
    summary: { ...s.summary, epochs_run: s.epoch, steps: s.step },
  });

  function* run(): Generator<TrainEvent, void, void> {
    const rule = config.earlyStopping;
    // Time spent in the trainer this epoch; the caller's time between yields is not counted.
    let busy = 0;
    let since = now();
    while (s.epoch < config.epochs) {
      // Checked from the saved state, not a local flag, so a run resumed right after that epoch stops too.
      if (rule && s.early.badEpochs >= rule.patience) {
        yield end("early_stopped", `no improvement in ${rule.metric} for ${rule.patience} epochs`);
        return;
      }
      if (s.permEpoch !== s.epoch) {
        busy = 0;
        since = now();
        shuffleRng.shuffle(s.perm);
        s.permEpoch = s.epoch;
        s.lossSum = 0;
        s.correct = 0;
        s.seen = 0;
      }
      while (s.stepInEpoch < stepsPerEpoch) {
        const start = s.stepInEpoch * batchSize;
        const rows = Math.min(batchSize, train.rows - start);
        s.lr = learningRateAt(config, s.epoch, s.stepInEpoch, stepsPerEpoch);
        const loss = trainStep(start, rows, s.lr);
        s.stepInEpoch++;
        s.step++;
        if (!Number.isFinite(loss)) {
          yield end("diverged", `loss is ${loss} at step ${s.step}`);
          return;
        }
        const event: StepEvent = { type: "step", step: s.step, epoch: s.epoch + 1, loss };
        busy += now() - since;
        yield event;
        since = now();
      }
      s.epoch++;
      s.stepInEpoch = 0;
      // The loss is checked every step; a weight can still overflow on the last update of an epoch.
      if (!Number.isFinite(l2Norm(net.params))) {
        yield end("diverged", `weights are not finite after step ${s.step}`);
        return;
      }
      const metrics = epochMetrics();
      const epochSeconds = (busy + now() - since) / 1000;
      metrics[METRIC.epochSeconds] = epochSeconds;
      metrics[METRIC.samplesPerSec] = epochSeconds > 0 ? s.seen / epochSeconds : 0;
      updateSummary(s.summary, metrics, s.epoch, s.step);
      const watched = rule ? metrics[rule.metric] : undefined;
      // Without a validation split there is nothing to watch, so early stopping never triggers.
      if (rule && watched !== undefined) updateEarlyStopping(rule, s.early, watched, s.epoch);
      const event: EpochEvent = { type: "epoch", epoch: s.epoch, step: s.step, metrics };
      yield event;
      since = now();
    }
    yield end("completed");
  }

  const generator = run();
  return Object.assign(generator, {
    stepsPerEpoch,
    totalSteps,
    position: () => ({ step: s.step, epoch: s.epoch }),
    checkpoint: () => {
      s.rng = Array.from(shuffleRng.getState());
      s.optimizerSteps = optimizer.t;
      return encodeCheckpoint(s);
    },
    weights: () => exportWeights(net, activation, numClasses, config.loss, data.standardizer),
  });
}
