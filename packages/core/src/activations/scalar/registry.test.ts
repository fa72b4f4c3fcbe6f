/** Every scalar activation: derivative against finite differences, honest derivativeInput, no overflow. */
import { describe, expect, it } from "vitest";
import type { ActivationName } from "../names";
import type { ScalarActivation } from "../types";
import { mixture, softmaxFirstOfPair } from "./composite";
import { swish } from "./gated";
import { leakyRelu, prelu } from "./piecewise";
import { configuredScalar, SCALAR_ACTIVATIONS } from "./registry";

/** Every scalar curve we ship: the registry at defaults plus the factories at other parameters. */
const SCALARS: readonly ScalarActivation[] = [
  ...Object.values(SCALAR_ACTIVATIONS),
  leakyRelu(0.2),
  prelu(0.25),
  prelu(-0.5),
  swish(0.5),
  swish(2.5),
  mixture([SCALAR_ACTIVATIONS.relu, SCALAR_ACTIVATIONS.tanh, SCALAR_ACTIVATIONS.gelu], [0.7, -0.4, 1.3]),
  softmaxFirstOfPair,
];

/**
 * Where f or f' jumps (ELU: f'' jumps at 0, which biases a central difference by h/4 right at 0).
 * Mixes inherit ReLU's kink at 0.
 */
const KINKS: Partial<Record<ActivationName, readonly number[]>> = {
  step: [0],
  relu: [0],
  leaky_relu: [0],
  prelu: [0],
  elu: [0],
  selu: [0],
  hard_sigmoid: [-3, 3],
  hard_swish: [-3, 3],
  mix: [0],
};

const GRID = [...Array.from({ length: 2001 }, (_, i) => -10 + i / 100), -50, -20, 20, 50];

/**
 * Central differences with h = 1e-5 in double: truncation error h²/6·|f'''| ≈ 2e-11·|f'''| (|f'''| < 10 for every
 * curve here) and rounding error ≈ ε·|f|/h ≈ 1e-11·|f| (|f| ≤ 60 on the grid), both under 1e-9. A 1e-8 tolerance
 * is thus safe, and a wrong derivative is off by far more.
 */
const H = 1e-5;
const TOLERANCE = 1e-8;

const label = (s: ScalarActivation) => `${s.name}(${s.forward(-1).toPrecision(6)} at -1)`;

describe("scalar activations: derivative against central finite differences", () => {
  for (const scalar of SCALARS) {
    it(`${label(scalar)}: f' matches (f(x+h) - f(x-h))/2h away from kinks`, () => {
      const kinks = KINKS[scalar.name] ?? [];
      let checked = 0;
      for (const x of GRID) {
        if (kinks.some((k) => Math.abs(x - k) < 1e-3)) continue;
        const numeric = (scalar.forward(x + H) - scalar.forward(x - H)) / (2 * H);
        const analytic = scalar.derivative(x, scalar.forward(x));
        expect(Math.abs(analytic - numeric), `x = ${x}`).toBeLessThanOrEqual(
          TOLERANCE * (1 + Math.abs(numeric)),
        );
        checked++;
      }
      expect(checked).toBeGreaterThan(1900);
    });
  }
});

describe("scalar activations: derivativeInput is truthful", () => {
  for (const scalar of SCALARS) {
    it(`${label(scalar)} reads only ${scalar.derivativeInput}`, () => {
      for (const x of GRID) {
        const y = scalar.forward(x);
        const both = scalar.derivative(x, y);
        if (scalar.derivativeInput === "x") expect(scalar.derivative(x, Number.NaN)).toBe(both);
        if (scalar.derivativeInput === "y") expect(scalar.derivative(Number.NaN, y)).toBe(both);
      }
    });
  }
});

describe("scalar activations: no overflow", () => {
  for (const scalar of SCALARS) {
    it(`${label(scalar)} stays finite with a finite slope at |x| up to 1000`, () => {
      for (const x of [-1000, -710, -100, -50, 50, 100, 710, 1000]) {
        const y = scalar.forward(x);
        expect(Number.isFinite(y), `f(${x}) = ${y}`).toBe(true);
        expect(Number.isFinite(scalar.derivative(x, y)), `f'(${x})`).toBe(true);
      }
    });
  }
});

describe("configuredScalar", () => {
  it("applies the run's leaky slope and swish β and leaves other names at their reference", () => {
    const options = { leakySlope: 0.3, swishBeta: 2 };
    expect(configuredScalar("leaky_relu", options).forward(-2)).toBeCloseTo(-0.6, 15);
    expect(configuredScalar("swish", options).forward(1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(configuredScalar("tanh", options)).toBe(SCALAR_ACTIVATIONS.tanh);
  });
});
