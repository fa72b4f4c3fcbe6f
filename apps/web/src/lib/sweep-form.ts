/** The sweep form: base settings plus the axes to vary, converted to a SweepSpec and validated by the core's schema. */
import { COMPARISON_ACTIVATIONS, countSweepRuns, type SweepSpecInput, ZSweepSpec } from "@actlab/core";
import { DEFAULT_FORM, fieldForPath, formToConfig, type RunFormValues, withDataset } from "@/lib/run-form";

export type SweepFormValues = {
  base: RunFormValues;
  activations: string[];
  optimizers: string[];
  /** Comma-separated learning rates. */
  lrs: string;
  /** Layer-size variants separated by ";", e.g. "16, 16; 32, 32". */
  layers: string;
  seeds: string;
  search: "grid" | "random";
  budget: string;
  lrMin: string;
  lrMax: string;
  name: string;
  confirmed: boolean;
};

export const DEFAULT_SWEEP: SweepFormValues = {
  base: { ...DEFAULT_FORM, lr: "0.01", epochs: "60", optimizer: "adam" },
  activations: [...COMPARISON_ACTIVATIONS],
  optimizers: ["adam"],
  lrs: "0.01",
  layers: "16, 16",
  seeds: "3",
  search: "grid",
  budget: "20",
  lrMin: "0.0003",
  lrMax: "0.1",
  name: "",
  confirmed: false,
};

export type SweepField =
  | keyof RunFormValues
  | "activations"
  | "optimizers"
  | "lrs"
  | "layers"
  | "seeds"
  | "budget"
  | "lrRange"
  | "confirmed"
  | "_";

const list = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter((x) => x !== "");
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function sweepFormToSpec(v: SweepFormValues): SweepSpecInput {
  const lrs = list(v.lrs, /[\s,]+/).map(num);
  const layers = list(v.layers, /;/).map((variant) => list(variant, /[\s,]+/).map(num));
  return {
    name: v.name.trim() || undefined,
    base: formToConfig(v.base),
    axes: {
      activation: v.activations as never,
      optimizer: v.optimizers as never,
      ...(v.search === "grid" || !v.lrMin ? { lr: lrs } : {}),
      hiddenLayers: layers,
    },
    seeds: num(v.seeds),
    search:
      v.search === "random"
        ? { kind: "random", budget: num(v.budget), lrRange: { min: num(v.lrMin), max: num(v.lrMax) } }
        : { kind: "grid" },
    confirmed: v.confirmed,
  };
}

export function sweepFieldForPath(path: string): SweepField | null {
  if (path.startsWith("base.")) return fieldForPath(path.slice(5));
  if (path.startsWith("axes.activation")) return "activations";
  if (path.startsWith("axes.optimizer")) return "optimizers";
  if (path.startsWith("axes.lr")) return "lrs";
  if (path.startsWith("axes.hiddenLayers")) return "layers";
  if (path === "axes") return "_";
  if (path.startsWith("seeds")) return "seeds";
  if (path.startsWith("search.budget")) return "budget";
  if (path.startsWith("search.lrRange")) return "lrRange";
  if (path.startsWith("confirmed")) return "confirmed";
  return null;
}

export function validateSweepForm(v: SweepFormValues): Partial<Record<SweepField, string>> {
  const result = ZSweepSpec.safeParse(sweepFormToSpec(v));
  if (result.success) return {};
  const errors: Partial<Record<SweepField, string>> = {};
  for (const issue of result.error.issues) {
    const field = sweepFieldForPath(issue.path.join(".")) ?? "_";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Runs the form would launch (NaN-safe: a half-typed field counts as one value). */
export function previewRunCount(v: SweepFormValues): number {
  const spec = sweepFormToSpec(v);
  const axes = spec.axes ?? {};
  const seeds = Number.isFinite(spec.seeds) ? (spec.seeds as number) : 1;
  const search =
    spec.search?.kind === "random"
      ? { kind: "random" as const, budget: Number.isFinite(spec.search.budget) ? spec.search.budget : 0 }
      : { kind: "grid" as const };
  return countSweepRuns({ axes: axes as never, seeds, search });
}

/** Switching the base dataset also suggests its layer sizes and learning rate for the sweep's axes. */
export function withSweepDataset(v: SweepFormValues, dataset: string): SweepFormValues {
  const base = withDataset(v.base, dataset);
  return { ...v, base, layers: base.hiddenLayers, lrs: base.lr };
}
