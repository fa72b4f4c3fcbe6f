/** Dense networks: gemm, layers, initialisation, losses, optimisers, schedules, clipping. */

export { addL2Gradient, clipGlobalNorm, l2Norm } from "./clip";
export type { DenseLayer } from "./dense";
export { biasGradient, denseBackward, denseForward } from "./dense";
export {
  BACKEND_MIN_MACS,
  gemmBackendName,
  jsGemmBackend,
  jsSgemm,
  PORTABLE_LAYER_WIDTH,
  PORTABLE_ORDER_MIN_MACS,
  pluggedDensePasses,
  pluggedOptimizerKernels,
  routesToBackend,
  setGemmBackend,
  sgemm,
} from "./gemm";
export type { ConcreteInitScheme, InitScheme } from "./init";
export { initWeights, resolveInit } from "./init";
export type { LossKind } from "./losses";
export { countCorrect, lossForward, outputUnits, toProbabilities } from "./losses";
export type { Network } from "./network";
export { createNetwork } from "./network";
export type { Optimizer, OptimizerConfig, OptimizerKind } from "./optimizers";
export { createOptimizer, RMSPROP_ALPHA } from "./optimizers";
export { learningRateAt } from "./schedule";
