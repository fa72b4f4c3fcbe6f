/** Reference ELU (α = 1) and SELU. Both take the negative branch at x = 0, as PyTorch does. */
import type { ScalarActivation } from "../types";

/** Klambauer et al. 2017, "Self-Normalizing Neural Networks", the constants to full precision. */
// biome-ignore lint/correctness/noPrecisionLoss: the published digits, rounded to the nearest double.
export const SELU_SCALE = 1.0507009873554804934193349852946;
// biome-ignore lint/correctness/noPrecisionLoss: the published digits, rounded to the nearest double.
export const SELU_ALPHA = 1.6732632423543772848170429916717;

export const elu: ScalarActivation = {
  name: "elu",
  meta: {
    label: "ELU",
    range: [-1, Infinity],
    zeroCentred: true,
    monotonic: true,
    // With α = 1 both one-sided slopes at 0 equal 1, so f is C¹ (not C²).
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "Negative outputs pull mean activations towards zero and it is smooth at 0; the negative side costs an exp.",
  },
  // On the negative side f' = eˣ = f + 1: the output saves an exp, the input picks the branch.
  derivativeInput: "xy",
  forward: (x) => (x > 0 ? x : Math.expm1(x)),
  derivative: (x, y) => (x > 0 ? 1 : y + 1),
};

export const selu: ScalarActivation = {
  name: "selu",
  meta: {
    label: "SELU",
    range: [-SELU_SCALE * SELU_ALPHA, Infinity],
    zeroCentred: true,
    monotonic: true,
    // Slope λ on the right, λα on the left of 0.
    smooth: false,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "Scaled ELU that keeps plain MLPs self-normalising under LeCun-normal init; the promise breaks with other inits.",
  },
  derivativeInput: "xy",
  forward: (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x)),
  derivative: (x, y) => (x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA),
};
