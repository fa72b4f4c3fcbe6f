/** Expands a sweep spec into the run configs it launches, in a stable order (configs first, then seeds). */
import { type TrainConfig, ZTrainConfig } from "../config";
import { createRng } from "../rng";
import type { SweepAxes, SweepSpec } from "./spec";

type AxisKey = keyof SweepAxes;
type Override = Partial<Record<AxisKey, unknown>>;

function gridOverrides(axes: SweepAxes): Override[] {
  let combos: Override[] = [{}];
  for (const key of Object.keys(axes) as AxisKey[]) {
    const values = axes[key];
    if (!values) continue;
    combos = combos.flatMap((combo) => values.map((v) => ({ ...combo, [key]: v })));
  }
  return combos;
}

function randomOverrides(
  axes: SweepAxes,
  budget: number,
  seed: number,
  lrRange?: { min: number; max: number },
) {
  const rng = createRng(seed);
  const out: Override[] = [];
  for (let i = 0; i < budget; i++) {
    const combo: Override = {};
    for (const key of Object.keys(axes) as AxisKey[]) {
      const values = axes[key];
      if (values) combo[key] = values[rng.int(values.length)];
    }
    if (lrRange) {
      const [lo, hi] = [Math.log(lrRange.min), Math.log(lrRange.max)];
      combo.lr = Number(Math.exp(lo + (hi - lo) * rng.next()).toPrecision(4));
    }
    out.push(combo);
  }
  return out;
}

export function expandSweep(spec: SweepSpec): TrainConfig[] {
  const overrides =
    spec.search.kind === "random"
      ? randomOverrides(spec.axes, spec.search.budget, spec.search.seed, spec.search.lrRange)
      : gridOverrides(spec.axes);
  const configs: TrainConfig[] = [];
  for (const override of overrides) {
    for (let s = 0; s < spec.seeds; s++) {
      configs.push(ZTrainConfig.parse({ ...spec.base, ...override, seed: spec.base.seed + s }));
    }
  }
  return configs;
}

/** The hyperparameters a sweep varies (for run names and the default grouping). */
export function variedKeys(spec: SweepSpec): string[] {
  const keys = Object.entries(spec.axes)
    .filter(([, v]) => v && v.length > 1)
    .map(([k]) => k);
  if (spec.search.kind === "random" && spec.search.lrRange && !keys.includes("lr")) keys.push("lr");
  return keys;
}
