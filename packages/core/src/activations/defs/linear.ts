/** The identity: the baseline with no non-linearity. */
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = { derivativeInput: "x", forward: (x) => x, derivative: () => 1 };

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    if (a !== z) a.set(z.subarray(0, n));
  },
  derivative(_z, _a, out, n) {
    out.fill(1, 0, n);
  },
  backward(_z, _a, da, dz, n) {
    if (dz !== da) dz.set(da.subarray(0, n));
  },
};

export const linear: ActivationRecord<"linear", "mixable"> = {
  name: "linear",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "Linear (identity)",
    range: [-Infinity, Infinity],
    zeroCentred: true,
    monotonic: true,
    smooth: true,
    tradeoff:
      "No non-linearity: any stack of linear layers collapses into one linear map. A baseline, not a choice.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
