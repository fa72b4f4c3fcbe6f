/** The scalar reference of every fixed activation, by name, at default or configured parameters. */
import type { FixedActivationName, FixedKernelOptions } from "../kernels/fixed";
import type { ScalarActivation } from "../types";
import { elu, selu } from "./exponential";
import { gelu, geluTanh, mish, swish } from "./gated";
import { hardSigmoid, hardSwish, leakyRelu, linear, relu, step } from "./piecewise";
import { sigmoid, softplus, tanh } from "./saturating";

/** Defaults: leaky_relu slope 0.01, swish β = 1. */
export const SCALAR_ACTIVATIONS: Readonly<Record<FixedActivationName, ScalarActivation>> = Object.freeze({
  step,
  linear,
  sigmoid,
  tanh,
  relu,
  leaky_relu: leakyRelu(),
  swish: swish(),
  elu,
  selu,
  gelu,
  gelu_tanh: geluTanh,
  mish,
  softplus,
  hard_sigmoid: hardSigmoid,
  hard_swish: hardSwish,
});

/** The scalar reference with a run's leaky slope and swish β, for the names that take them. */
export function configuredScalar(name: FixedActivationName, options: FixedKernelOptions): ScalarActivation {
  if (name === "leaky_relu") return leakyRelu(options.leakySlope);
  if (name === "swish") return swish(options.swishBeta);
  return SCALAR_ACTIVATIONS[name];
}
