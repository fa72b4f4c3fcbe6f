/** Softplus log(1 + eˣ), a smooth ReLU whose slope is σ(x). */
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import { stableSigmoid, stableSoftplus } from "../stable";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: stableSoftplus,
  derivative: (x) => stableSigmoid(x),
};

const kernel: ElementwiseKernel = {
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

export const softplus: ActivationRecord<"softplus", "mixable"> = {
  name: "softplus",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "Softplus",
    range: [0, Infinity],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    tradeoff:
      "A smooth ReLU, log(1 + eˣ): no dead units and no kink, but always positive and it costs an exp and a log.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
