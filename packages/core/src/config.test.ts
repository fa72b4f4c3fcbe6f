import { describe, expect, it } from "vitest";
import { ZTrainConfig } from "./config";

const base = {
  dataset: { kind: "generated", name: "moons" },
  hiddenLayers: [4],
  activation: "relu",
} as const;

// Each row: a config patch with one number out of its bound, and the message the form shows for it.
const OUT_OF_BOUNDS: [string, Record<string, unknown>, RegExp][] = [
  ["noise", { dataset: { ...base.dataset, noise: 2 } }, /noise must be ≤ 1/],
  ["samples", { dataset: { ...base.dataset, samples: 1e9 } }, /at most 100,000 samples/],
  ["classes", { dataset: { ...base.dataset, classes: 50 } }, /at most 10 classes/],
  ["data seed", { dataset: { ...base.dataset, seed: 2 ** 40 } }, /data seed must be < 2³¹/],
  ["leaky slope", { activationOptions: { leakySlope: 1e9 } }, /leaky slope must be ≤ 1/],
  ["prelu init", { activationOptions: { preluInit: -5 } }, /PReLU init must be ≥ -1/],
  ["swish beta", { activationOptions: { swishBeta: 1e308 } }, /swish beta must be ≤ 10/],
  ["lr", { lr: 1e308 }, /learning rate must be ≤ 10/],
  ["cosine minLr", { schedule: { kind: "cosine", minLr: 1e308 } }, /minimum learning rate must be ≤ 10/],
  ["cosine minLr < 0", { schedule: { kind: "cosine", minLr: -1 } }, /minimum learning rate must be ≥ 0/],
  ["step period", { schedule: { kind: "step", everyEpochs: 1e12 } }, /period must be ≤ 1000 epochs/],
  ["step gamma", { schedule: { kind: "step", gamma: 3 } }, /gamma must be < 1/],
  ["momentum", { momentum: 1 }, /momentum must be < 1/],
  ["beta1", { beta1: -0.1 }, /beta1 must be ≥ 0/],
  ["beta2", { beta2: 1e308 }, /beta2 must be < 1/],
  ["eps", { eps: 0 }, /eps must be > 0/],
  ["weight decay", { weightDecay: 1e308 }, /weight decay must be ≤ 1/],
  ["l2", { l2: 5 }, /L2 penalty must be ≤ 1/],
  ["warm-up", { warmupEpochs: 1e6 }, /warm-up must be ≤ 100 epochs/],
  ["clip norm", { clipNorm: 1e308 }, /clip norm must be ≤ 1000/],
  ["clip norm ≤ 0", { clipNorm: 0 }, /clip norm must be > 0/],
  ["seed", { seed: -1 }, /seed must be ≥ 0/],
  ["validation share", { split: { validation: 0.9 } }, /validation share must be ≤ 0.5/],
  ["test share", { split: { test: 1e308 } }, /test share must be ≤ 0.5/],
  ["patience", { earlyStopping: { patience: 1e9 } }, /patience must be ≤ 1000 epochs/],
  ["min delta", { earlyStopping: { minDelta: 1e308 } }, /min delta must be ≤ 1/],
  ["diagnostics period", { diagnostics: { everyEpochs: 1e12 } }, /at least every 1000 epochs/],
  ["probe size", { diagnostics: { probeSize: 1e6 } }, /at most 4096 samples/],
  ["logging period", { logEverySteps: 1e12 }, /log at least every 100,000 steps/],
  ["batch size", { batchSize: 1e9 }, /batch size must be ≤ 4096/],
  ["epochs", { epochs: 1e9 }, /at most 1000 epochs/],
  ["layer size", { hiddenLayers: [1e9] }, /at most 4096 units/],
];

describe("ZTrainConfig bounds", () => {
  it.each(OUT_OF_BOUNDS)("refuses an out-of-bound %s with its message", (_name, patch, message) => {
    const result = ZTrainConfig.safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toMatch(message);
  });

  it("accepts the defaults and values at their bounds", () => {
    expect(ZTrainConfig.safeParse(base).success).toBe(true);
    const atBounds = {
      ...base,
      lr: 10,
      schedule: { kind: "cosine", minLr: 10 },
      clipNorm: 1000,
      earlyStopping: { minDelta: 1 },
      diagnostics: { everyEpochs: 1000 },
    };
    expect(ZTrainConfig.safeParse(atBounds).success).toBe(true);
  });
});
