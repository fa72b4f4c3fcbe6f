/**
 * The textbook claims about activations that hold robustly on small data, asserted in their direction:
 * a trainer change that breaks one (a wrong derivative, a broken init) fails here.
 */
import { describe, expect, it } from "vitest";
import { type TrainConfigInput, ZGeneratedDatasetSpec, ZTrainConfig } from "../config";
import { generateDataset } from "../data/index";
import { createTraining } from "./training";

type Outcome = {
  valAcc: number;
  last: Record<string, number>;
  firstWeights: number[];
  startWeights: number[];
};

function train(config: TrainConfigInput): Outcome {
  const parsed = ZTrainConfig.parse(config);
  const spec = ZGeneratedDatasetSpec.parse(parsed.dataset);
  const training = createTraining(parsed, generateDataset(spec));
  const startWeights = Array.from(training.weights().layers[0]?.W ?? []);
  let last: Record<string, number> = {};
  for (const e of training) if (e.type === "epoch") last = e.metrics;
  return {
    valAcc: last["val/acc"] as number,
    last,
    startWeights,
    firstWeights: Array.from(training.weights().layers[0]?.W ?? []),
  };
}

const circles = { kind: "generated", name: "circles", samples: 600, noise: 0.05, seed: 2 } as const;
const moons = { kind: "generated", name: "moons", samples: 600, noise: 0.1, seed: 2 } as const;

describe("activation claims on small data", () => {
  it("binary step: no gradient reaches the hidden layer, so it never moves, and the net learns far less", () => {
    const step = train({
      dataset: circles,
      hiddenLayers: [16],
      activation: "step",
      optimizer: "adam",
      lr: 0.01,
      epochs: 30,
    });
    const relu = train({
      dataset: circles,
      hiddenLayers: [16],
      activation: "relu",
      optimizer: "adam",
      lr: 0.01,
      epochs: 30,
    });
    expect(step.firstWeights).toEqual(step.startWeights);
    expect(relu.firstWeights).not.toEqual(relu.startWeights);
    expect(relu.valAcc - step.valAcc).toBeGreaterThan(0.15);
  });

  it("linear: four linear layers do no better than one on circles, where ReLU separates them", () => {
    const base = {
      dataset: circles,
      optimizer: "adam",
      lr: 0.01,
      epochs: 40,
    } satisfies Partial<TrainConfigInput>;
    const deepLinear = train({ ...base, hiddenLayers: [16, 16, 16, 16], activation: "linear" });
    const oneLinear = train({ ...base, hiddenLayers: [16], activation: "linear" });
    const relu = train({ ...base, hiddenLayers: [16, 16], activation: "relu" });
    expect(Math.abs(deepLinear.valAcc - oneLinear.valAcc)).toBeLessThan(0.1);
    expect(deepLinear.valAcc).toBeLessThan(0.75);
    expect(relu.valAcc).toBeGreaterThan(0.9);
  });

  it("sigmoid: in a deep net the first layer's gradient is far smaller than the last's, unlike ReLU's", () => {
    const base = {
      dataset: moons,
      hiddenLayers: [16, 16, 16, 16, 16, 16, 16, 16],
      lr: 0.1,
      epochs: 2,
    } satisfies Partial<TrainConfigInput>;
    const sigmoid = train({ ...base, activation: "sigmoid" });
    const relu = train({ ...base, activation: "relu" });
    const ratio = (o: Outcome) => o.last["diag/grad_ratio"] as number;
    expect(ratio(sigmoid)).toBeLessThan(0.01);
    expect(ratio(relu)).toBeGreaterThan(10 * ratio(sigmoid));
  });

  it("ReLU units die at a high learning rate; leaky ReLU's do not", () => {
    const base = {
      dataset: moons,
      hiddenLayers: [32, 32],
      optimizer: "sgd",
      epochs: 10,
    } satisfies Partial<TrainConfigInput>;
    const dead = (o: Outcome) => o.last["diag/l1/dead_frac"] as number;
    const high = train({ ...base, activation: "relu", lr: 3 });
    const low = train({ ...base, activation: "relu", lr: 0.01 });
    const leaky = train({ ...base, activation: "leaky_relu", lr: 3 });
    expect(dead(high)).toBeGreaterThan(dead(low) + 0.2);
    expect(dead(leaky)).toBe(0);
  });
});
