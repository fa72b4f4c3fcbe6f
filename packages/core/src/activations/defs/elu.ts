/** ELU with α = 1; the negative branch at x = 0, as PyTorch. */
import { expm1InPlace, scratchOf } from "../../math/batch-math";
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

const curve: ScalarActivation = {
  // On the negative side f' = eˣ = f + 1: the output saves an exp, the input picks the branch.
  derivativeInput: "xy",
  forward: (x) => (x > 0 ? x : Math.expm1(x)),
  derivative: (x, y) => (x > 0 ? 1 : y + 1),
};

const PICK = new Float64Array(2);

const kernel: ElementwiseKernel = {
  forward(z, a, n) {
    // Every element's expm1 at once (the positive side's go unused: cheaper than a branch per element).
    const m = scratchOf(n, 0);
    for (let i = 0; i < n; i++) m[i] = z[i] as number;
    expm1InPlace(m, n);
    // A select through a two-slot array: branch-free (random signs mispredict a branch half the time)
    // and exactly one of the two values, as the ternary.
    const pick = PICK;
    for (let i = 0; i < n; i++) {
      const x = z[i] as number;
      pick[0] = m[i] as number;
      pick[1] = x;
      a[i] = pick[+(x > 0)] as number;
    }
  },
  derivative(z, a, out, n) {
    for (let i = 0; i < n; i++) out[i] = (z[i] as number) > 0 ? 1 : (a[i] as number) + 1;
  },
  backward(z, a, da, dz, n) {
    const pick = PICK;
    for (let i = 0; i < n; i++) {
      const g = da[i] as number;
      pick[0] = g * ((a[i] as number) + 1);
      pick[1] = g;
      dz[i] = pick[+((z[i] as number) > 0)] as number;
    }
  },
};

export const elu: ActivationRecord<"elu", "mixable"> = {
  name: "elu",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "ELU",
    range: [-1, Infinity],
    zeroCentred: true,
    monotonic: true,
    // With α = 1 both one-sided slopes at 0 equal 1, so f is C¹ (not C²).
    smooth: true,
    tradeoff:
      "Negative outputs pull mean activations towards zero and it is smooth at 0; the negative side costs an exp.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
