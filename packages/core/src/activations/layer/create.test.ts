/** The fast layer kernels against the slow scalar references, for every hidden activation and parameter state. */
import { describe, expect, it } from "vitest";
import { createRng } from "../../rng";
import { leakyCurve } from "../defs/leaky-relu";
import { mixture } from "../defs/mix";
import { swishCurve } from "../defs/swish";
import { HIDDEN_ACTIVATIONS } from "../names";
import { DEFAULT_ACTIVATION_SETTINGS } from "../record";
import { activationRecord } from "../registry";
import type { ActivationConfig, ActivationLayer, ScalarActivation } from "../types";
import { createActivationLayer } from "./create";

const config = (overrides: Partial<ActivationConfig> & Pick<ActivationConfig, "name">): ActivationConfig => ({
  ...DEFAULT_ACTIVATION_SETTINGS,
  ...overrides,
});

/** Each hidden activation at defaults, plus non-default parameters and learned-parameter states. */
const CASES: readonly { title: string; config: ActivationConfig; params?: readonly number[] }[] = [
  ...HIDDEN_ACTIVATIONS.map((name) => ({ title: name, config: config({ name }) })),
  { title: "leaky_relu slope 0.2", config: config({ name: "leaky_relu", leakySlope: 0.2 }) },
  { title: "swish β 2.5", config: config({ name: "swish", swishBeta: 2.5 }) },
  { title: "swish learned β", config: config({ name: "swish", swishLearnBeta: true }), params: [1.7] },
  { title: "prelu layer α -0.3", config: config({ name: "prelu" }), params: [-0.3] },
  {
    title: "prelu per unit",
    config: config({ name: "prelu", preluMode: "unit" }),
    params: [0.1, -0.3, 0.25, 0.9, 0],
  },
  {
    title: "mix of leaky_relu, swish, gelu, selu",
    config: config({
      name: "mix",
      mixOf: ["leaky_relu", "swish", "gelu", "selu"],
      leakySlope: 0.1,
      swishBeta: 2,
    }),
    params: [0.6, -0.4, 1.2, 0.3],
  },
];

const UNITS = 5;
const ROWS = 40;
const N = UNITS * ROWS;
/** Extra tail entries that a layer must leave alone: it may only touch rows·units values. */
const SLACK = 7;

/** z in [-6, 6], with kinks (0, ±3), near-kinks and large |z| (±20, ±50) mixed in. */
function batch(seed: number): Float32Array {
  const rng = createRng(seed);
  const z = new Float32Array(N + SLACK).fill(123);
  const special = [0, -0, 3, -3, 1e-3, -1e-3, 20, -20, 50, -50, 88, -88];
  for (let i = 0; i < N; i++) z[i] = i < special.length ? (special[i] as number) : 12 * rng.next() - 6;
  return z;
}

/** The scalar reference a layer must agree with, at the layer's current parameters. */
function referenceFor(layer: ActivationLayer, cfg: ActivationConfig, unit: number): ScalarActivation {
  const p = Array.from(layer.params);
  switch (cfg.name) {
    case "prelu":
      return leakyCurve(cfg.preluMode === "unit" ? (p[unit] as number) : (p[0] as number));
    case "swish":
      return swishCurve(cfg.swishLearnBeta ? (p[0] as number) : cfg.swishBeta);
    case "mix":
      return mixture(
        cfg.mixOf.map((base) => activationRecord(base).scalar(cfg)),
        p,
      );
    default:
      return activationRecord(cfg.name).scalar(cfg);
  }
}

/**
 * The kernels compute in double from the same float32 z and round once to float32 (relative error ≤ 6e-8).
 * Derivatives that read y inherit y's rounding times |∂f'/∂y| ≤ 2 (tanh), and a mix adds up to K float32
 * terms, each rounded. 2e-6·(1 + |reference|) is about 16 float32 ulps: above all that, far below a bug.
 */
const TOLERANCE = 2e-6;
const close = (actual: number, expected: number) =>
  Math.abs(actual - expected) <= TOLERANCE * (1 + Math.abs(expected));

