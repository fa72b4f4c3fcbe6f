/** Exact GELU x·Φ(x), Φ the standard normal CDF; f' = Φ(x) + x·φ(x). */
import { erfc } from "../erf";
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

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = 0.5 * x * erfc(MINUS_SQRT_HALF * x);
    }
  },
  derivative(z, _a, out, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      out[i] = 0.5 * erfc(MINUS_SQRT_HALF * x) + x * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
  },
  backward(z, _a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const d = 0.5 * erfc(MINUS_SQRT_HALF * x) + x * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
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
