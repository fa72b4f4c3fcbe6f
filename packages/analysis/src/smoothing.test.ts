import { describe, expect, it } from "vitest";
import { debiasedEma } from "./smoothing";

describe("debiasedEma", () => {
  it("does not pull the start of the curve toward zero or toward the first value", () => {
    const out = debiasedEma([1, 3], 0.5);
    expect(out[0]).toBeCloseTo(1, 12); // 0.5 / (1 − 0.5)
    expect(out[1]).toBeCloseTo(1.75 / 0.75, 12);
    expect(debiasedEma([4, 4, 4, 4], 0.9).every((v) => Math.abs((v as number) - 4) < 1e-12)).toBe(true);
  });

  it("passes nulls through without counting them", () => {
    const out = debiasedEma([1, null, 3], 0.5);
    expect(out[1]).toBeNull();
    expect(out[2]).toBeCloseTo(1.75 / 0.75, 12);
  });

  it("is the identity with weight 0", () => {
    expect(debiasedEma([5, 1, 7], 0)).toEqual([5, 1, 7]);
  });

  it("refuses a weight of 1 or more", () => {
    expect(() => debiasedEma([1], 1)).toThrow(/\[0, 1\)/);
  });
});
