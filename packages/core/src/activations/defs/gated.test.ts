/** Swish, GELU and mish at known values, and the tanh approximation against exact GELU. */
import { describe, expect, it } from "vitest";
import { DEFAULT_ACTIVATION_SETTINGS } from "../record";
import { activationRecord } from "../registry";
import { swishCurve } from "./swish";

const gelu = activationRecord("gelu").scalar(DEFAULT_ACTIVATION_SETTINGS);
const geluTanh = activationRecord("gelu_tanh").scalar(DEFAULT_ACTIVATION_SETTINGS);
const mish = activationRecord("mish").scalar(DEFAULT_ACTIVATION_SETTINGS);

describe("gated activations", () => {
  it("gelu_tanh stays within 1e-3 of exact gelu (the claim in its trade-off)", () => {
    let worst = 0;
    for (let x = -10; x <= 10; x += 0.001)
      worst = Math.max(worst, Math.abs(geluTanh.forward(x) - gelu.forward(x)));
    expect(worst).toBeLessThan(1e-3);
    expect(worst).toBeGreaterThan(1e-5); // it is an approximation, not the same curve
  });

  it("gelu is x·Φ(x): Φ(1) = 0.8413447460685429", () => {
    expect(gelu.forward(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(gelu.derivative(0, 0)).toBe(0.5);
  });

  it("gelu keeps relative precision in the far negative tail (via erfc, not 1 + erf)", () => {
    // x·Φ(x) with Φ(-10) = 7.6198530241605260659e-24 (mpmath).
    const expected = -10 * 7.619853024160525e-24;
    expect(Math.abs(gelu.forward(-10) - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
  });

  it("swish is x·σ(βx): slope 1/2 at 0 for every β, and x·σ(x) at β = 1", () => {
    for (const beta of [0.5, 1, 3]) expect(swishCurve(beta).derivative(0, 0)).toBe(0.5);
    expect(swishCurve(1).forward(2)).toBeCloseTo(2 / (1 + Math.exp(-2)), 15);
    expect(swishCurve(2).forward(-1)).toBeCloseTo(-1 / (1 + Math.exp(2)), 15);
  });

  it("mish(0) = 0 with slope tanh(log 2) = 0.6", () => {
    expect(mish.forward(0)).toBe(0);
    expect(mish.derivative(0, 0)).toBeCloseTo(0.6, 15);
  });
});
