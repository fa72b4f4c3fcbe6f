/** Exact GELU x·Φ(x), Φ the standard normal CDF; f' = Φ(x) + x·φ(x). */
import { expInPlace, scratchOf } from "../../math/batch-math";
import { erfc, erfcInPlace } from "../erf";
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const ONE_OVER_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const MINUS_SQRT_HALF = -Math.SQRT1_2;

/** Φ(x) = erfc(-x/√2)/2: through erfc, so the far negative tail keeps its relative precision (1 + erf would cancel). */
function normalCdf(x: number): number {
  return 0.5 * erfc(MINUS_SQRT_HALF * x);
}

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: (x) => x * normalCdf(x),
  derivative: (x) => normalCdf(x) + x * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x),
};

/** erfc(−x/√2) for the batch, in scratch slot 0. */
function erfcOfBatch(z: Float32Array, n: number): Float64Array {
  const c = scratchOf(n, 0);
  for (let i = 0; i < n; i++) c[i] = MINUS_SQRT_HALF * (z[i] as number);
  return erfcInPlace(c, n);
}

/** exp(−x²/2) for the batch, in scratch slot 1. */
function gaussOfBatch(z: Float32Array, n: number): Float64Array {
  const g = scratchOf(n, 1);
  for (let i = 0; i < n; i++) {
    const x = z[i] as number;
    g[i] = -0.5 * x * x;
  }
  return expInPlace(g, n);
}

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    const c = erfcOfBatch(z, n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = 0.5 * x * (c[i] as number);
    }
  },
  derivative(z, _a, out, n) {
    const c = erfcOfBatch(z, n);
    const g = gaussOfBatch(z, n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      out[i] = 0.5 * (c[i] as number) + x * ONE_OVER_SQRT_2PI * (g[i] as number);
    }
  },
  backward(z, _a, da, dz, n) {
    const c = erfcOfBatch(z, n);
    const g = gaussOfBatch(z, n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const d = 0.5 * (c[i] as number) + x * ONE_OVER_SQRT_2PI * (g[i] as number);
      dz[i] = (da[i] as number) * d;
    }
  },
};

export const gelu: ActivationRecord<"gelu", "mixable"> = {
  name: "gelu",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "GELU",
    range: [-0.169971207479904, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    tradeoff:
      "Scales x by the chance Φ(x) that a standard normal falls below it; the Transformer default, dearer than ReLU (erf).",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
