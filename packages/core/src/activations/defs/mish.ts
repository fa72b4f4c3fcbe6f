/** mish(x) = x·tanh(softplus(x)); f'(x) = t + x·(1 - t²)·σ(x) with t = tanh(softplus(x)). */
import { expOfScaled, expOfScaledAbs } from "../../math/batch-exp";
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import { stableSigmoid, stableSoftplus } from "../stable";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = {
  derivativeInput: "x",
  forward: (x) => x * Math.tanh(stableSoftplus(x)),
  derivative: (x) => {
    const t = Math.tanh(stableSoftplus(x));
    return t + x * (1 - t * t) * stableSigmoid(x);
  },
};

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    const e = expOfScaledAbs(z, -1, n);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      a[i] = x * Math.tanh(Math.max(x, 0) + Math.log1p(e[i] as number));
    }
  },
  derivative(z, _a, out, n) {
    const eAbs = expOfScaledAbs(z, -1, n, 0);
    const e = expOfScaled(z, -1, n, 1);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = Math.tanh(Math.max(x, 0) + Math.log1p(eAbs[i] as number));
      out[i] = t + (x * (1 - t * t)) / (1 + (e[i] as number));
    }
  },
  backward(z, _a, da, dz, n) {
    const eAbs = expOfScaledAbs(z, -1, n, 0);
    const e = expOfScaled(z, -1, n, 1);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = Math.tanh(Math.max(x, 0) + Math.log1p(eAbs[i] as number));
      dz[i] = (da[i] as number) * (t + (x * (1 - t * t)) / (1 + (e[i] as number)));
    }
  },
};

export const mish: ActivationRecord<"mish", "mixable"> = {
  name: "mish",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "Mish",
    range: [-0.308843413017251, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    tradeoff:
      "x·tanh(softplus(x)): smooth with a small negative dip, often on par with swish; the dearest here (exp, log, tanh).",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
