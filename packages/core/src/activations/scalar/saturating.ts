/** Reference sigmoid, tanh and softplus, written so that no intermediate overflows for any finite x. */
import type { ScalarActivation } from "../types";

/** σ(x), evaluated through exp(-|x|) so exp never overflows. */
export function stableSigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + eˣ) = max(x, 0) + log1p(e^-|x|): exact to rounding at both ends (x at ±100 and beyond). */
export function stableSoftplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

export const sigmoid: ScalarActivation = {
  name: "sigmoid",
  meta: {
    label: "Sigmoid",
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "Smooth and probability-like, but never negative and flat at both ends (slope ≤ 1/4), so deep stacks learn slowly.",
  },
  derivativeInput: "y",
  forward: stableSigmoid,
  derivative: (_x, y) => y * (1 - y),
};

export const tanh: ScalarActivation = {
  name: "tanh",
  meta: {
    label: "Tanh",
    range: [-1, 1],
    zeroCentred: true,
    monotonic: true,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "A zero-centred sigmoid with slope 1 at 0; still saturates for large |x|, starving deep layers of gradient.",
  },
  derivativeInput: "y",
  forward: (x) => Math.tanh(x),
  derivative: (_x, y) => 1 - y * y,
};

export const softplus: ScalarActivation = {
  name: "softplus",
  meta: {
    label: "Softplus",
    range: [0, Infinity],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "A smooth ReLU, log(1 + eˣ): no dead units and no kink, but always positive and it costs an exp and a log.",
  },
  derivativeInput: "x",
  forward: stableSoftplus,
  derivative: (x) => stableSigmoid(x),
};
