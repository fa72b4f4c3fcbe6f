/** Sigmoid, tanh and softplus stay exact at the extremes where naive formulas overflow or cancel. */
import { describe, expect, it } from "vitest";
import { DEFAULT_ACTIVATION_SETTINGS } from "../record";
import { activationRecord } from "../registry";
import { stableSigmoid, stableSoftplus } from "../stable";

const sigmoid = activationRecord("sigmoid").scalar(DEFAULT_ACTIVATION_SETTINGS);
const tanh = activationRecord("tanh").scalar(DEFAULT_ACTIVATION_SETTINGS);
const softplus = activationRecord("softplus").scalar(DEFAULT_ACTIVATION_SETTINGS);

describe("sigmoid", () => {
  it("keeps full relative precision far into the negative tail instead of rounding to 0", () => {
    for (const x of [-40, -100, -700]) {
      const expected = Math.exp(x); // σ(x) = eˣ/(1 + eˣ) and eˣ is negligible next to 1 here
      expect(Math.abs(stableSigmoid(x) - expected)).toBeLessThanOrEqual(1e-15 * expected);
    }
  });

  it("is symmetric: σ(-x) = 1 - σ(x)", () => {
    for (let x = -10; x <= 10; x += 0.1) expect(sigmoid.forward(-x)).toBeCloseTo(1 - sigmoid.forward(x), 15);
  });

  it("has slope 1/4 at 0, read from y", () => {
    expect(sigmoid.derivative(Number.NaN, 0.5)).toBe(0.25);
  });
});

describe("tanh", () => {
  it("has slope 1 at 0, read from y", () => {
    expect(tanh.derivative(Number.NaN, 0)).toBe(1);
  });
});

describe("softplus", () => {
  it("neither overflows at 100 nor loses the tail at -100", () => {
    expect(softplus.forward(100)).toBe(100);
    const tail = Math.exp(-100); // log(1 + e⁻¹⁰⁰) = e⁻¹⁰⁰ to double precision
    expect(Math.abs(stableSoftplus(-100) - tail)).toBeLessThanOrEqual(1e-15 * tail);
    expect(softplus.forward(1000)).toBe(1000);
  });

  it("equals log(2) at 0 and has slope σ(x)", () => {
    expect(softplus.forward(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus.derivative(2, Number.NaN)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
  });
});
