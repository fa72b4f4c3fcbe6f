/**
 * What one run and one sweep may cost, checked before anything is stored. The schema bounds each field
 * alone; a budget bounds their product (12 layers × 4096 units is valid field by field yet needs 10 GB).
 * Pure, so the form shows the same refusal the API gives.
 */
import type { DatasetSpec, TrainConfig } from "./config";
import { MULTICLASS_GENERATORS } from "./data/generators";
import { BUILTIN_SHAPES } from "./data/names";
import { layerSizes } from "./train/model";

export type Budgets = {
  /** Weights and biases of one network. */
  maxParams: number;
  /** Optimiser steps of one run: epochs × ceil(training rows / batch size). */
  maxSteps: number;
  /** Metric points one run writes (estimated from the logging period, epochs and diagnostics). */
  maxMetricPoints: number;
  /** Runs one sweep expands to. */
  maxSweepRuns: number;
  /** QUEUED + RUNNING runs of one workspace. */
  maxOpenRuns: number;
};

// A 784-512-512-10 MNIST net is 669,706 parameters and 875 steps an epoch at batch 64.
export const BUDGETS: Readonly<Budgets> = Object.freeze({
  maxParams: 20_000_000,
  maxSteps: 2_000_000,
  maxMetricPoints: 500_000,
  maxSweepRuns: 500,
  maxOpenRuns: 1000,
});

export type BudgetLimit = keyof Budgets;
export type BudgetViolation = { limit: BudgetLimit; value: number; max: number; message: string };
export type DatasetSize = { rows: number; features: number; classes: number };

// Per epoch: train/loss, train/acc, lr, epoch, time/epoch_s, perf/samples_per_s and the worker's sys/* figures.
const EPOCH_KEYS = 12;
// Per layer and diagnosed epoch: grad_norm, weight_norm, act_mean, act_std, dead_frac, sat_frac.
const DIAG_KEYS_PER_LAYER = 6;

const count = (n: number) => n.toLocaleString("en-US");

/** Rows, features and classes of a generated or shipped dataset; null for an upload (its row is in the db). */
export function knownDatasetSize(spec: DatasetSpec): DatasetSize | null {
  if (spec.kind === "builtin") return BUILTIN_SHAPES[spec.name];
  if (spec.kind === "uploaded") return null;
  return {
    rows: spec.samples,
    features: 2,
    classes: MULTICLASS_GENERATORS.has(spec.name) ? spec.classes : 2,
  };
}

export function parameterCount(config: TrainConfig, data: DatasetSize): number {
  const sizes = layerSizes(data.features, config, data.classes);
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += ((sizes[l - 1] as number) + 1) * (sizes[l] as number);
  return total;
}

/** Training rows after the validation and test shares are held out (the split rounds per class; this is close). */
export function trainRowCount(config: TrainConfig, rows: number): number {
  const held = Math.round(rows * config.split.validation) + Math.round(rows * config.split.test);
  return Math.max(1, rows - held);
}

export function optimiserSteps(config: TrainConfig, rows: number): number {
  return config.epochs * Math.ceil(trainRowCount(config, rows) / config.batchSize);
}

export function metricPointEstimate(config: TrainConfig, rows: number): number {
  const heldOutKeys = (config.split.validation > 0 ? 2 : 0) + (config.split.test > 0 ? 2 : 0);
  // A mix records one weight per base; PReLU and a learned swish beta one value; others none (counted as one).
  const learned = config.activation === "mix" ? config.activationOptions.mixOf.length : 1;
  const diagPerEpoch = (config.hiddenLayers.length + 1) * (DIAG_KEYS_PER_LAYER + learned) + 1;
  const diagnosedEpochs = Math.floor(config.epochs / config.diagnostics.everyEpochs);
  const batchLoss = Math.floor(optimiserSteps(config, rows) / config.logEverySteps);
  return config.epochs * (EPOCH_KEYS + heldOutKeys) + diagnosedEpochs * diagPerEpoch + batchLoss;
}

const violation = (
  limit: BudgetLimit,
  value: number,
  max: number,
  what: (value: string) => string,
): BudgetViolation => ({ limit, value, max, message: `${what(count(value))}; the limit is ${count(max)}` });

/** Every budget one run's config exceeds, each with a sentence naming the value and the limit. */
export function checkBudget(
  config: TrainConfig,
  data: DatasetSize,
  budgets: Budgets = BUDGETS,
): BudgetViolation[] {
  const found: BudgetViolation[] = [];
  const params = parameterCount(config, data);
  if (params > budgets.maxParams) {
    found.push(violation("maxParams", params, budgets.maxParams, (n) => `this network has ${n} parameters`));
  }
  const steps = optimiserSteps(config, data.rows);
  if (steps > budgets.maxSteps) {
    found.push(violation("maxSteps", steps, budgets.maxSteps, (n) => `this run takes ${n} optimiser steps`));
  }
  const points = metricPointEstimate(config, data.rows);
  if (points > budgets.maxMetricPoints) {
    found.push(
      violation(
        "maxMetricPoints",
        points,
        budgets.maxMetricPoints,
        (n) => `this run records about ${n} metric points`,
      ),
    );
  }
  return found;
}

export function checkSweepRuns(runs: number, budgets: Budgets = BUDGETS): BudgetViolation | null {
  return runs > budgets.maxSweepRuns
    ? violation("maxSweepRuns", runs, budgets.maxSweepRuns, (n) => `this sweep expands to ${n} runs`)
    : null;
}

/** Refuses a launch that would take the workspace's queued and running runs past the limit. */
export function checkOpenRuns(
  open: number,
  adding: number,
  budgets: Budgets = BUDGETS,
): BudgetViolation | null {
  return open + adding > budgets.maxOpenRuns
    ? violation(
        "maxOpenRuns",
        open + adding,
        budgets.maxOpenRuns,
        (n) => `this workspace would have ${n} queued or running runs`,
      )
    : null;
}
