/** Every record's scalar maths: derivative against finite differences, honest derivativeInput, no overflow. */
import { describe, expect, it } from "vitest";
import { leakyCurve } from "./defs/leaky-relu";
import { mixture } from "./defs/mix";
import { swishCurve } from "./defs/swish";
import type { ActivationName } from "./names";
import { DEFAULT_ACTIVATION_SETTINGS } from "./record";
import { ACTIVATION_RECORDS, activationRecord } from "./registry";
import type { ScalarActivation } from "./types";

type NamedCurve = { name: ActivationName; curve: ScalarActivation };
const atDefaults = (name: ActivationName) => activationRecord(name).scalar(DEFAULT_ACTIVATION_SETTINGS);

/** Every scalar curve we ship: each record at the defaults, plus the parametrised curves at other parameters. */
const SCALARS: readonly NamedCurve[] = [
  ...ACTIVATION_RECORDS.map((r) => ({ name: r.name, curve: r.scalar(DEFAULT_ACTIVATION_SETTINGS) })),
  { name: "leaky_relu", curve: leakyCurve(0.2) },
  { name: "prelu", curve: leakyCurve(-0.5) },
  { name: "swish", curve: swishCurve(0.5) },
  { name: "swish", curve: swishCurve(2.5) },
  {
    name: "mix",
    curve: mixture([atDefaults("relu"), atDefaults("tanh"), atDefaults("gelu")], [0.7, -0.4, 1.3]),
  },
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

const label = ({ name, curve }: NamedCurve) => `${name}(${curve.forward(-1).toPrecision(6)} at -1)`;

describe("scalar activations: derivative against central finite differences", () => {
  for (const named of SCALARS) {
    const scalar = named.curve;
    it(`${label(named)}: f' matches (f(x+h) - f(x-h))/2h away from kinks`, () => {
      const kinks = KINKS[named.name] ?? [];
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
  for (const named of SCALARS) {
    const scalar = named.curve;
    it(`${label(named)} reads only ${scalar.derivativeInput}`, () => {
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
  for (const named of SCALARS) {
    const scalar = named.curve;
    it(`${label(named)} stays finite with a finite slope at |x| up to 1000`, () => {
      for (const x of [-1000, -710, -100, -50, 50, 100, 710, 1000]) {
        const y = scalar.forward(x);
        expect(Number.isFinite(y), `f(${x}) = ${y}`).toBe(true);
        expect(Number.isFinite(scalar.derivative(x, y)), `f'(${x})`).toBe(true);
      }
    });
  }
});

describe("the records", () => {
  it("give every hidden activation a kernel or a learned layer, and every mixable one a kernel", () => {
    for (const record of ACTIVATION_RECORDS) {
      if (record.use === "mixable") expect(typeof record.kernel, record.name).toBe("function");
      if (record.use !== "output") expect(record.kernel ?? record.learnedLayer, record.name).toBeDefined();
      else expect(record.kernel ?? record.learnedLayer, record.name).toBeUndefined();
    }
  });

  it("apply the run's leaky slope and swish β and leave other curves at their reference", () => {
    const settings = { ...DEFAULT_ACTIVATION_SETTINGS, leakySlope: 0.3, swishBeta: 2 };
    expect(activationRecord("leaky_relu").scalar(settings).forward(-2)).toBeCloseTo(-0.6, 15);
    expect(activationRecord("swish").scalar(settings).forward(1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(activationRecord("tanh").scalar(settings)).toBe(atDefaults("tanh"));
  });

  it("have unique names", () => {
    const names = ACTIVATION_RECORDS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
