/** Learnable parameters (PReLU α, swish β, mix weights): gradients against finite differences, accumulation. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../rng";
import { leakyCurve } from "../defs/leaky-relu";
import { mixture } from "../defs/mix";
import { swishCurve } from "../defs/swish";
import type { MixableActivationName } from "../names";
import { activationRecord } from "../registry";
import type { ActivationConfig, ActivationLayer, ScalarActivation } from "../types";
import { createActivationLayer } from "./create";

const BASE: ActivationConfig = {
  name: "relu",
  leakySlope: 0.05,
  preluMode: "layer",
  preluInit: 0.25,
  swishBeta: 1.3,
  swishLearnBeta: false,
  mixOf: ["relu", "tanh", "sigmoid", "linear"],
};

const UNITS = 4;
const ROWS = 64;
const N = UNITS * ROWS;

function randomBatch(seed: number): { z: Float32Array; c: Float32Array } {
  const rng = createRng(seed);
  const z = Float32Array.from({ length: N }, () => 10 * rng.next() - 5);
  const c = Float32Array.from({ length: N }, () => 2 * rng.next() - 1);
  return { z, c };
}

/**
 * Checks layer.paramGrads after one backward with da = c against central differences of L(θ) = Σ c_i·f_θ(z_i),
 * evaluated in double with the scalar reference (`curveAt(θ, unit)`). The layer's gradient is summed in double
 * from float32-rounded terms and stored as float32, so each term carries ~1e-7 relative error; the check allows
 * 1e-6 of Σ|c_i·∂f/∂θ|, the scale of the sum (robust to cancellation). FD with h = 1e-6 in double is ~1e-9 exact.
 */
function expectParamGradsMatchFiniteDifferences(
  layer: ActivationLayer,
  curveAt: (params: readonly number[], unit: number) => ScalarActivation,
  seed: number,
): void {
  const { z, c } = randomBatch(seed);
  const a = new Float32Array(N);
  const dz = new Float32Array(N);
  layer.forward(z, a, ROWS);
  layer.backward(z, a, c, dz, ROWS);

  const theta = Array.from(layer.params, (p) => p);
  const h = 1e-6;
  theta.forEach((_, k) => {
    const shifted = (delta: number) => theta.map((p, j) => (j === k ? p + delta : p));
    let numeric = 0;
    let scale = 0;
    for (let i = 0; i < N; i++) {
      const x = z[i] as number;
      const unit = i % UNITS;
      const term = (curveAt(shifted(h), unit).forward(x) - curveAt(shifted(-h), unit).forward(x)) / (2 * h);
      numeric += (c[i] as number) * term;
      scale += Math.abs((c[i] as number) * term);
    }
    expect(scale, `${layer.paramNames[k]} has some effect on L`).toBeGreaterThan(0.1);
    const analytic = layer.paramGrads[k] as number;
    expect(
      Math.abs(analytic - numeric),
      `${layer.paramNames[k]}: ${analytic} vs ${numeric}`,
    ).toBeLessThanOrEqual(1e-6 * scale);
  });
}

describe("learnable activation parameters: dL/dθ against finite differences of L = Σ c·a", () => {
  it("prelu with one α per layer", () => {
    const layer = createActivationLayer({ ...BASE, name: "prelu" }, UNITS);
    layer.params[0] = -0.15;
    expectParamGradsMatchFiniteDifferences(layer, (p) => leakyCurve(p[0] as number), 1);
  });

  it("prelu with one α per unit", () => {
    const layer = createActivationLayer({ ...BASE, name: "prelu", preluMode: "unit" }, UNITS);
    layer.params.set([0.25, -0.5, 0.01, 1]);
    expectParamGradsMatchFiniteDifferences(layer, (p, unit) => leakyCurve(p[unit] as number), 2);
  });

  it("swish with a learned β", () => {
    const layer = createActivationLayer({ ...BASE, name: "swish", swishLearnBeta: true }, UNITS);
    expectParamGradsMatchFiniteDifferences(layer, (p) => swishCurve(p[0] as number), 3);
  });

  it("mix weights over every mixable base", () => {
    const bases: MixableActivationName[][] = [
      ["relu", "tanh", "sigmoid", "linear"],
      ["leaky_relu", "swish", "elu", "selu", "gelu", "gelu_tanh", "mish", "softplus"],
      ["hard_sigmoid", "hard_swish"],
    ];
    bases.forEach((mixOf, s) => {
      const cfg: ActivationConfig = { ...BASE, name: "mix", mixOf };
      const layer = createActivationLayer(cfg, UNITS);
      const rng = createRng(40 + s);
      layer.params.forEach((_, k) => {
        layer.params[k] = 2 * rng.next() - 1;
      });
      const curves = mixOf.map((base) => activationRecord(base).scalar(cfg));
      expectParamGradsMatchFiniteDifferences(layer, (p) => mixture(curves, p), 4 + s);
    });
  });
});

describe("parameter gradients accumulate", () => {
  it("adds into paramGrads on every backward instead of overwriting", () => {
    const layer = createActivationLayer({ ...BASE, name: "prelu", preluMode: "unit" }, UNITS);
    const { z, c } = randomBatch(9);
    const a = new Float32Array(N);
    const dz = new Float32Array(N);
    layer.forward(z, a, ROWS);
    layer.backward(z, a, c, dz, ROWS);
    const once = Array.from(layer.paramGrads);
    layer.backward(z, a, c, dz, ROWS);
    expect(Array.from(layer.paramGrads)).toEqual(once.map((g) => Math.fround(2 * g)));
  });

  it("uses the current parameter values on every call", () => {
    const layer = createActivationLayer({ ...BASE, name: "swish", swishLearnBeta: true }, 1);
    const z = new Float32Array([2]);
    const a = new Float32Array(1);
    layer.forward(z, a, 1);
    const before = a[0];
    layer.params[0] = 5;
    layer.forward(z, a, 1);
    expect(a[0]).not.toBe(before);
    expect(a[0]).toBeCloseTo(2 / (1 + Math.exp(-10)), 6);
  });
});
