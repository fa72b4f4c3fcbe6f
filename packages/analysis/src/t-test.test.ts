import { describe, expect, it } from "vitest";
import { bootstrapMeanDiffCi, seededRandom, welchTTest } from "./t-test";

describe("welchTTest", () => {
  it("reproduces scipy's ttest_ind(equal_var=False) on Wikipedia's first Welch example", () => {
    const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const r = welchTTest(a, b);
    expect(r?.t).toBeCloseTo(-2.455356398286006, 10);
    expect(r?.df).toBeCloseTo(24.988529290231416, 10);
    expect(r?.p).toBeCloseTo(0.021378001462866992, 9);
  });

  it("handles unequal sizes and variances like scipy", () => {
    const r = welchTTest([0.91, 0.93, 0.92], [0.88, 0.9, 0.85, 0.87]);
    expect(r?.t).toBeCloseTo(3.780756226875626, 10);
    expect(r?.df).toBeCloseTo(4.492227979274612, 10);
    expect(r?.p).toBeCloseTo(0.01570238437250148, 9);
    expect(r?.diff).toBeCloseTo(0.92 - 0.875, 12);
  });

  it("refuses to test with fewer than two values on a side", () => {
    expect(welchTTest([0.9], [0.8, 0.85])).toBeNull();
    expect(welchTTest([0.9, Number.NaN], [0.8, 0.85])).toBeNull();
  });

  it("gives the limit, not NaN, when every seed agrees exactly", () => {
    expect(welchTTest([1, 1], [1, 1])?.p).toBe(1);
    expect(welchTTest([1, 1], [0.5, 0.5])?.p).toBe(0);
  });
});

describe("bootstrapMeanDiffCi", () => {
  const a = [0.91, 0.93, 0.92, 0.95, 0.9];
  const b = [0.88, 0.9, 0.85, 0.87, 0.86];

  it("is reproducible for a seed and changes with it", () => {
    const one = bootstrapMeanDiffCi(a, b, { iterations: 500, seed: 7 });
    expect(bootstrapMeanDiffCi(a, b, { iterations: 500, seed: 7 })).toEqual(one);
    expect(bootstrapMeanDiffCi(a, b, { iterations: 500, seed: 8 })?.lo).not.toBe(one?.lo);
  });

  it("brackets the observed difference and excludes zero for well-separated samples", () => {
    const ci = bootstrapMeanDiffCi(a, b, { iterations: 4000, seed: 3 });
    expect(ci?.diff).toBeCloseTo(0.922 - 0.872, 12);
    expect(ci?.lo).toBeGreaterThan(0);
    expect(ci?.lo).toBeLessThan(ci?.diff as number);
    expect(ci?.hi).toBeGreaterThan(ci?.diff as number);
    // The resampled means cannot leave the range the data allows.
    expect(ci?.hi).toBeLessThanOrEqual(0.95 - 0.85);
  });

  it("collapses to the difference when neither side varies", () => {
    expect(bootstrapMeanDiffCi([2, 2], [1], { iterations: 50 })).toMatchObject({ diff: 1, lo: 1, hi: 1 });
  });
});

describe("seededRandom", () => {
  it("stays in [0, 1) and is roughly uniform", () => {
    const r = seededRandom(42);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 10000).toBeCloseTo(0.5, 1);
  });
});
