import { expect, describe as group, it } from "vitest";
import { ci95HalfWidth, describe, mean, quantile, sem, std } from "./describe";

group("descriptive statistics", () => {
  it("uses the n − 1 denominator for the standard deviation", () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(std(xs)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sem(xs)).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 12);
  });

  it("gives the t-based 95% interval (n = 5: t = 2.776)", () => {
    const xs = [0.9, 0.92, 0.94, 0.96, 0.98];
    const s = std(xs) as number;
    expect(ci95HalfWidth(xs)).toBeCloseTo((2.7764451 * s) / Math.sqrt(5), 6);
  });

  it("returns null instead of NaN when the sample is too small", () => {
    expect(mean([])).toBeNull();
    expect(std([1])).toBeNull();
    expect(sem([1])).toBeNull();
    expect(ci95HalfWidth([1])).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
  });

  it("interpolates quantiles like numpy", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it("ignores null and non-finite values in a summary", () => {
    const d = describe([1, null, 3, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(d.n).toBe(2);
    expect(d.mean).toBe(2);
    expect(d.median).toBe(2);
    expect(d.min).toBe(1);
    expect(d.max).toBe(3);
  });
});
