/** Softplus log(1 + eˣ), a smooth ReLU whose slope is σ(x). */
import { expOfScaled, expOfScaledAbs, log1pInPlace } from "../../math/batch-math";
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
    const l = log1pInPlace(expOfScaledAbs(z, -1, n), n);
    for (let i = 0; i < n; i++) a[i] = Math.max(z[i] as number, 0) + (l[i] as number);
  },
  derivative(z, _a, out, n) {
    const e = expOfScaled(z, -1, n);
    for (let i = 0; i < n; i++) out[i] = 1 / (1 + (e[i] as number));
  },
  backward(z, _a, da, dz, n) {
    const e = expOfScaled(z, -1, n);
    for (let i = 0; i < n; i++) dz[i] = (da[i] as number) / (1 + (e[i] as number));
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
