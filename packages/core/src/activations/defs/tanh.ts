/** tanh, the zero-centred sigmoid; its derivative reads the output, 1 - y². */
import { scratchOf, tanhInPlace } from "../../math/batch-math";
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = {
  derivativeInput: "y",
  forward: (x) => Math.tanh(x),
  derivative: (_x, y) => 1 - y * y,
};

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    const t = scratchOf(n, 0);
    for (let i = 0; i < n; i++) t[i] = z[i] as number;
    tanhInPlace(t, n);
    for (let i = 0; i < n; i++) a[i] = t[i] as number;
  },
  derivative(_z, a, out, n) {
    for (let i = 0; i < n; i++) {
      const y = a[i] as number;
      out[i] = 1 - y * y;
    }
  },
  backward(_z, a, da, dz, n) {
    for (let i = 0; i < n; i++) {
      const y = a[i] as number;
      dz[i] = (da[i] as number) * (1 - y * y);
    }
  },
};

export const tanh: ActivationRecord<"tanh", "mixable"> = {
  name: "tanh",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "Tanh",
    range: [-1, 1],
    zeroCentred: true,
    monotonic: true,
    smooth: true,
    tradeoff:
      "A zero-centred sigmoid with slope 1 at 0; still saturates for large |x|, starving deep layers of gradient.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
