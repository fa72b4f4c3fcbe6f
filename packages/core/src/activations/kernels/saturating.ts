/** Kernels for sigmoid, tanh and softplus. Maths in double, stored as float32. */
import type { ElementwiseKernel } from "./types";

// 1/(1+exp(-x)) cannot produce NaN in double: exp overflows to Infinity and the quotient is 0.
export const sigmoidKernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) a[i] = 1 / (1 + Math.exp(-(z[i] as number)));
  },
  derivative(_z, a, out, n) {
    for (let i = 0; i < n; i++) {
      const y = a[i] as number;
      out[i] = y * (1 - y);
    }
  },
  backward(_z, a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const y = a[i] as number;
      dz[i] = (da[i] as number) * y * (1 - y);
    }
  },
};

export const tanhKernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i] as number);
  },
  derivative(_z, a, out, n) {
    for (let i = 0; i < n; i++) {
      const y = a[i] as number;
      out[i] = 1 - y * y;
    }
  },
  backward(_z, a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const y = a[i] as number;
      dz[i] = (da[i] as number) * (1 - y * y);
    }
  },
};

export const softplusKernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
  },
  derivative(z, _a, out, n) {
    for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-(z[i] as number)));
  },
  backward(z, _a, da, dz, n) {
    for (let i = 0; i < n; i++) dz[i] = (da[i] as number) / (1 + Math.exp(-(z[i] as number)));
  },
};
