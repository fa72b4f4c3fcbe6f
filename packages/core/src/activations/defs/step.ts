/** Binary step, the perceptron's threshold: 1 from 0 on. */
import type { ElementwiseKernel } from "../kernel";
import type { ActivationRecord } from "../record";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: (x) => (x >= 0 ? 1 : 0),
  // Zero everywhere, including the jump at 0 where the true derivative does not exist.
  derivative: () => 0,
};

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    // Branch-free (a wide layer's signs are random, so a branch mispredicts half the time); NaN gives 0.
    for (let i = 0; i < n; i++) a[i] = +((z[i] as number) >= 0);
  },
  derivative(_z, _a, out, n) {
    out.fill(0, 0, n);
  },
  backward(_z, _a, _da, dz, n) {
    dz.fill(0, 0, n);
  },
};

export const step: ActivationRecord<"step", "hidden"> = {
  name: "step",
  use: "hidden",
  replay: true,
  meta: {
    label: "Binary step",
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    learnable: [],
    hiddenLayersLearn: false,
    tradeoff:
      "The perceptron's threshold: its slope is zero wherever it exists, so hidden layers cannot learn through it by gradient descent.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
