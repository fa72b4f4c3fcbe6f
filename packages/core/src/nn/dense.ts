/** A fully connected layer over row-major Float32Array batches: z = a·Wᵀ + b, W row-major [units][inputs]. */
import { pluggedDensePasses, sgemm } from "./gemm";

/** Below this many elements a dense pass stays in TypeScript (same bits): a native call costs ~0.3 µs. */
export const NATIVE_PASS_MIN_ELEMENTS = 1024;

/** Views into the network's flat parameter and gradient vectors. */
export type DenseLayer = {
  readonly inputs: number;
  readonly units: number;
  readonly W: Float32Array;
  readonly b: Float32Array;
  readonly dW: Float32Array;
  readonly db: Float32Array;
};

/** z[rows][units] = x[rows][inputs] · Wᵀ + b. */
export function denseForward(layer: DenseLayer, x: Float32Array, rows: number, z: Float32Array): void {
  const { inputs, units, W, b } = layer;
  // Rows start as the bias (a memcpy each) and the product accumulates onto them: one pass over z, not two.
  for (let r = 0; r < rows; r++) z.set(b, r * units);
  sgemm(false, true, rows, units, inputs, x, 0, W, 0, z, 0, 1);
}

/**
 * From dz = dL/dz: dW = dzᵀ·x (overwritten), and dx = dz·W when dx is given (the first layer needs no
 * input gradient). The bias gradient is biasGradient's, or a fused activation pass's.
 */
export function denseBackward(
  layer: DenseLayer,
  x: Float32Array,
  rows: number,
  dz: Float32Array,
  dx: Float32Array | null,
): void {
  const { inputs, units, W, dW } = layer;
  sgemm(true, false, units, inputs, rows, dz, 0, x, 0, dW, 0, 0);
  if (dx) sgemm(false, false, rows, inputs, units, dz, 0, W, 0, dx, 0, 0);
}

/** db = Σ_rows dz (overwritten), rows added in order. */
export function biasGradient(layer: DenseLayer, dz: Float32Array, rows: number): void {
  const { units, db } = layer;
  const native = rows * units >= NATIVE_PASS_MIN_ELEMENTS ? pluggedDensePasses() : null;
  if (native) {
    native.columnSums(dz, rows, units, db);
    return;
  }
  db.fill(0);
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    for (let j = 0; j < units; j++) db[j] = (db[j] as number) + (dz[o + j] as number);
  }
}
