/** Kernels for the self-gated activations x·g(x): swish with a fixed β, GELU (exact and tanh), mish. */
import { erfc } from "../erf";
import { GELU_TANH_CUBIC, SQRT_2_OVER_PI } from "../scalar/gated";
import type { ElementwiseKernel } from "./types";

/** Swish with β fixed at creation; the learned-β variant lives in layer/swish.ts. */
export function swishKernel(beta: number): ElementwiseKernel {
  return {
    forward(z, a, n) {
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        a[i] = x / (1 + Math.exp(-beta * x));
      }
    },
    derivative(z, _a, out, n) {
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const s = 1 / (1 + Math.exp(-beta * x));
        out[i] = s * (1 + beta * x * (1 - s));
      }
    },
    backward(z, _a, da, dz, n) {
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const s = 1 / (1 + Math.exp(-beta * x));
        dz[i] = (da[i] as number) * s * (1 + beta * x * (1 - s));
      }
    },
  };
}

const MINUS_SQRT_HALF = -Math.SQRT1_2;
const ONE_OVER_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Exact GELU: f = x·Φ(x), f' = Φ(x) + x·φ(x); Φ(x) = erfc(-x/√2)/2 so the far negative tail does not cancel. */
export const geluKernel: ElementwiseKernel = {
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

export const geluTanhKernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x)));
    }
  },
  derivative(z, _a, out, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x));
      out[i] = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * x * x);
    }
  },
  backward(z, _a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x));
      const d = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * x * x);
      dz[i] = (da[i] as number) * d;
    }
  },
};

/** mish(x) = x·tanh(softplus(x)); f'(x) = t + x·(1 - t²)·σ(x) with t = tanh(softplus(x)). */
export const mishKernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = x * Math.tanh(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
    }
  },
  derivative(z, _a, out, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = Math.tanh(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
      out[i] = t + (x * (1 - t * t)) / (1 + Math.exp(-x));
    }
  },
  backward(z, _a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = Math.tanh(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
      dz[i] = (da[i] as number) * (t + (x * (1 - t * t)) / (1 + Math.exp(-x)));
    }
  },
};
