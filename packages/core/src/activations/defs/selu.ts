/** SELU, λ·ELU with α and λ from Klambauer et al.; the negative branch at x = 0, as PyTorch. */
import { expm1InPlace, scratchOf } from "../../math/batch-math";
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

/** Klambauer et al. 2017, "Self-Normalizing Neural Networks", the constants to full precision. */
// biome-ignore lint/correctness/noPrecisionLoss: the published digits, rounded to the nearest double.
const SELU_SCALE = 1.0507009873554804934193349852946;
// biome-ignore lint/correctness/noPrecisionLoss: the published digits, rounded to the nearest double.
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE_ALPHA = SELU_SCALE * SELU_ALPHA;

const curve: ScalarActivation = {
  // On the negative side f' = f + λα: the output saves an exp, the input picks the branch.
  derivativeInput: "xy",
  forward: (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x)),
  derivative: (x, y) => (x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA),
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
      pick[0] = SELU_SCALE_ALPHA * (m[i] as number);
      pick[1] = SELU_SCALE * x;
      a[i] = pick[+(x > 0)] as number;
    }
  },
  derivative(z, a, out, n) {
    for (let i = 0; i < n; i++) {
      out[i] = (z[i] as number) > 0 ? SELU_SCALE : (a[i] as number) + SELU_SCALE_ALPHA;
    }
  },
  backward(z, a, da, dz, n) {
    const pick = PICK;
    for (let i = 0; i < n; i++) {
      const g = da[i] as number;
      pick[0] = g * ((a[i] as number) + SELU_SCALE_ALPHA);
      pick[1] = g * SELU_SCALE;
      dz[i] = pick[+((z[i] as number) > 0)] as number;
    }
  },
};

export const selu: ActivationRecord<"selu", "mixable"> = {
  name: "selu",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "SELU",
    range: [-SELU_SCALE * SELU_ALPHA, Infinity],
    zeroCentred: true,
    monotonic: true,
    // Slope λ on the right, λα on the left of 0.
    smooth: false,
    tradeoff:
      "Scaled ELU that keeps plain MLPs self-normalising under LeCun-normal init; the promise breaks with other inits.",
  },
  scalar: () => curve,
  kernel: () => kernel,
};
