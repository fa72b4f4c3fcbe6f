/** Weight initialisation schemes; "auto" picks the variance-preserving scheme that suits the activation. */
import type { HiddenActivationName } from "../activations/names";
import type { INIT_SCHEMES } from "../config";
import type { Rng } from "../rng";

export type InitScheme = (typeof INIT_SCHEMES)[number];
export type ConcreteInitScheme = Exclude<InitScheme, "auto">;

// He keeps the variance of rectifier-like units (half the inputs are ~zeroed); LeCun normal is what
// SELU's self-normalisation assumes; Glorot suits activations that are linear and symmetric around 0.
const HE_FAMILY: ReadonlySet<HiddenActivationName> = new Set<HiddenActivationName>([
  "relu",
  "leaky_relu",
  "prelu",
  "elu",
  "swish",
  "gelu",
  "gelu_tanh",
  "mish",
  "hard_swish",
]);

/** The scheme a layer gets: the configured one, or for "auto" the one that suits its activation. */
export function resolveInit(
  scheme: InitScheme,
  activation: HiddenActivationName | "output",
): ConcreteInitScheme {
  if (scheme !== "auto") return scheme;
  if (activation === "selu") return "lecun_normal";
  if (activation !== "output" && HE_FAMILY.has(activation)) return "he_normal";
  return "glorot_uniform";
}

/** Fills W (fanOut × fanIn) from the scheme; biases stay zero. */
export function initWeights(
  W: Float32Array,
  fanIn: number,
  fanOut: number,
  scheme: ConcreteInitScheme,
  rng: Rng,
): void {
  const variance = {
    glorot_uniform: 2 / (fanIn + fanOut),
    glorot_normal: 2 / (fanIn + fanOut),
    he_uniform: 2 / fanIn,
    he_normal: 2 / fanIn,
    lecun_uniform: 1 / fanIn,
    lecun_normal: 1 / fanIn,
  }[scheme];
  if (scheme.endsWith("_uniform")) {
    // U(-l, l) has variance l²/3.
    const limit = Math.sqrt(3 * variance);
    for (let i = 0; i < W.length; i++) W[i] = (2 * rng.next() - 1) * limit;
    return;
  }
  const std = Math.sqrt(variance);
  for (let i = 0; i < W.length; i++) W[i] = rng.normal() * std;
}
