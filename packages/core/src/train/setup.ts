/**
 * setUpTraining: everything a run builds once from its config and dataset (network, optimiser, random
 * streams, probe, batch buffers), and the snapshot that holds the run's changing state.
 */
import type { ActivationConfig } from "../activations/types";
import type { TrainConfig } from "../config";
import type { Dataset } from "../data/types";
import { createDiagnosticsProbe, type DiagnosticsProbe } from "../diagnostics/probe";
import { initWeights, resolveInit } from "../nn/init";
import { createNetwork, type Network } from "../nn/network";
import { createOptimizer, type Optimizer } from "../nn/optimizers";
import { createRng, type Rng } from "../rng";
import type { TrainingSnapshot } from "./checkpoint";
import { initialEarlyStopping } from "./early-stopping";
import { activationConfigOf, layerSizes } from "./model";
import { type PreparedData, prepareData } from "./prepare";

// Independent streams from the one run seed, so changing how many draws one part makes leaves the others alone.
const INIT_STREAM = 0x1b873593;
const SHUFFLE_STREAM = 0x5bd1e995;
/** Rows per evaluation pass over validation/test data (bounds the activation buffers). */
const EVAL_ROWS = 1024;

export type TrainingSetup = {
  config: TrainConfig;
  data: PreparedData;
  numClasses: number;
  outputs: number;
  activation: ActivationConfig;
  net: Network;
  optimizer: Optimizer;
  shuffleRng: Rng;
  probe: DiagnosticsProbe;
  /** The probe batch: the first rows of the (already shuffled) training part, fixed for the whole run. */
  probeX: Float32Array;
  probeY: Int32Array;
  probeRows: number;
  batchSize: number;
  batchX: Float32Array;
  batchY: Int32Array;
  stepsPerEpoch: number;
  totalSteps: number;
  /** Identifies the run shape (layer sizes, parameter count, optimiser, training data). */
  fingerprint: string;
};

export function setUpTraining(config: TrainConfig, dataset: Dataset): TrainingSetup {
  const data = prepareData(config, dataset);
  const { train, validation, test } = data;
  const numClasses = dataset.numClasses;
  const sizes = layerSizes(dataset.numFeatures, config, numClasses);
  const depth = sizes.length - 1;
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

  const stepsPerEpoch = Math.ceil(train.rows / batchSize);
  return {
    config,
    data,
    numClasses,
    outputs: sizes[depth] as number,
    activation,
    net,
    optimizer,
    shuffleRng,
    probe,
    probeX: train.features.subarray(0, probeRows * train.numFeatures),
    probeY: train.labels.subarray(0, probeRows),
    probeRows,
    batchSize,
    batchX: new Float32Array(batchSize * train.numFeatures),
    batchY: new Int32Array(batchSize),
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * config.epochs,
    fingerprint: `${sizes.join("-")}|${net.params.length}|${config.optimizer}|${train.hash}`,
  };
}

/** A fresh run's state: nothing trained yet, the epoch order not yet shuffled. */
export function initialSnapshot(setup: TrainingSetup): TrainingSnapshot {
  return {
    fingerprint: setup.fingerprint,
    step: 0,
    epoch: 0,
    stepInEpoch: 0,
    permEpoch: -1,
    lossSum: 0,
    correct: 0,
    seen: 0,
    lr: setup.config.lr,
    optimizerSteps: 0,
    rng: [],
    early: initialEarlyStopping(),
    summary: {},
    params: setup.net.params,
    optimizerState: [...setup.optimizer.state],
    perm: Int32Array.from({ length: setup.data.train.rows }, (_, i) => i),
  };
}

/** Loads a checkpoint into the run's own arrays, so a resumed run continues bit-identically. */
export function restoreSnapshot(
  setup: TrainingSetup,
  state: TrainingSnapshot,
  saved: TrainingSnapshot,
): void {
  if (saved.fingerprint !== setup.fingerprint) {
    throw new Error(
      `checkpoint is from another run shape (${saved.fingerprint}, this run is ${setup.fingerprint})`,
    );
  }
  const { net, optimizer } = setup;
  net.params.set(saved.params);
  net.syncActivationParams();
  saved.optimizerState.forEach((a, i) => {
    optimizer.state[i]?.set(a);
  });
  optimizer.t = saved.optimizerSteps;
  setup.shuffleRng.setState(Uint32Array.from(saved.rng));
  state.perm.set(saved.perm);
  Object.assign(state, {
    ...saved,
    params: net.params,
    optimizerState: state.optimizerState,
    perm: state.perm,
  });
}

/** The snapshot to write now: the live state plus the shuffle stream and optimiser step count. */
export function currentSnapshot(setup: TrainingSetup, state: TrainingSnapshot): TrainingSnapshot {
  state.rng = Array.from(setup.shuffleRng.getState());
  state.optimizerSteps = setup.optimizer.t;
  return state;
}
