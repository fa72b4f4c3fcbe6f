/** Scalar stand-ins for the two activations that are not one fixed curve: a learned mix and softmax. */
import type { ScalarActivation } from "../types";
import { stableSigmoid } from "./saturating";

/** Σₖ wₖ·gₖ(x) at fixed weights: what a mix layer computes at one moment of training. */
export function mixture(bases: readonly ScalarActivation[], weights: readonly number[]): ScalarActivation {
  if (bases.length === 0 || bases.length !== weights.length) {
    throw new RangeError("a mixture needs one weight per base, and at least one base");
  }
  return {
    name: "mix",
    meta: {
      label: "Learned mix",
      range: [-Infinity, Infinity],
      zeroCentred: false,
      // The weights are learned and may turn negative, and the default bases include ReLU's kink.
      monotonic: false,
      smooth: false,
      learnable: ["mix weights"],
      hiddenLayersLearn: true,
      tradeoff:
        "Learns a weighted sum of base activations per layer (Manessi & Rozza); adapts its shape, but pays for every base.",
    },
    derivativeInput: "x",
    forward: (x) => {
      let sum = 0;
      for (let k = 0; k < bases.length; k++)
        sum += (weights[k] as number) * (bases[k] as ScalarActivation).forward(x);
      return sum;
    },
    derivative: (x) => {
      let sum = 0;
      for (let k = 0; k < bases.length; k++) {
        const base = bases[k] as ScalarActivation;
        sum += (weights[k] as number) * base.derivative(x, base.forward(x));
      }
      return sum;
    },
  };
}

/** The first component of softmax([x, 0]), i.e. e^x/(e^x + 1) = σ(x): softmax seen along one logit. */
export const softmaxFirstOfPair: ScalarActivation = {
  name: "softmax",
  meta: {
    label: "Softmax",
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "Turns output scores into class probabilities; output layer only, paired with cross-entropy, never a hidden layer.",
  },
  derivativeInput: "y",
  forward: stableSigmoid,
  // ∂p₀/∂x for p = softmax([x, 0]) is p₀(1 - p₀).
  derivative: (_x, y) => y * (1 - y),
};
