import { describe, expect, it } from "vitest";
import { incompleteBeta, logGamma } from "./special";
import { tCdf, tQuantile, tTwoSidedP } from "./t-distribution";

describe("special functions", () => {
  it("log-gamma matches factorials", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it("incomplete beta matches binomial tails for integer a, b", () => {
    // I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a): P(Bin(4, 0.5) ≥ 2) = 11/16.
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 12);
    // P(Bin(9, 0.3) ≥ 1) = 1 − 0.7^9.
    expect(incompleteBeta(0.3, 1, 9)).toBeCloseTo(1 - 0.7 ** 9, 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("Student t", () => {
  it("gives scipy's two-sided p-values", () => {
    expect(tTwoSidedP(2.0, 10)).toBeCloseTo(0.07338803, 7); // scipy.stats.t.sf(2, 10) * 2
    expect(tTwoSidedP(-2.0, 10)).toBeCloseTo(0.07338803, 7);
    expect(tTwoSidedP(0, 5)).toBeCloseTo(1, 12);
    expect(tTwoSidedP(2.5, 3.7)).toBeGreaterThan(tTwoSidedP(2.5, 30)); // heavier tails with fewer df
  });

  it("is the Cauchy distribution with one degree of freedom", () => {
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(tCdf(-1, 1)).toBeCloseTo(0.25, 12);
  });

  it("inverts to the textbook critical values", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764451, 6);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281389, 6);
    expect(tQuantile(0.025, 30)).toBeCloseTo(-2.0422725, 6);
  });

  it("approaches the normal distribution for huge df", () => {
    expect(tTwoSidedP(1.959964, Number.POSITIVE_INFINITY)).toBeCloseTo(0.05, 6);
    expect(tTwoSidedP(1.959964, 1e9)).toBeCloseTo(0.05, 5);
  });

  it("refuses impossible arguments", () => {
    expect(() => tQuantile(1, 3)).toThrow(/0 < p < 1/);
    expect(() => tTwoSidedP(1, 0)).toThrow(/degrees of freedom/);
  });
});
