/**
 * The first validation rows a network gets wrong, with their features as the data holds them (standardising
 * undone), for the run page's panel of mistakes on image data. Stops once it has `limit` of them.
 */
import type { ImageShape } from "../data/image-shape";
import type { Standardizer } from "../data/standardize";
import type { Dataset } from "../data/types";
import { predictRow } from "../nn/losses";
import type { Network } from "../nn/network";

export type Misclassified = { row: number; predicted: number; actual: number; features: number[] };

/** What a checkpoint of an image dataset keeps for the run page: the picture's shape, class names, mistakes. */
export type MisclassifiedImages = { image: ImageShape; classNames: string[]; samples: Misclassified[] };

export function firstMisclassified(
  net: Network,
  validation: Dataset | null,
  standardizer: Standardizer | null,
  limit: number,
): Misclassified[] {
  const found: Misclassified[] = [];
  if (!validation) return found;
  const units = net.sizes[net.sizes.length - 1] as number;
  const d = validation.numFeatures;
  for (let start = 0; start < validation.rows && found.length < limit; start += net.maxRows) {
    const rows = Math.min(net.maxRows, validation.rows - start);
    const out = net.forward(validation.features.subarray(start * d, (start + rows) * d), rows);
    for (let r = 0; r < rows && found.length < limit; r++) {
      const predicted = predictRow(out, r * units, units);
      const row = start + r;
      const actual = validation.labels[row] as number;
      if (predicted === actual) continue;
      const x = validation.features.subarray(row * d, (row + 1) * d);
      const features = Array.from(x, (v, j) =>
        standardizer ? v * (standardizer.std[j] as number) + (standardizer.mean[j] as number) : v,
      );
      found.push({ row, predicted, actual, features });
    }
  }
  return found;
}
