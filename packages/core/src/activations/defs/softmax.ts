/**
 * Softmax, output layer only (the loss computes it with cross-entropy). As a curve it is seen along one logit:
 * the first component of softmax([x, 0]), e^x/(e^x + 1) = σ(x), whose slope is p₀(1 - p₀).
 */
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import { stableSigmoid } from "../stable";
import type { ScalarActivation } from "../types";

const firstOfPair: ScalarActivation = {
  derivativeInput: "y",
  forward: stableSigmoid,
  derivative: (_x, y) => y * (1 - y),
};

export const softmax: ActivationRecord<"softmax", "output"> = {
  name: "softmax",
  use: "output",
  replay: false,
  meta: {
    ...PLAIN_CURVE,
    label: "Softmax",
    range: [0, 1],
    zeroCentred: false,
    monotonic: true,
    smooth: true,
    tradeoff:
      "Turns output scores into class probabilities; output layer only, paired with cross-entropy, never a hidden layer.",
  },
  plotNote: "Softmax is vector-valued: plotted as the first component of softmax([x, 0]), which equals σ(x).",
  scalar: () => firstOfPair,
};
