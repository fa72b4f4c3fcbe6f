/** The scalar references against PyTorch 1.13 (float64 autograd), from fixtures/torch_reference.py. */
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/torch-reference.json";
import type { ActivationName } from "./names";
import { DEFAULT_ACTIVATION_SETTINGS } from "./record";
import { ACTIVATION_RECORDS, activationRecord } from "./registry";
import type { ScalarActivation } from "./types";

type Case = { y: number[]; dydx: number[] };
const cases = fixture.cases as Record<string, Case>;

/** The curve at the run defaults; prelu's is at α = 0.25, its initial slope, as in the fixture. */
function reference(name: string): ScalarActivation {
  return activationRecord(name as ActivationName).scalar(DEFAULT_ACTIVATION_SETTINGS);
}

/**
 * Both sides are double maths, so most agree to ~1e-15; 1e-12 relative leaves room for libm's exp/erf.
 * PyTorch 1.13 writes hardsigmoid's and hardswish's 1/6 as a float32 constant (off by 5e-9), hence 1e-8 there.
 */
const tolerance = (name: string) => (name === "hard_sigmoid" || name === "hard_swish" ? 1e-8 : 1e-12);

describe("scalar activations match PyTorch", () => {
  it("covers every fixed activation except step (PyTorch has no differentiable step)", () => {
    const fixed = ACTIVATION_RECORDS.filter((r) => r.kernel !== undefined).map((r) => r.name);
    const missing = fixed.filter((name) => !(name in cases));
    expect(missing).toEqual(["step"]);
  });

  for (const [name, { y, dydx }] of Object.entries(cases)) {
    it(`${name}: values and derivatives, including the kinks at 0 and ±3`, () => {
      const scalar = reference(name);
      const tol = tolerance(name);
      fixture.x.forEach((x, i) => {
        const expectedY = y[i] as number;
        const expectedSlope = dydx[i] as number;
        const fx = scalar.forward(x);
        expect(Math.abs(fx - expectedY), `f(${x})`).toBeLessThanOrEqual(tol * (1 + Math.abs(expectedY)));
        const slope = scalar.derivative(x, fx);
        expect(Math.abs(slope - expectedSlope), `f'(${x})`).toBeLessThanOrEqual(
          tol * (1 + Math.abs(expectedSlope)),
        );
      });
    });
  }
});
