/** How many classes a dataset has, where that is known before its data is loaded (uploads: not here). */
import { BUILTIN_SHAPES, type DatasetSpec } from "@actlab/core";

const MULTI_CLASS_GENERATORS = new Set(["spirals", "gaussians"]);

export function classesOf(dataset: DatasetSpec): number | null {
  if (dataset.kind === "builtin") return BUILTIN_SHAPES[dataset.name].classes;
  if (dataset.kind === "generated")
    return MULTI_CLASS_GENERATORS.has(dataset.name) ? Math.max(dataset.classes, 3) : 2;
  return null;
}
