/** activationInfo: metadata and a plottable curve (forward and derivative in x) for every activation name. */
import type { ActivationName } from "./names";
import { DEFAULT_ACTIVATION_SETTINGS } from "./record";
import { activationRecord } from "./registry";
import type { ActivationMeta } from "./types";

export type ActivationInfo = {
  meta: ActivationMeta;
  forward(x: number): number;
  derivative(x: number): number;
  /** Present where the plotted curve is one instance of a family (learned or vector-valued). */
  plotNote?: string;
};

export function activationInfo(name: ActivationName): ActivationInfo {
  const record = activationRecord(name);
  const curve = record.scalar(DEFAULT_ACTIVATION_SETTINGS);
  const info: ActivationInfo = {
    meta: record.meta,
    forward: curve.forward,
    derivative: (x) => curve.derivative(x, curve.forward(x)),
  };
  if (record.plotNote !== undefined) info.plotNote = record.plotNote;
  return info;
}
