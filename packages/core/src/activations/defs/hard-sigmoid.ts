/** Hard sigmoid relu6(x + 3)/6, with zero slope at ±3 as in PyTorch. */
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const SIXTH = 1 / 6;

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: (x) => Math.min(Math.max(x + 3, 0), 6) / 6,
  derivative: (x) => (x > -3 && x < 3 ? 1 / 6 : 0),
};

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = x <= -3 ? 0 : x >= 3 ? 1 : x * SIXTH + 0.5;
    }
  },
  derivative(z, _a, out, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      out[i] = x > -3 && x < 3 ? SIXTH : 0;
    }
  },
  backward(z, _a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      dz[i] = x > -3 && x < 3 ? (da[i] as number) * SIXTH : 0;
    }
  },
};

export const hardSigmoid: ActivationRecord<"hard_sigmoid", "mixable"> = {
  name: "hard_sigmoid",
  use: "mixable",
  replay: false,
  meta: {
    ...PLAIN_CURVE,
    label: "Hard sigmoid",
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    tradeoff:
      "relu6(x + 3)/6: a sigmoid without exp, cheap on small devices; flat beyond ±3 where the gradient is exactly 0.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
