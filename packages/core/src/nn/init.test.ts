import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { initWeights, resolveInit } from "./init";

describe("resolveInit", () => {
  it("picks He for rectifiers, LeCun for SELU and Glorot for symmetric squashing units", () => {
    expect(resolveInit("auto", "relu")).toBe("he_normal");
    expect(resolveInit("auto", "prelu")).toBe("he_normal");
    expect(resolveInit("auto", "gelu")).toBe("he_normal");
    expect(resolveInit("auto", "selu")).toBe("lecun_normal");
    expect(resolveInit("auto", "tanh")).toBe("glorot_uniform");
    expect(resolveInit("auto", "mix")).toBe("glorot_uniform");
    expect(resolveInit("auto", "output")).toBe("glorot_uniform");
    expect(resolveInit("lecun_uniform", "relu")).toBe("lecun_uniform");
  });
});

describe("initWeights", () => {
  const fanIn = 200;
  const fanOut = 100;
  const variances = {
    glorot_uniform: 2 / (fanIn + fanOut),
    glorot_normal: 2 / (fanIn + fanOut),
    he_uniform: 2 / fanIn,
    he_normal: 2 / fanIn,
    lecun_uniform: 1 / fanIn,
    lecun_normal: 1 / fanIn,
  } as const;
  for (const [scheme, variance] of Object.entries(variances) as [keyof typeof variances, number][]) {
    it(`draws ${scheme} weights with mean 0 and variance ${variance.toPrecision(3)}`, () => {
      const W = new Float32Array(fanIn * fanOut);
      initWeights(W, fanIn, fanOut, scheme, createRng(1));
      let sum = 0;
      let sq = 0;
      for (const w of W) {
        sum += w;
        sq += w * w;
      }
      const mean = sum / W.length;
      expect(Math.abs(mean)).toBeLessThan(0.01 * Math.sqrt(variance) * 10);
      expect(sq / W.length / variance).toBeGreaterThan(0.95);
      expect(sq / W.length / variance).toBeLessThan(1.05);
      if (scheme.endsWith("uniform"))
        expect(Math.max(...W.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3 * variance));
    });
  }
});
