import { createTraining, generateDataset, ZGeneratedDatasetSpec, ZTrainConfig } from "@actlab/core";
import { LIVE_WEIGHTS_MAX_VALUES } from "@actlab/queue";
import { describe, expect, it } from "vitest";
import { liveWeightsEvent } from "./live-weights";

const dataset = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 64 });
const weightsOf = (hiddenLayers: number[]) =>
  createTraining(
    ZTrainConfig.parse({ dataset, hiddenLayers, activation: "relu", epochs: 1 }),
    generateDataset(dataset),
  ).weights();

describe("liveWeightsEvent", () => {
  it("carries a small network's weights with the epoch they ended", () => {
    const weights = weightsOf([32, 32]);
    expect(liveWeightsEvent("r1", { epoch: 3, step: 30 }, weights)).toEqual({
      type: "weights",
      runId: "r1",
      epoch: 3,
      step: 30,
      weights,
    });
  });

  it("leaves a network with more numbers than the limit to the page's own request", () => {
    // 2·w + w + w·w + w + 2·w + 2 numbers: past the limit from w = 140.
    const wide = weightsOf([160, 160]);
    const values = wide.layers.reduce((n, l) => n + l.W.length + l.b.length + l.activationParams.length, 0);
    expect(values).toBeGreaterThan(LIVE_WEIGHTS_MAX_VALUES);
    expect(liveWeightsEvent("r1", { epoch: 1, step: 10 }, wide)).toBeNull();
  });
});
