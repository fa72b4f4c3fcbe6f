/** createActivationLayer: resolves a run's activation to its kernel or learned-parameter layer, once per layer. */
import { activationRecord } from "../registry";
import type { ActivationConfig, ActivationLayer } from "../types";
import { fixedLayer } from "./fixed";

export function createActivationLayer(config: ActivationConfig, units: number): ActivationLayer {
  if (!Number.isInteger(units) || units < 1) {
    throw new RangeError(`units must be a positive integer, got ${units}`);
  }
  const record = activationRecord(config.name);
  const learned = record.learnedLayer?.(config, units);
  if (learned) return learned;
  if (!record.kernel) throw new RangeError(`${config.name} has neither a kernel nor a learned layer`);
  return fixedLayer(config.name, record.kernel(config), units);
}
