/**
 * createTraining: the training loop as a generator that yields after every step and epoch. Every piece of
 * state lives in one snapshot so a checkpoint taken at any yield resumes bit-identically.
 */
import type { TrainConfig } from "../config";
import type { Dataset } from "../data/types";
import { METRIC } from "../metrics/metric-keys";
import { l2Norm } from "../nn/clip";
import { learningRateAt } from "../nn/schedule";
import { decodeCheckpoint, encodeCheckpoint, type TrainingSnapshot } from "./checkpoint";
import { updateEarlyStopping } from "./early-stopping";
import { firstMisclassified } from "./misclassified";
import { exportWeights } from "./model";
import {
  currentSnapshot,
  initialSnapshot,
  restoreSnapshot,
  setUpTraining,
  type TrainingSetup,
} from "./setup";
import { epochMetrics, trainStep } from "./step";
import { updateSummary } from "./summary";
import type { EndEvent, EpochEvent, StepEvent, TrainEvent, Training } from "./types";

export type TrainingOptions = {
  /** Bytes from checkpoint(): continue that run exactly where it stopped. */
  resumeFrom?: Uint8Array;
  /** Wall clock in milliseconds (time/epoch_s, perf/samples_per_s); performance.now by default. */
  now?: () => number;
};

export function createTraining(
  config: TrainConfig,
  dataset: Dataset,
  options: TrainingOptions = {},
): Training {
  const setup = setUpTraining(config, dataset);
  const state = initialSnapshot(setup);
  if (options.resumeFrom) restoreSnapshot(setup, state, decodeCheckpoint(options.resumeFrom));
  const generator = runEpochs(setup, state, options.now ?? (() => performance.now()));
  return Object.assign(generator, {
    stepsPerEpoch: setup.stepsPerEpoch,
    totalSteps: setup.totalSteps,
    position: () => ({ step: state.step, epoch: state.epoch }),
    checkpoint: () => encodeCheckpoint(currentSnapshot(setup, state)),
    weights: () =>
      exportWeights(setup.net, setup.activation, setup.numClasses, config.loss, setup.data.standardizer),
    misclassified: (limit: number) =>
      firstMisclassified(setup.net, setup.data.validation, setup.data.standardizer, limit),
  });
}

function endEvent(state: TrainingSnapshot, reason: EndEvent["reason"], message?: string): EndEvent {
  return {
    type: "end",
    reason,
    step: state.step,
    epoch: state.epoch,
    ...(message ? { message } : {}),
    summary: { ...state.summary, epochs_run: state.epoch, steps: state.step },
  };
}

/** A new epoch's order and running sums; skipped when a resumed run is mid-epoch. */
function startEpoch(setup: TrainingSetup, state: TrainingSnapshot): void {
  setup.shuffleRng.shuffle(state.perm);
  state.permEpoch = state.epoch;
  state.lossSum = 0;
  state.correct = 0;
  state.seen = 0;
}

/**
 * An epoch's event: its metrics and timings, with the summary and early-stopping state brought up to date.
 * `seconds` is read after evaluation, which counts as part of the epoch's time.
 */
function finishEpoch(setup: TrainingSetup, state: TrainingSnapshot, seconds: () => number): EpochEvent {
  const rule = setup.config.earlyStopping;
  const metrics = epochMetrics(setup, state);
  const epochSeconds = seconds();
  metrics[METRIC.epochSeconds] = epochSeconds;
  metrics[METRIC.samplesPerSec] = epochSeconds > 0 ? state.seen / epochSeconds : 0;
  updateSummary(state.summary, metrics, state.epoch, state.step);
  const watched = rule ? metrics[rule.metric] : undefined;
  // Without a validation split there is nothing to watch, so early stopping never triggers.
  if (rule && watched !== undefined) updateEarlyStopping(rule, state.early, watched, state.epoch);
  return { type: "epoch", epoch: state.epoch, step: state.step, metrics };
}

/** The epochs and their steps, yielding an event after each; `now` times only the trainer's own work. */
function* runEpochs(
  setup: TrainingSetup,
  state: TrainingSnapshot,
  now: () => number,
): Generator<TrainEvent, void, void> {
  const { config, stepsPerEpoch, batchSize } = setup;
  const trainRows = setup.data.train.rows;
  const rule = config.earlyStopping;
  // Time spent in the trainer this epoch; the caller's time between yields is not counted.
  let busy = 0;
  let since = now();
  while (state.epoch < config.epochs) {
    // Checked from the saved state, not a local flag, so a run resumed right after that epoch stops too.
    if (rule && state.early.badEpochs >= rule.patience) {
      yield endEvent(state, "early_stopped", `no improvement in ${rule.metric} for ${rule.patience} epochs`);
      return;
    }
    if (state.permEpoch !== state.epoch) {
      busy = 0;
      since = now();
      startEpoch(setup, state);
    }
    while (state.stepInEpoch < stepsPerEpoch) {
      const start = state.stepInEpoch * batchSize;
      const rows = Math.min(batchSize, trainRows - start);
      state.lr = learningRateAt(config, state.epoch, state.stepInEpoch, stepsPerEpoch);
      const loss = trainStep(setup, state, start, rows, state.lr);
      state.stepInEpoch++;
      state.step++;
      if (!Number.isFinite(loss)) {
        yield endEvent(state, "diverged", `loss is ${loss} at step ${state.step}`);
        return;
      }
      const event: StepEvent = { type: "step", step: state.step, epoch: state.epoch + 1, loss };
      busy += now() - since;
      yield event;
      since = now();
    }
    state.epoch++;
    state.stepInEpoch = 0;
    // The loss is checked every step; a weight can still overflow on the last update of an epoch.
    if (!Number.isFinite(l2Norm(setup.net.params))) {
      yield endEvent(state, "diverged", `weights are not finite after step ${state.step}`);
      return;
    }
    yield finishEpoch(setup, state, () => (busy + now() - since) / 1000);
    since = now();
  }
  yield endEvent(state, "completed");
}
