import type { BatchMathKernels } from "../math/batch-math";

/** The matrix-multiply contract the dense layers call; a faster backend (native, wasm) may be plugged in. */

/**
 * Row-major single-precision GEMM: C = op(A) · op(B) + beta · C, with op(X) = X or Xᵀ.
 * op(A) is m×k, op(B) is k×n, C is m×n. Offsets let callers address sub-arrays without views.
 * Implementations must be deterministic: a fixed summation order for given (m, n, k).
 */
export type Sgemm = (
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOffset: number,
  B: Float32Array,
  bOffset: number,
  C: Float32Array,
  cOffset: number,
  beta: 0 | 1,
) => void;

/**
 * In-place optimiser updates with the portable code's arithmetic term for term (optimizers.ts), so they
 * give its bits: stepSize = lr / (1 − β1^t), bc2Sqrt = √(1 − β2^t), decay = 1 − lr·weightDecay (1 for Adam).
 */
export type OptimizerKernels = {
  sgdStep(params: Float32Array, grads: Float32Array, lr: number): void;
  adamStep(
    params: Float32Array,
    grads: Float32Array,
    m: Float32Array,
    v: Float32Array,
    beta1: number,
    beta2: number,
    eps: number,
    stepSize: number,
    bc2Sqrt: number,
    decay: number,
  ): void;
};

/** The dense layers' elementwise passes, with the portable code's arithmetic (same bits). */
export type DensePassKernels = {
  /** a = max(z, 0) over the first n elements, as ReLU's TypeScript kernel computes it. */
  reluForward(z: Float32Array, a: Float32Array, n: number): void;
  /** One pass: dz = da·[z > 0] over rows × units, and db = its column sums (overwritten). */
  reluBackwardBiasGrad(
    z: Float32Array,
    da: Float32Array,
    dz: Float32Array,
    db: Float32Array,
    rows: number,
    units: number,
  ): void;
  /** Leaky ReLU's forward as its TypeScript kernel: a = z > 0 ? z : slope·z. */
  leakyReluForward(z: Float32Array, a: Float32Array, n: number, slope: number): void;
  /** One pass: dz = z > 0 ? da : slope·da, and db = its column sums (overwritten). */
  leakyReluBackwardBiasGrad(
    z: Float32Array,
    da: Float32Array,
    dz: Float32Array,
    db: Float32Array,
    rows: number,
    units: number,
    slope: number,
  ): void;
  /**
   * PReLU with one α for the layer, as its TypeScript layer: dz = z > 0 ? da : α·da and db = its column
   * sums (overwritten), in one pass; returns dL/dα, the negative side's Σ z·da in double, in element order.
   */
  preluBackwardBiasGrad(
    z: Float32Array,
    da: Float32Array,
    dz: Float32Array,
    db: Float32Array,
    rows: number,
    units: number,
    alpha: number,
  ): number;
  /** The batch: out row r = src row order[start + r] (d floats each), for r < count. */
  gatherRows(
    src: Float32Array,
    d: number,
    order: Int32Array,
    start: number,
    count: number,
    out: Float32Array,
  ): void;
  /** out = column sums of x [rows][units] (overwritten), in row order. */
  columnSums(x: Float32Array, rows: number, units: number, out: Float32Array): void;
} & BatchMathKernels;

/** The native kernels the core may call; each optional one falls back to the portable code. */
export type GemmBackend = {
  name: string;
  sgemm: Sgemm;
  /** The portable sgemm's sums (one double per element, in p order): bit-identical to it, for narrow layers. */
  portableOrderSgemm?: Sgemm;
  optimizer?: OptimizerKernels;
  densePasses?: DensePassKernels;
};
