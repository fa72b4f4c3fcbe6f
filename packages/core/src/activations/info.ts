/** activationInfo: metadata and a plottable curve (forward and derivative in x) for every activation name. */
import type { ActivationName } from "./names";
import { mixture, softmaxFirstOfPair } from "./scalar/composite";
import { prelu } from "./scalar/piecewise";
import { SCALAR_ACTIVATIONS } from "./scalar/registry";
import type { ActivationMeta, ScalarActivation } from "./types";

export type ActivationInfo = {
  meta: ActivationMeta;
  forward(x: number): number;
  derivative(x: number): number;
  /** Present where the plotted curve is one instance of a family (learned or vector-valued). */
  plotNote?: string;
};

const PLOT_PRELU_ALPHA = 0.25;
const PLOT_MIX_BASES = ["relu", "tanh", "sigmoid", "linear"] as const;

const plotMix = mixture(
  PLOT_MIX_BASES.map((name) => SCALAR_ACTIVATIONS[name]),
  PLOT_MIX_BASES.map(() => 1 / PLOT_MIX_BASES.length),
);

function plotted(name: ActivationName): { scalar: ScalarActivation; plotNote?: string } {
  switch (name) {
    case "prelu":
      return {
        scalar: prelu(PLOT_PRELU_ALPHA),
        plotNote: "Plotted at α = 0.25, the default initial slope; α is learned.",
      };
    case "mix":
      return {
        scalar: plotMix,
        plotNote: "Plotted as equal weights 1/4 of relu, tanh, sigmoid and linear: a mix at initialisation.",
      };
    case "softmax":
      return {
        scalar: softmaxFirstOfPair,
        plotNote:
          "Softmax is vector-valued: plotted as the first component of softmax([x, 0]), which equals σ(x).",
      };
    case "leaky_relu":
      return { scalar: SCALAR_ACTIVATIONS.leaky_relu, plotNote: "Plotted with slope 0.01, the default." };
    case "swish":
      return { scalar: SCALAR_ACTIVATIONS.swish, plotNote: "Plotted at β = 1 (SiLU); β may be learned." };
    default:
      return { scalar: SCALAR_ACTIVATIONS[name] };
  }
}

export function activationInfo(name: ActivationName): ActivationInfo {
  const { scalar, plotNote } = plotted(name);
  const info: ActivationInfo = {
    meta: scalar.meta,
    forward: scalar.forward,
    derivative: (x) => scalar.derivative(x, scalar.forward(x)),
  };
  if (plotNote !== undefined) info.plotNote = plotNote;
  return info;
}
