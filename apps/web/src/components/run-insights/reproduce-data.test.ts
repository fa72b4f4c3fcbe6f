import {
  createTraining,
  generateDataset,
  type SavedModel,
  type TrainConfig,
  ZTrainConfig,
} from "@actlab/core";
import { describe, expect, it } from "vitest";
import { confusionOnPrepared } from "./confusion";
import { rawFeatures, reproduceData } from "./reproduce-data";

/** Trains to the end and returns the final weights with the trainer's own last val/acc. */
function train(config: TrainConfig): { weights: SavedModel; valAcc: number } {
  if (config.dataset.kind !== "generated") throw new Error("generated datasets only");
  const training = createTraining(config, generateDataset(config.dataset));
  let valAcc = Number.NaN;
  for (const event of training) if (event.type === "epoch") valAcc = event.metrics["val/acc"] ?? Number.NaN;
  // Through JSON, as the weights travel from the worker to the database to the browser.
  return { weights: JSON.parse(JSON.stringify(training.weights())) as SavedModel, valAcc };
}

const cases: Array<[string, Record<string, unknown>]> = [
  [
    "moons, softmax head, standardised",
    { dataset: { kind: "generated", name: "moons", samples: 300, noise: 0.3 }, activation: "tanh" },
  ],
  [
    "3-class spirals, uneven split, run seed apart from data seed",
    {
      dataset: { kind: "generated", name: "spirals", samples: 301, classes: 3, seed: 7 },
      seed: 11,
      split: { validation: 0.3, test: 0.1 },
    },
  ],
  [
    "xor with a BCE head and no standardisation",
    {
      dataset: { kind: "generated", name: "xor", samples: 200, noise: 0.4 },
      loss: "bce",
      standardize: false,
    },
  ],
];

describe("the browser's validation split", () => {
  it.each(cases)("reproduces the trainer's val/acc to 1e-6: %s", (_title, overrides) => {
    const config = ZTrainConfig.parse({ hiddenLayers: [8, 8], activation: "relu", epochs: 4, ...overrides });
    const { weights, valAcc } = train(config);
    const data = reproduceData(JSON.parse(JSON.stringify(config)));
    if (!data.ok) throw new Error(data.reason);
    const validation = data.prepared.validation;
    if (!validation) throw new Error("no validation split");
    const confusion = confusionOnPrepared(weights, validation);
    expect(Math.abs(confusion.accuracy - valAcc)).toBeLessThan(1e-6);
    // Not a split that merely scores alike: it holds exactly the trainer's share of the rows.
    const share = config.split.validation;
    expect(Math.abs(validation.rows - data.dataset.rows * share)).toBeLessThanOrEqual(
      data.dataset.numClasses,
    );
  });

  it("differs from the trainer's split when the run seed differs", () => {
    const config = ZTrainConfig.parse({
      dataset: { kind: "generated", name: "moons" },
      hiddenLayers: [4],
      activation: "relu",
    });
    const a = reproduceData(config);
    const b = reproduceData({ ...config, seed: config.seed + 1 });
    if (!a.ok || !b.ok) throw new Error("expected both to rebuild");
    expect(a.prepared.validation?.hash).not.toBe(b.prepared.validation?.hash);
    expect(a.dataset.hash).toBe(b.dataset.hash); // the data's own seed is unchanged
  });

  it("says why it cannot rebuild builtin and uploaded datasets", () => {
    const iris = reproduceData(
      ZTrainConfig.parse({
        dataset: { kind: "builtin", name: "iris" },
        hiddenLayers: [4],
        activation: "relu",
      }),
    );
    expect(iris).toEqual({
      ok: false,
      reason: "This run trained on the iris table, which the browser cannot regenerate.",
    });
    expect(reproduceData({ nonsense: true })).toMatchObject({ ok: false });
  });

  it("maps standardised points back to the data's own units", () => {
    const config = ZTrainConfig.parse({
      dataset: { kind: "generated", name: "circles", samples: 100 },
      hiddenLayers: [4],
      activation: "relu",
      split: { validation: 0.2, test: 0 },
    });
    const data = reproduceData(config);
    if (!data.ok || !data.prepared.standardizer) throw new Error("expected a standardised rebuild");
    const raw = rawFeatures(data.prepared.train, data.prepared.standardizer);
    const original = new Set(
      Array.from(
        { length: data.dataset.rows },
        (_, r) =>
          `${data.dataset.features[2 * r]?.toFixed(4)},${data.dataset.features[2 * r + 1]?.toFixed(4)}`,
      ),
    );
    for (let r = 0; r < data.prepared.train.rows; r++)
      expect(original.has(`${raw[2 * r]?.toFixed(4)},${raw[2 * r + 1]?.toFixed(4)}`)).toBe(true);
  });
});
