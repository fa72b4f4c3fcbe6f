/** How many classes a dataset has, where that is known without loading it (an upload's is not). */
import type { DatasetSpec } from "../config";
import { BUILTIN_SHAPES } from "./names";

/** The generators that take a class count; the others always make two classes. */
const MULTI_CLASS_GENERATORS: ReadonlySet<string> = new Set(["spirals", "gaussians"]);

export function classesOf(dataset: DatasetSpec): number | null {
  if (dataset.kind === "builtin") return BUILTIN_SHAPES[dataset.name].classes;
  if (dataset.kind === "generated") return MULTI_CLASS_GENERATORS.has(dataset.name) ? dataset.classes : 2;
  return null;
}
