/** The logistic sigmoid σ(x) = 1/(1 + e⁻ˣ); its derivative reads the output, y(1 - y). */
import { expOfScaled } from "../../math/batch-math";
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import { stableSigmoid } from "../stable";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = {
  derivativeInput: "y",
  forward: stableSigmoid,
  derivative: (_x, y) => y * (1 - y),
};

// Maths in double, stored as float32. 1/(1+exp(-x)) cannot produce NaN in double: exp overflows to
// Infinity and the quotient is 0.
const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    const e = expOfScaled(z, -1, n);
    for (let i = 0; i < n; i++) a[i] = 1 / (1 + (e[i] as number));
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

export const sigmoid: ActivationRecord<"sigmoid", "mixable"> = {
  name: "sigmoid",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "Sigmoid",
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    tradeoff:
      "Smooth and probability-like, but never negative and flat at both ends (slope ≤ 1/4), so deep stacks learn slowly.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
