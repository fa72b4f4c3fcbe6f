/** The decision-boundary picture: a square grid over the data, class probabilities on it, and RGBA pixels. */
import type { Model } from "@actlab/core";

export type Bounds = { x0: number; x1: number; y0: number; y1: number };
export type Rgb = readonly [number, number, number];

/** The square box around 2-D points with `margin` (a share of the side) on every side; never empty. */
export function dataBounds(features: Float32Array, rows: number, margin = 0.1): Bounds {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < rows; r++) {
    const x = features[2 * r] as number;
    const y = features[2 * r + 1] as number;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (rows === 0) [minX, maxX, minY, maxY] = [-1, 1, -1, 1];
  // Square, so the picture keeps the data's shape; a single point still gets a unit box.
  const side = Math.max(maxX - minX, maxY - minY, 1e-6) * (1 + 2 * margin);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { x0: cx - side / 2, x1: cx + side / 2, y0: cy - side / 2, y1: cy + side / 2 };
}

/** Cell centres, row-major from the top row (largest y) down, as a [size²][2] feature matrix. */
export function gridPoints(b: Bounds, size: number): Float32Array {
  const pts = new Float32Array(size * size * 2);
  for (let j = 0; j < size; j++) {
    const y = b.y1 - ((j + 0.5) / size) * (b.y1 - b.y0);
    for (let i = 0; i < size; i++) {
      const o = 2 * (j * size + i);
      pts[o] = b.x0 + ((i + 0.5) / size) * (b.x1 - b.x0);
      pts[o + 1] = y;
    }
  }
  return pts;
}

export type GridPrediction = { probs: Float32Array; size: number; numClasses: number; ms: number };

/** Class probabilities over the grid, and how long the prediction took (the model's work only). */
export function predictGrid(
  model: Model,
  b: Bounds,
  size: number,
  now: () => number = () => performance.now(),
): GridPrediction {
  const pts = gridPoints(b, size);
  const t0 = now();
  const probs = model.predict(pts, size * size);
  return { probs, size, numClasses: model.numClasses, ms: now() - t0 };
}

/**
 * RGBA pixels: each cell's colour is the probability-weighted mix of the class colours, its opacity grows
 * with confidence, so the boundary (where classes tie) shows as the palest band.
 */
export function probabilitiesToImage(
  probs: Float32Array,
  numClasses: number,
  cells: number,
  palette: readonly Rgb[],
  maxAlpha = 0.6,
): Uint8ClampedArray {
  const px = new Uint8ClampedArray(cells * 4);
  const chance = 1 / numClasses;
  for (let c = 0; c < cells; c++) {
    let r = 0;
    let g = 0;
    let bl = 0;
    let top = 0;
    for (let k = 0; k < numClasses; k++) {
      const p = probs[c * numClasses + k] as number;
      const col = palette[k % palette.length] as Rgb;
      r += p * col[0];
      g += p * col[1];
      bl += p * col[2];
      top = Math.max(top, p);
    }
    const confidence = Math.min(1, Math.max(0, (top - chance) / (1 - chance)));
    px[4 * c] = r;
    px[4 * c + 1] = g;
    px[4 * c + 2] = bl;
    px[4 * c + 3] = 255 * maxAlpha * (0.2 + 0.8 * confidence);
  }
  return px;
}
