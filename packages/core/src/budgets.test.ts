import { describe, expect, it } from "vitest";
import {
  BUDGETS,
  checkBudget,
  checkOpenRuns,
  checkSweepRuns,
  knownDatasetSize,
  metricPointEstimate,
  optimiserSteps,
  parameterCount,
} from "./budgets";
import { type TrainConfigInput, ZTrainConfig } from "./config";
import { everyActivationPreset } from "./sweep/index";

const config = (input: Partial<TrainConfigInput>) =>
  ZTrainConfig.parse({
    dataset: { kind: "builtin", name: "mnist" },
    hiddenLayers: [512, 512],
    activation: "relu",
    ...input,
  });
const MNIST = { rows: 70_000, features: 784, classes: 10 };

describe("run budgets", () => {
  it("counts weights and biases, steps and metric points", () => {
    const c = config({ epochs: 3, batchSize: 64 });
    expect(parameterCount(c, MNIST)).toBe(785 * 512 + 513 * 512 + 513 * 10);
    // 70,000 rows less a 20% validation share: 56,000 training rows, 875 batches of 64.
    expect(optimiserSteps(c, MNIST.rows)).toBe(3 * 875);
    expect(metricPointEstimate(c, MNIST.rows)).toBeGreaterThan(Math.floor(2625 / 10));
  });

  it("lets a 784-512-512-10 MNIST run and the shipped presets through", () => {
    expect(checkBudget(config({ epochs: 20, batchSize: 64 }), MNIST)).toEqual([]);
    for (const dataset of [
      { kind: "generated", name: "spirals" },
      { kind: "builtin", name: "digits" },
    ] as const) {
      const base = everyActivationPreset(ZTrainConfig.shape.dataset.parse(dataset)).base;
      const parsed = ZTrainConfig.parse(base);
      const size = knownDatasetSize(parsed.dataset);
      expect(size && checkBudget(parsed, size)).toEqual([]);
    }
  });

  it("refuses the widest network with the value and the limit", () => {
    const widest = config({ hiddenLayers: Array(12).fill(4096) });
    const [refusal] = checkBudget(widest, MNIST);
    expect(refusal).toMatchObject({ limit: "maxParams", value: 187_850_762, max: BUDGETS.maxParams });
    expect(refusal?.message).toBe("this network has 187,850,762 parameters; the limit is 20,000,000");
  });

  it("refuses too many steps and a metric every step", () => {
    const long = config({
      dataset: { kind: "generated", name: "moons", samples: 100_000 },
      hiddenLayers: [8],
      batchSize: 1,
      epochs: 1000,
      logEverySteps: 1,
    });
    const found = checkBudget(long, knownDatasetSize(long.dataset) ?? MNIST);
    expect(found.map((v) => v.limit)).toEqual(["maxSteps", "maxMetricPoints"]);
    expect(found[0]?.message).toBe("this run takes 80,000,000 optimiser steps; the limit is 2,000,000");
    expect(found[1]?.message).toMatch(
      /^this run records about 80,\d{3},\d{3} metric points; the limit is 500,000$/,
    );
  });

  it("bounds sweep sizes and open runs, and can be raised", () => {
    expect(checkSweepRuns(500)).toBeNull();
    expect(checkSweepRuns(2000)?.message).toBe("this sweep expands to 2,000 runs; the limit is 500");
    expect(checkOpenRuns(990, 10)).toBeNull();
    expect(checkOpenRuns(990, 11)?.message).toBe(
      "this workspace would have 1,001 queued or running runs; the limit is 1,000",
    );
    expect(checkOpenRuns(990, 11, { ...BUDGETS, maxOpenRuns: 5000 })).toBeNull();
  });

  it("knows the size of generated and shipped data but not of an upload", () => {
    expect(
      knownDatasetSize({ kind: "generated", name: "spirals", samples: 900, noise: 0, classes: 3, seed: 1 }),
    ).toEqual({ rows: 900, features: 2, classes: 3 });
    expect(
      knownDatasetSize({ kind: "generated", name: "moons", samples: 900, noise: 0, classes: 3, seed: 1 })
        ?.classes,
    ).toBe(2);
    expect(knownDatasetSize({ kind: "builtin", name: "iris" })).toEqual({
      rows: 150,
      features: 4,
      classes: 3,
    });
    expect(knownDatasetSize({ kind: "uploaded", hash: "a".repeat(64) })).toBeNull();
  });
});
