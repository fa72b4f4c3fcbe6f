/** createActivationLayer: picks the specialised kernel or parametrised layer for a run's activation config, once. */
import { fixedKernel } from "../kernels/fixed";
import { swishKernel } from "../kernels/gated";
import type { ActivationConfig, ActivationLayer } from "../types";
import { fixedLayer } from "./fixed";
import { mixLayer } from "./mix";
import { preluLayer } from "./prelu";
import { learnedSwishLayer } from "./swish";

export function createActivationLayer(config: ActivationConfig, units: number): ActivationLayer {
  if (!Number.isInteger(units) || units < 1) {
    throw new RangeError(`units must be a positive integer, got ${units}`);
  }
  switch (config.name) {
    case "prelu":
      return preluLayer(units, config.preluMode, config.preluInit);
    case "swish":
      return config.swishLearnBeta
        ? learnedSwishLayer(units, config.swishBeta)
        : fixedLayer("swish", swishKernel(config.swishBeta), units);
    case "mix":
      return mixLayer(units, config.mixOf, config);
    default:
      return fixedLayer(config.name, fixedKernel(config.name, config), units);
  }
}
