/** generateDataset: a seeded, class-balanced, shuffled sample from one of the 2-D generators. */
import type { z } from "zod";
import type { ZGeneratedDatasetSpec } from "../config";
import { createRng } from "../rng";
import { makeDataset } from "./dataset";
import { MULTICLASS_GENERATORS, POINT_SAMPLERS } from "./generators";
import type { Dataset } from "./types";

export type GeneratedDatasetSpec = z.infer<typeof ZGeneratedDatasetSpec>;

export function generateDataset(spec: GeneratedDatasetSpec): Dataset {
  const numClasses = MULTICLASS_GENERATORS.has(spec.name) ? spec.classes : 2;
  const rows = spec.samples;
  const rng = createRng(spec.seed);
  const sample = POINT_SAMPLERS[spec.name];

  // Class sizes differ by at most one; rows are then shuffled so no consumer sees them grouped by class.
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i % numClasses;
  rng.shuffle(order);

  const features = new Float32Array(rows * 2);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const cls = order[i] as number;
    const [x1, x2] = sample(rng, cls, numClasses, spec.noise);
    features[2 * i] = x1;
    features[2 * i + 1] = x2;
    labels[i] = cls;
  }
  return makeDataset({
    name: spec.name,
    features,
    labels,
    numFeatures: 2,
    numClasses,
    featureNames: ["x1", "x2"],
    classNames: Array.from({ length: numClasses }, (_, k) => `class ${k}`),
  });
}