describe("createActivationLayer agrees with the scalar reference", () => {
  for (const { title, config: cfg, params } of CASES) {
    it(`${title}: forward, derivative and backward on a random batch with large |z|, all finite`, () => {
      const layer = createActivationLayer(cfg, UNITS);
      if (params) layer.params.set(params);
      const z = batch(7);
      const a = new Float32Array(N + SLACK).fill(123);
      const out = new Float32Array(N + SLACK).fill(123);
      const dz = new Float32Array(N + SLACK).fill(123);
      const rng = createRng(11);
      const da = Float32Array.from({ length: N + SLACK }, () => 2 * rng.next() - 1);

      layer.forward(z, a, ROWS);
      layer.derivative(z, a, out, ROWS);
      layer.backward(z, a, da, dz, ROWS);

      for (let i = 0; i < N; i++) {
        const x = z[i] as number;
        const scalar = referenceFor(layer, cfg, i % UNITS);
        const y = scalar.forward(x);
        const slope = scalar.derivative(x, y);
        const at = `z[${i}] = ${x}`;
        expect(Number.isFinite(a[i]) && Number.isFinite(out[i]) && Number.isFinite(dz[i]), at).toBe(true);
        expect(close(a[i] as number, y), `f: ${a[i]} vs ${y} at ${at}`).toBe(true);
        expect(close(out[i] as number, slope), `f': ${out[i]} vs ${slope} at ${at}`).toBe(true);
        expect(close(dz[i] as number, (da[i] as number) * slope), `dz at ${at}`).toBe(true);
      }
      for (const buffer of [a, out, dz])
        expect(Array.from(buffer.subarray(N))).toEqual(Array(SLACK).fill(123));
    });

    it(`${title}: works in place (a = z in forward, dz = da in backward)`, () => {
      const layer = createActivationLayer(cfg, UNITS);
      if (params) layer.params.set(params);
      const z = batch(3);
      const a = new Float32Array(N + SLACK);
      layer.forward(z, a, ROWS);
      const da = Float32Array.from(a, (v) => 0.5 - v);
      const dz = new Float32Array(N + SLACK);
      layer.backward(z, a, da, dz, ROWS);

      const again = createActivationLayer(cfg, UNITS);
      if (params) again.params.set(params);
      const inPlace = z.slice();
      again.forward(inPlace, inPlace, ROWS);
      expect(inPlace.subarray(0, N)).toEqual(a.subarray(0, N));
      const gradInPlace = da.slice();
      again.backward(z, a, gradInPlace, gradInPlace, ROWS);
      expect(gradInPlace.subarray(0, N)).toEqual(dz.subarray(0, N));
    });
  }
});

describe("createActivationLayer parameters", () => {
  it("gives fixed activations no parameters", () => {
    for (const name of HIDDEN_ACTIVATIONS.filter((n) => n !== "prelu" && n !== "mix")) {
      const layer = createActivationLayer(config({ name }), 3);
      expect(layer.params.length, name).toBe(0);
      expect(layer.paramGrads.length, name).toBe(0);
      expect(layer.paramNames, name).toEqual([]);
      expect(layer.name).toBe(name);
      expect(layer.units).toBe(3);
    }
  });

  it("names and initialises learnable parameters from the config", () => {
    const perLayer = createActivationLayer(config({ name: "prelu", preluInit: 0.1 }), 3);
    expect(perLayer.paramNames).toEqual(["alpha"]);
    expect(Array.from(perLayer.params)).toEqual([Math.fround(0.1)]);

    const perUnit = createActivationLayer(config({ name: "prelu", preluMode: "unit", preluInit: -0.2 }), 3);
    expect(perUnit.paramNames).toEqual(["alpha/0", "alpha/1", "alpha/2"]);
    expect(Array.from(perUnit.params)).toEqual(Array(3).fill(Math.fround(-0.2)));

    const learnedBeta = createActivationLayer(
      config({ name: "swish", swishLearnBeta: true, swishBeta: 1.5 }),
      3,
    );
    expect(learnedBeta.paramNames).toEqual(["beta"]);
    expect(Array.from(learnedBeta.params)).toEqual([1.5]);

    const mix = createActivationLayer(config({ name: "mix", mixOf: ["relu", "tanh", "gelu"] }), 3);
    expect(mix.paramNames).toEqual(["mix/relu", "mix/tanh", "mix/gelu"]);
    expect(Array.from(mix.params)).toEqual(Array(3).fill(Math.fround(1 / 3)));
    expect(Array.from(mix.paramGrads)).toEqual([0, 0, 0]);
  });

  it("rejects a unit count that is not a positive integer", () => {
    expect(() => createActivationLayer(config({ name: "relu" }), 0)).toThrow(RangeError);
    expect(() => createActivationLayer(config({ name: "relu" }), 2.5)).toThrow(RangeError);
  });
});
