/** GELU's tanh approximation (BERT, GPT-2): 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))). */
import { scratchOf, tanhInPlace } from "../../math/batch-math";
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const CUBIC = 0.044715;

/** f'(x) from t = tanh(√(2/π)(x + 0.044715x³)). */
function slope(x: number, t: number): number {
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * CUBIC * x * x);
}

const inner = (x: number) => Math.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x));

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: (x) => 0.5 * x * (1 + inner(x)),
  derivative: (x) => slope(x, inner(x)),
};

/** t[i] = tanh(√(2/π)(x + 0.044715x³)) for the batch, in a scratch buffer. */
function innerTanh(z: Float32Array, n: number): Float64Array {
  const t = scratchOf(n, 0);
  for (let i = 0; i < n; i++) {
    const x = z[i] as number;
    t[i] = SQRT_2_OVER_PI * (x + CUBIC * x * x * x);
  }
  return tanhInPlace(t, n);
}

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    const t = innerTanh(z, n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = 0.5 * x * (1 + (t[i] as number));
    }
  },
  derivative(z, _a, out, n) {
    const tanhs = innerTanh(z, n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = tanhs[i] as number;
      out[i] = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * CUBIC * x * x);
    }
  },
  backward(z, _a, da, dz, n) {
    const tanhs = innerTanh(z, n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = tanhs[i] as number;
      const d = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * CUBIC * x * x);
      dz[i] = (da[i] as number) * d;
    }
  },
};

export const geluTanh: ActivationRecord<"gelu_tanh", "mixable"> = {
  name: "gelu_tanh",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "GELU (tanh approx.)",
    range: [-0.170040750571255, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    tradeoff:
      "GELU's tanh approximation from BERT and GPT-2: within about 1e-3 of exact GELU, cheaper where erf is slow.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
