import { activationInfo } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { formatRange, propertyBadges, sampleCurve, saturatedShare, slopeReading } from "./curves";
import { formatTick } from "./ticks";

describe("gallery curves", () => {
  it("samples f and f′ over a symmetric range with x = 0 hit exactly", () => {
    const c = sampleCurve(activationInfo("relu"), 2, 5);
    expect(c.x).toEqual([-2, -1, 0, 1, 2]);
    expect(c.f).toEqual([0, 0, 0, 1, 2]);
    expect(c.df.slice(3)).toEqual([1, 1]);
  });

  it("refuses an empty range", () => {
    expect(() => sampleCurve(activationInfo("tanh"), 0)).toThrow(/halfWidth must be > 0/);
  });

  it("finds sigmoid's flat tails and none for leaky relu", () => {
    // σ′(x) < 0.01 once |x| > 4.6: on ±10 that is a bit over half the range.
    const sigmoid = saturatedShare(sampleCurve(activationInfo("sigmoid"), 10, 2001));
    expect(sigmoid).toBeGreaterThan(0.5);
    expect(sigmoid).toBeLessThan(0.56);
    expect(saturatedShare(sampleCurve(activationInfo("leaky_relu"), 10))).toBe(0);
    // relu: the whole negative half has slope 0.
    expect(saturatedShare(sampleCurve(activationInfo("relu"), 10, 2001))).toBeCloseTo(0.5, 3);
  });

  it("writes ranges with open ends where unbounded", () => {
    expect(formatRange([0, 1])).toBe("[0, 1]");
    expect(formatRange([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY])).toBe("(−∞, ∞)");
    expect(formatRange([-0.278464542761074, Number.POSITIVE_INFINITY])).toBe("[−0.28, ∞)");
  });

  it("flags step's dead hidden layers and prelu's learned slope", () => {
    const step = propertyBadges(activationInfo("step").meta).map((b) => b.text);
    expect(step).toContain("hidden layers cannot learn");
    const prelu = propertyBadges(activationInfo("prelu").meta).map((b) => b.text);
    expect(prelu).toEqual(
      expect.arrayContaining(["learns alpha", "zero-centred", "non-monotonic", "kinked"]),
    );
    expect(prelu).not.toContain("hidden layers cannot learn");
  });
});

describe("log axis ticks", () => {
  it("keeps tiny values readable instead of rounding them to 0", () => {
    expect([1e-5, 0.001, 0.01, 0.5, 1, 100, 1e5].map(formatTick)).toEqual([
      "1e-5",
      "1e-3",
      "0.01",
      "0.5",
      "1",
      "100",
      "1e+5",
    ]);
  });
});

describe("slope readings", () => {
  it("tells saturation, dying units and never-flat apart", () => {
    expect(slopeReading(sampleCurve(activationInfo("sigmoid"), 10))).toMatch(
      /^flat in both tails \(5\d% of the range\): it saturates/,
    );
    expect(slopeReading(sampleCurve(activationInfo("relu"), 10))).toMatch(
      /^flat on the whole negative side \(50% .*dying units/,
    );
    expect(slopeReading(sampleCurve(activationInfo("leaky_relu"), 10))).toBe(
      "never flat: a gradient always gets through.",
    );
    expect(slopeReading(sampleCurve(activationInfo("step"), 10))).toBe(
      "flat everywhere: no gradient gets through at all.",
    );
  });
});
