/** Confusion counts on a split: true class per row, predicted class per column, per-class recall. */
import { type Dataset, modelFromWeights, type SavedModel } from "@actlab/core";

export type Confusion = {
  /** counts[true][predicted]. */
  counts: number[][];
  /** Per true class: correct / rows of that class; null for a class with no rows. */
  recall: (number | null)[];
  accuracy: number;
  total: number;
  /** The predicted class of every row, in the split's order (to mark misclassified points). */
  predicted: Int32Array;
};

/** The highest-probability class; the first wins a tie, as the trainer's argmax does. */
export function argmaxRows(probs: Float32Array, rows: number, numClasses: number): Int32Array {
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let bestP = probs[r * numClasses] as number;
    for (let k = 1; k < numClasses; k++) {
      const p = probs[r * numClasses + k] as number;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    out[r] = best;
  }
  return out;
}

export function confusionFromPredictions(
  predicted: Int32Array,
  labels: Int32Array,
  numClasses: number,
): Confusion {
  if (predicted.length !== labels.length) {
    throw new Error(`${predicted.length} predictions for ${labels.length} labels`);
  }
  const counts = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  let correct = 0;
  for (let r = 0; r < labels.length; r++) {
    const t = labels[r] as number;
    const p = predicted[r] as number;
    const row = counts[t];
    if (!row) throw new Error(`row ${r} has label ${t}, outside [0, ${numClasses})`);
    row[p] = (row[p] ?? 0) + 1;
    if (t === p) correct++;
  }
  const recall = counts.map((row, k) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n > 0 ? (row[k] as number) / n : null;
  });
  return {
    counts,
    recall,
    accuracy: labels.length > 0 ? correct / labels.length : 0,
    total: labels.length,
    predicted,
  };
}

/**
 * Confusion of `weights` on a split prepared by core's prepareData. The split is already standardised, so
 * the model runs without its standardizer: exactly the inputs the trainer's own evaluation saw.
 */
export function confusionOnPrepared(weights: SavedModel, split: Dataset): Confusion {
  const model = modelFromWeights({ ...weights, standardizer: null });
  const probs = model.predict(split.features, split.rows);
  return confusionFromPredictions(
    argmaxRows(probs, split.rows, model.numClasses),
    split.labels,
    model.numClasses,
  );
}
