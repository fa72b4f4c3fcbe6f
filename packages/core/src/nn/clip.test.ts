import { describe, expect, it } from "vitest";
import { addL2Gradient, clipGlobalNorm, l2Norm } from "./clip";

describe("clipGlobalNorm", () => {
  it("scales gradients above the limit down to it and returns the original norm", () => {
    const g = Float32Array.of(3, 4);
    expect(clipGlobalNorm(g, 1)).toBeCloseTo(5, 12);
    expect(l2Norm(g)).toBeCloseTo(1, 5);
    expect((g[0] as number) / (g[1] as number)).toBeCloseTo(0.75, 6);
  });

  it("leaves gradients under the limit untouched", () => {
    const g = Float32Array.of(0.3, 0.4);
    clipGlobalNorm(g, 1);
    expect(Array.from(g)).toEqual([Math.fround(0.3), Math.fround(0.4)]);
  });
});

describe("addL2Gradient", () => {
  it("adds l2·w only inside the given ranges", () => {
    const p = Float32Array.of(1, 2, 3, 4);
    const g = new Float32Array(4);
    addL2Gradient(p, g, Int32Array.of(1, 3), 0.5);
    expect(Array.from(g)).toEqual([0, 1, 1.5, 0]);
  });
});
