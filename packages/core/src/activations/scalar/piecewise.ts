/**
 * Piecewise-linear reference activations. Kinks follow PyTorch: relu'(0) = 0; leaky_relu and prelu take the
 * negative branch at 0 (f'(0) = slope); hard_sigmoid' = 0 at ±3; hard_swish' = -0.5 at -3 and 1 at 3, as in
 * PyTorch 1.13's vectorised CPU path that real batches take (its scalar tail loop says 1.5 at 3).
 */
import type { ScalarActivation } from "../types";

export const step: ScalarActivation = {
  name: "step",
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
  derivativeInput: "x",
  forward: (x) => (x >= 0 ? 1 : 0),
  // Zero everywhere, including the jump at 0 where the true derivative does not exist.
  derivative: () => 0,
};

export const linear: ScalarActivation = {
  name: "linear",
  meta: {
    label: "Linear (identity)",
    range: [-Infinity, Infinity],
    zeroCentred: true,
    monotonic: true,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "No non-linearity: any stack of linear layers collapses into one linear map. A baseline, not a choice.",
  },
  derivativeInput: "x",
  forward: (x) => x,
  derivative: () => 1,
};

export const relu: ScalarActivation = {
  name: "relu",
  meta: {
    label: "ReLU",
    range: [0, Infinity],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff: "Cheap and sparse; units whose input stays negative stop learning for good (dying ReLU).",
  },
  derivativeInput: "x",
  forward: (x) => Math.max(x, 0),
  derivative: (x) => (x > 0 ? 1 : 0),
};

/** Leaky ReLU with negative slope `slope` (PyTorch default 0.01). */
export function leakyRelu(slope = 0.01): ScalarActivation {
  return {
    name: "leaky_relu",
    meta: {
      label: "Leaky ReLU",
      range: [-Infinity, Infinity],
      zeroCentred: true,
      monotonic: slope >= 0,
      smooth: false,
      learnable: [],
      hiddenLayersLearn: true,
      tradeoff:
        "ReLU with a small negative slope so no unit dies for good; the slope is one more knob to pick.",
    },
    derivativeInput: "x",
    forward: (x) => (x > 0 ? x : slope * x),
    derivative: (x) => (x > 0 ? 1 : slope),
  };
}

/** PReLU at a given α: the maths of leaky ReLU, but α is learned per layer or per unit during training. */
export function prelu(alpha = 0.25): ScalarActivation {
  return {
    name: "prelu",
    meta: {
      label: "PReLU",
      range: [-Infinity, Infinity],
      zeroCentred: true,
      // α is learned and may turn negative, so monotonicity is not guaranteed.
      monotonic: false,
      smooth: false,
      learnable: ["alpha"],
      hiddenLayersLearn: true,
      tradeoff:
        "Leaky ReLU that learns its negative slope (per layer or per unit); the extra freedom can overfit small data.",
    },
    derivativeInput: "x",
    forward: (x) => (x > 0 ? x : alpha * x),
    derivative: (x) => (x > 0 ? 1 : alpha),
  };
}

export const hardSigmoid: ScalarActivation = {
  name: "hard_sigmoid",
  meta: {
    label: "Hard sigmoid",
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: false,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "relu6(x + 3)/6: a sigmoid without exp, cheap on small devices; flat beyond ±3 where the gradient is exactly 0.",
  },
  derivativeInput: "x",
  forward: (x) => Math.min(Math.max(x + 3, 0), 6) / 6,
  derivative: (x) => (x > -3 && x < 3 ? 1 / 6 : 0),
};

export const hardSwish: ScalarActivation = {
  name: "hard_swish",
  meta: {
    label: "Hard swish",
    range: [-0.375, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: false,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff: "x·relu6(x + 3)/6 from MobileNetV3: swish's shape without exp, at the price of kinks at ±3.",
  },
  derivativeInput: "x",
  forward: (x) => (x * Math.min(Math.max(x + 3, 0), 6)) / 6,
  derivative: (x) => (x < -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1),
};
