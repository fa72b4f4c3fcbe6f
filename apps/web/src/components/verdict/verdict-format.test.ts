import { describe, expect, it } from "vitest";
import {
  accuracyDomain,
  formatAcc,
  formatP,
  formatPoints,
  formatRatio,
  parseTargetPct,
} from "./verdict-format";

describe("verdict formatting", () => {
  it("writes accuracies in percent with their spread", () => {
    expect(formatAcc(0.9321, 0.0042)).toBe("93.2 ± 0.4%");
    expect(formatAcc(0.9321, null)).toBe("93.2%");
    expect(formatAcc(null, null)).toBe("—");
  });

  it("signs differences in points with a real minus sign", () => {
    expect(formatPoints(-2.14, 0.61)).toBe("−2.1 ± 0.6");
    expect(formatPoints(0, null)).toBe("0.0");
  });

  it("writes p-values with two significant digits and a floor", () => {
    expect(formatP(0.0036022)).toBe("0.0036");
    expect(formatP(0.4)).toBe("0.4");
    expect(formatP(0.0002)).toBe("< 0.001");
    expect(formatP(null)).toBe("n/a");
  });

  it("writes gradient ratios across orders of magnitude", () => {
    expect(formatRatio(0.8123)).toBe("0.81");
    expect(formatRatio(0.00333)).toBe("0.0033");
    expect(formatRatio(0.0000123)).toBe("1.2e-5");
  });

  it("reads the target as a percentage and refuses nonsense", () => {
    expect(parseTargetPct("91")).toEqual({ target: 0.91 });
    expect(parseTargetPct("91%")).toEqual({ target: 0.91 });
    expect(parseTargetPct(" ")).toEqual({ target: undefined });
    expect(parseTargetPct("0")).toHaveProperty("error");
    expect(parseTargetPct("120")).toHaveProperty("error");
    expect(parseTargetPct("abc")).toHaveProperty("error");
  });

  it("zooms the bar axis to a round ten at least two points below the lowest whisker", () => {
    const g = (mean: number, std: number | null, min: number) => ({ finalAcc: { mean, std, min } });
    expect(accuracyDomain([g(0.96, 0.01, 0.95), g(0.62, 0.02, 0.6)])).toEqual([0.5, 1]);
    expect(accuracyDomain([g(0.65, 0.01, 0.63)])).toEqual([0.6, 1]);
    expect(accuracyDomain([g(0.99, 0.001, 0.989)])).toEqual([0.9, 1]);
    expect(accuracyDomain([g(0.05, 0.1, 0.01)])).toEqual([0, 1]);
  });
});
