/** The training loop's public shape: a generator of events, checkpointable at every yield. */

import type { ActivationConfig } from "../activations/types";
import type { Misclassified } from "./misclassified";

export type StepEvent = { type: "step"; step: number; epoch: number; loss: number };
/** After each epoch: train/loss, train/acc, val/loss, val/acc, time/epoch_s, perf/samples_per_s, lr, diag/... */
export type EpochEvent = { type: "epoch"; epoch: number; step: number; metrics: Record<string, number> };
export type EndEvent = {
  type: "end";
  reason: "completed" | "diverged" | "early_stopped";
  step: number;
  epoch: number;
  /** For diverged: what went non-finite and where ("loss is NaN at step 412"). */
  message?: string;
  /** Final metrics: best and last validation figures, epochs run, … */
  summary: Record<string, number>;
};
export type TrainEvent = StepEvent | EpochEvent | EndEvent;

/** JSON-serialisable trained weights: enough to predict in the browser (decision boundaries). */
export type ModelWeights = {
  activation: ActivationConfig;
  numClasses: number;
  /** Standardisation fitted on the training split; inputs are mapped (x - mean) / std before layer 0. */
  standardizer: { mean: number[]; std: number[] } | null;
  layers: Array<{
    inputs: number;
    units: number;
    /** Row-major [units][inputs]: z = a · Wᵀ + b. */
    W: number[];
    b: number[];
    /** Learnable activation parameters of this layer (empty on the output layer). */
    activationParams: number[];
  }>;
};

export type Training = Generator<TrainEvent, void, void> & {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** Steps and epochs completed so far. */
  position(): { step: number; epoch: number };
  /** Weights, optimiser state, RNG state and position; valid between two yields. */
  checkpoint(): Uint8Array;
  weights(): ModelWeights;
  /** The first `limit` validation rows the network gets wrong now; none without a validation split. */
  misclassified(limit: number): Misclassified[];
};
