/** mish(x) = x·tanh(softplus(x)); f'(x) = t + x·(1 - t²)·σ(x) with t = tanh(softplus(x)). */
import { expOfScaled, expOfScaledAbs, log1pInPlace, tanhInPlace } from "../../math/batch-math";
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

/** t[i] = tanh(softplus(x)), softplus in its stable form, for the batch in scratch buffer 0. */
function tanhOfSoftplus(z: Float32Array, n: number): Float64Array {
  const t = log1pInPlace(expOfScaledAbs(z, -1, n, 0), n);
  for (let i = 0; i < n; i++) t[i] = Math.max(z[i] as number, 0) + (t[i] as number);
  return tanhInPlace(t, n);
}

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    const t = tanhOfSoftplus(z, n);
    for (let i = 0; i < n; i++) a[i] = (z[i] as number) * (t[i] as number);
  },
  derivative(z, _a, out, n) {
    const tanhs = tanhOfSoftplus(z, n);
    const e = expOfScaled(z, -1, n, 1);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = tanhs[i] as number;
      out[i] = t + (x * (1 - t * t)) / (1 + (e[i] as number));
    }
  },
  backward(z, _a, da, dz, n) {
    const tanhs = tanhOfSoftplus(z, n);
    const e = expOfScaled(z, -1, n, 1);
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      const t = tanhs[i] as number;
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
