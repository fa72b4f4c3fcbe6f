/** The activations' public surface: the training layer factory, scalar references with plotting info, and erf. */
export { erf, erfc } from "./erf";
export { type ActivationInfo, activationInfo } from "./info";
export type { FixedActivationName, FixedKernelOptions } from "./kernels/fixed";
export { createActivationLayer } from "./layer/create";
export { mixture, softmaxFirstOfPair } from "./scalar/composite";
export { swish } from "./scalar/gated";
export { leakyRelu, prelu } from "./scalar/piecewise";
export { configuredScalar, SCALAR_ACTIVATIONS } from "./scalar/registry";
