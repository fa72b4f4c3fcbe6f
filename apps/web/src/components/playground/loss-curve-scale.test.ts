import { describe, expect, it } from "vitest";
import { curveScale, toCanvas } from "./loss-curve-scale";

describe("curveScale", () => {
  it("spans every finite value of every line, with a margin, and skips gaps and non-finite points", () => {
    const s = curveScale(
      [
        [0.7, 0.5, Number.NaN, 0.3],
        [null, 0.9, Number.POSITIVE_INFINITY],
      ],
      4,
    );
    expect(s.lo).toBeLessThan(0.3);
    expect(s.hi).toBeGreaterThan(0.9);
    expect(s.hi - s.lo).toBeCloseTo(0.6 * 1.1, 10);
  });

  it("gives a flat or empty curve a box of its own", () => {
    const flat = curveScale([[0.5, 0.5]], 2);
    expect(flat.hi).toBeGreaterThan(flat.lo);
    expect(curveScale([[]], 0)).toEqual({ epochs: 1, lo: 0, hi: 1 });
  });
});

describe("toCanvas", () => {
  it("puts the first epoch on the left, the last on the right, low losses at the bottom", () => {
    const s = { epochs: 10, lo: 0, hi: 2 };
    expect(toCanvas(s, 0, 2, 100, 50)).toEqual([0, 0]);
    expect(toCanvas(s, 10, 0, 100, 50)).toEqual([100, 50]);
    expect(toCanvas(s, 5, 1, 100, 50)).toEqual([50, 25]);
  });
});
