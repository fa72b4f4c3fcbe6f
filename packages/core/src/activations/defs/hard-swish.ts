/**
 * Hard swish x·relu6(x + 3)/6 (MobileNetV3). f' = -0.5 at -3 and 1 at 3, as in PyTorch 1.13's vectorised CPU
 * path that real batches take (its scalar tail loop says 1.5 at 3).
 */
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const SIXTH = 1 / 6;

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: (x) => (x * Math.min(Math.max(x + 3, 0), 6)) / 6,
  derivative: (x) => (x < -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1),
};

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) * SIXTH;
    }
  },
  derivative(z, _a, out, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      out[i] = x < -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1;
    }
  },
  backward(z, _a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const g = da[i] as number;
      dz[i] = x < -3 ? 0 : x < 3 ? g * (x / 3 + 0.5) : g;
    }
  },
};

export const hardSwish: ActivationRecord<"hard_swish", "mixable"> = {
  name: "hard_swish",
  use: "mixable",
  replay: false,
  meta: {
    ...PLAIN_CURVE,
    label: "Hard swish",
    range: [-0.375, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: false,
    tradeoff: "x·relu6(x + 3)/6 from MobileNetV3: swish's shape without exp, at the price of kinks at ±3.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
