import { describe, expect, it } from "vitest";
import { ZTrainConfig } from "../config";
import { generateDataset } from "../data/index";
import { modelFromWeights } from "./model";
import { createTraining } from "./training";

const spec = { kind: "generated", name: "moons", samples: 300, noise: 0.1, classes: 2, seed: 2 } as const;
const dataset = generateDataset(spec);

function trained(loss: "cross_entropy" | "bce" | "mse") {
  const config = ZTrainConfig.parse({
    dataset: spec,
    hiddenLayers: [8],
    activation: "prelu",
    loss,
    epochs: 15,
    split: { validation: 0, test: 0 },
  });
  const training = createTraining(config, dataset);
  let acc = 0;
  for (const e of training) if (e.type === "epoch") acc = e.metrics["train/acc"] as number;
  return { training, acc };
}

describe("modelFromWeights", () => {
  for (const loss of ["cross_entropy", "bce", "mse"] as const) {
    it(`predicts probabilities on raw features that classify the data like training did (${loss})`, () => {
      const { training, acc } = trained(loss);
      // Through JSON, as the browser receives it.
      const model = modelFromWeights(JSON.parse(JSON.stringify(training.weights())));
      const probs = model.predict(dataset.features, dataset.rows);
      expect(probs).toHaveLength(dataset.rows * 2);
      let correct = 0;
      for (let r = 0; r < dataset.rows; r++) {
        const p0 = probs[2 * r] as number;
        const p1 = probs[2 * r + 1] as number;
        expect(p0 + p1).toBeCloseTo(1, 5);
        if ((p1 > p0 ? 1 : 0) === dataset.labels[r]) correct++;
      }
      // The last epoch's running accuracy was measured while weights still moved: allow a little slack.
      expect(correct / dataset.rows).toBeGreaterThan(Math.min(0.8, acc - 0.05));
    });
  }

  it("exports prelu parameters, the standardiser and the layer shapes", () => {
    const w = trained("cross_entropy").training.weights();
    expect(w.layers.map((l) => [l.inputs, l.units, l.W.length, l.activationParams.length])).toEqual([
      [2, 8, 16, 1],
      [8, 2, 16, 0],
    ]);
    expect(w.standardizer?.mean).toHaveLength(2);
    expect(w.layers[0]?.activationParams[0]).not.toBe(0.25);
  });

  it("rejects weights whose arrays do not match the declared shape", () => {
    const w = trained("cross_entropy").training.weights();
    const broken = { ...w, layers: [{ ...w.layers[0], W: [1, 2, 3] }, w.layers[1]] };
    expect(() => modelFromWeights(broken as typeof w)).toThrow(/layer 0/);
  });
});
