/** Reference self-gated activations x·g(x): swish, GELU (exact and tanh approximation) and mish. */
import { erfc } from "../erf";
import type { ScalarActivation } from "../types";
import { stableSigmoid, stableSoftplus } from "./saturating";

export const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
export const GELU_TANH_CUBIC = 0.044715;
const ONE_OVER_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Swish x·σ(βx) (SiLU at β = 1). Its minimum, -0.2784645427610738/β at x = -1.2784645/β, bounds the range. */
export function swish(beta = 1): ScalarActivation {
  return {
    name: "swish",
    meta: {
      label: "Swish (SiLU)",
      range: [-0.278464542761074 / beta, Infinity],
      zeroCentred: true,
      monotonic: false,
      smooth: true,
      learnable: ["beta"],
      hiddenLayersLearn: true,
      tradeoff:
        "Smooth, self-gated and slightly non-monotonic; often beats ReLU in deep nets for an exp per unit. β may be learned.",
    },
    derivativeInput: "x",
    forward: (x) => x * stableSigmoid(beta * x),
    derivative: (x) => {
      const s = stableSigmoid(beta * x);
      return s + beta * x * s * (1 - s);
    },
  };
}

/** Φ(x), the standard normal CDF, via erfc so the negative tail keeps its relative precision. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

export const gelu: ScalarActivation = {
  name: "gelu",
  meta: {
    label: "GELU",
    range: [-0.169971207479904, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "Scales x by the chance Φ(x) that a standard normal falls below it; the Transformer default, dearer than ReLU (erf).",
  },
  derivativeInput: "x",
  forward: (x) => x * normalCdf(x),
  derivative: (x) => normalCdf(x) + x * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x),
};

export const geluTanh: ScalarActivation = {
  name: "gelu_tanh",
  meta: {
    label: "GELU (tanh approx.)",
    range: [-0.170040750571255, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "GELU's tanh approximation from BERT and GPT-2: within about 1e-3 of exact GELU, cheaper where erf is slow.",
  },
  derivativeInput: "x",
  forward: (x) => 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x))),
  derivative: (x) => {
    const t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x * x * x));
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * x * x);
  },
};

export const mish: ScalarActivation = {
  name: "mish",
  meta: {
    label: "Mish",
    range: [-0.308843413017251, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    learnable: [],
    hiddenLayersLearn: true,
    tradeoff:
      "x·tanh(softplus(x)): smooth with a small negative dip, often on par with swish; the dearest here (exp, log, tanh).",
  },
  derivativeInput: "x",
  forward: (x) => x * Math.tanh(stableSoftplus(x)),
  derivative: (x) => {
    const t = Math.tanh(stableSoftplus(x));
    return t + x * (1 - t * t) * stableSigmoid(x);
  },
};
