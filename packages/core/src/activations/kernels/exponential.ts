/** Kernels for ELU (α = 1) and SELU; both use the negative branch at x = 0, as PyTorch does. */
import { SELU_ALPHA, SELU_SCALE } from "../scalar/exponential";
import type { ElementwiseKernel } from "./types";

// On the negative side f' = f + α, so the derivative reuses the stored output instead of another exp.
export const eluKernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = x > 0 ? x : Math.expm1(x);
    }
  },
  derivative(z, a, out, n) {
    for (let i = 0; i < n; i++) out[i] = (z[i] as number) > 0 ? 1 : (a[i] as number) + 1;
  },
  backward(z, a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const g = da[i] as number;
      dz[i] = (z[i] as number) > 0 ? g : g * ((a[i] as number) + 1);
    }
  },
};

const SELU_SCALE_ALPHA = SELU_SCALE * SELU_ALPHA;

export const seluKernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * Math.expm1(x);
    }
  },
  derivative(z, a, out, n) {
    for (let i = 0; i < n; i++) {
      out[i] = (z[i] as number) > 0 ? SELU_SCALE : (a[i] as number) + SELU_SCALE_ALPHA;
    }
  },
  backward(z, a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const g = da[i] as number;
      dz[i] = (z[i] as number) > 0 ? g * SELU_SCALE : g * ((a[i] as number) + SELU_SCALE_ALPHA);
    }
  },
};
