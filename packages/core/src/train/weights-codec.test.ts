import { describe, expect, it } from "vitest";
import { ZTrainConfig } from "../config";
import { generateDataset } from "../data/index";
import { createTraining } from "./training";
import { decodeModelWeights, encodeModelWeights } from "./weights-codec";

const spec = { kind: "generated", name: "spirals", samples: 200, noise: 0.1, classes: 3, seed: 4 } as const;

function trainedWeights(hiddenLayers: number[], epochs: number) {
  const config = ZTrainConfig.parse({
    dataset: spec,
    hiddenLayers,
    activation: "prelu",
    activationOptions: { preluMode: "unit" },
    epochs,
  });
  const training = createTraining(config, generateDataset(spec));
  for (const _ of training);
  return training.weights();
}

const bits = (xs: number[]) => Array.from(new Uint32Array(Float32Array.from(xs).buffer));

describe("weights codec", () => {
  it("round-trips a trained model bit for bit, standardizer and activation parameters included", () => {
    const w = trainedWeights([6, 5], 3);
    const back = decodeModelWeights(encodeModelWeights(w));
    expect(back).toEqual(w);
    back.layers.forEach((layer, l) => {
      const orig = w.layers[l];
      expect(bits(layer.W)).toEqual(bits(orig?.W ?? []));
      expect(bits(layer.activationParams)).toEqual(bits(orig?.activationParams ?? []));
    });
    expect(w.standardizer && bits(back.standardizer?.mean ?? [])).toEqual(bits(w.standardizer?.mean ?? []));
    expect(w.layers[0]?.activationParams).toHaveLength(6); // one alpha per unit
  });

  it("keeps non-finite weights, which the API refuses, instead of turning them into null", () => {
    const w = trainedWeights([3], 1);
    const layer = w.layers[0];
    if (layer) layer.W[0] = Number.NaN;
    expect(decodeModelWeights(encodeModelWeights(w)).layers[0]?.W[0]).toBeNaN();
  });

  it("stores a 12×512 net in 4 bytes a number, with no number arrays in its header", () => {
    const w = trainedWeights(Array(12).fill(512), 1);
    const numbers = w.layers.reduce((n, l) => n + l.W.length + l.b.length + l.activationParams.length, 0) + 4;
    const bytes = encodeModelWeights(w);
    expect(bytes.length).toBeLessThan(4 * numbers + 4096);
    const headerLength = new DataView(bytes.buffer).getUint32(8, true);
    const header = new TextDecoder().decode(bytes.subarray(12, 12 + headerLength));
    expect(JSON.parse(header).layers).toHaveLength(13);
    expect(header).not.toMatch(/\[\s*-?\d/);
  }, 30_000); // builds a 12×512 net: seconds on a loaded 2-core machine

  it("refuses bytes that are not a weights blob, or are cut short", () => {
    expect(() => decodeModelWeights(new TextEncoder().encode('{"layers":[]}'))).toThrow(/bad magic/);
    const bytes = encodeModelWeights(trainedWeights([3], 1));
    expect(() => decodeModelWeights(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated/);
  });
});
