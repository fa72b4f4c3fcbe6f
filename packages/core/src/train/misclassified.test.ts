import { describe, expect, it } from "vitest";
import { type TrainConfig, ZGeneratedDatasetSpec, ZTrainConfig } from "../config";
import { generateDataset } from "../data/generate";
import { splitDataset } from "../data/split";
import { modelFromWeights } from "./model";
import { createTraining } from "./training";

const dataset = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "spirals", samples: 400 });
const config: TrainConfig = ZTrainConfig.parse({
  dataset,
  hiddenLayers: [8],
  activation: "tanh",
  epochs: 2,
  standardize: true,
});

const argmax = (p: Float32Array) => p.indexOf(Math.max(...p));

describe("training.misclassified", () => {
  it("names validation rows the network gets wrong, with their raw features and both labels", () => {
    const data = generateDataset(dataset);
    const training = createTraining(config, data);
    for (const _ of training);
    const wrong = training.misclassified(10);
    expect(wrong.length).toBe(10);
    const validation = splitDataset(data, config.split, config.seed).validation;
    const model = modelFromWeights(training.weights());
    for (const m of wrong) {
      const raw = validation?.features.subarray(m.row * 2, m.row * 2 + 2) as Float32Array;
      // The features as the data holds them (standardising undone), up to float rounding.
      for (const [j, v] of m.features.entries()) expect(v).toBeCloseTo(raw[j] as number, 4);
      expect(m.actual).toBe(validation?.labels[m.row]);
      expect(m.predicted).not.toBe(m.actual);
      expect(argmax(model.predict(raw, 1))).toBe(m.predicted);
    }
  });

  it("leaves training bit for bit as it was", () => {
    const data = generateDataset(dataset);
    const plain = createTraining(config, data);
    const asked = createTraining(config, data);
    for (const _ of plain);
    for (const event of asked) if (event.type === "epoch") asked.misclassified(50);
    expect(asked.checkpoint()).toEqual(plain.checkpoint());
  });

  it("finds none without a validation split", () => {
    const data = generateDataset(dataset);
    const noValidation = ZTrainConfig.parse({ ...config, split: { validation: 0, test: 0 } });
    const training = createTraining(noValidation, data);
    expect(training.misclassified(5)).toEqual([]);
  });
});
