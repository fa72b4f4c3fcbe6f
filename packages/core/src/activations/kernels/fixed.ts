/** Picks the specialised kernel for a fixed (parameter-free) activation, once, when a layer is created. */
import type { HiddenActivationName } from "../names";
import { eluKernel, seluKernel } from "./exponential";
import { geluKernel, geluTanhKernel, mishKernel, swishKernel } from "./gated";
import {
  hardSigmoidKernel,
  hardSwishKernel,
  leakyReluKernel,
  linearKernel,
  reluKernel,
  stepKernel,
} from "./piecewise";
import { sigmoidKernel, softplusKernel, tanhKernel } from "./saturating";
import type { ElementwiseKernel } from "./types";

/** Activations with no learnable parameters (swish counts when its β is fixed). */
export type FixedActivationName = Exclude<HiddenActivationName, "prelu" | "mix">;

export type FixedKernelOptions = { leakySlope: number; swishBeta: number };

export function fixedKernel(name: FixedActivationName, options: FixedKernelOptions): ElementwiseKernel {
  switch (name) {
    case "step":
      return stepKernel;
    case "linear":
      return linearKernel;
    case "sigmoid":
      return sigmoidKernel;
    case "tanh":
      return tanhKernel;
    case "relu":
      return reluKernel;
    case "leaky_relu":
      return leakyReluKernel(options.leakySlope);
    case "swish":
      return swishKernel(options.swishBeta);
    case "elu":
      return eluKernel;
    case "selu":
      return seluKernel;
    case "gelu":
      return geluKernel;
    case "gelu_tanh":
      return geluTanhKernel;
    case "mish":
      return mishKernel;
    case "softplus":
      return softplusKernel;
    case "hard_sigmoid":
      return hardSigmoidKernel;
    case "hard_swish":
      return hardSwishKernel;
  }
}
