/**
 * The transcendental functions of an activation pass, for a whole batch at once: natively when a backend
 * is plugged (AVX-512: exp ~1.3 ns an element against Math.exp's ~8 ns, tanh and log1p several and two
 * times faster than theirs), else with Math.*. The native code runs fdlibm's algorithms, which are V8's
 * Math.exp, Math.expm1, Math.tanh and Math.log1p, operation for operation, so both paths give the same bits and a kernel using them trains
 * identically in the browser and the worker.
 */

/** n exponentials of scale·z[i] (or of scale·|z[i]|) into out, in double. */
export type BatchExp = (z: Float32Array, scale: number, out: Float64Array, n: number) => void;

/** The backend's batched functions (its dense passes carry them). */
export type BatchMathKernels = {
  expScaled: BatchExp;
  expScaledAbs: BatchExp;
  /** v[i] = Math.tanh(v[i]) for i < n. */
  tanhInPlace(v: Float64Array, n: number): void;
  /** v[i] = Math.exp(v[i]) for i < n. */
  expInPlace(v: Float64Array, n: number): void;
  /** v[i] = Math.log1p(v[i]) for i < n. */
  log1pInPlace(v: Float64Array, n: number): void;
  /** v[i] = Math.expm1(v[i]) for i < n. */
  expm1InPlace(v: Float64Array, n: number): void;
};

/** Below this a native call (~0.3 µs) costs more than the Math.* calls it saves. */
const NATIVE_MIN_ELEMENTS = 128;

let native: BatchMathKernels | null = null;
// Scratch buffers for every pass: slots 0 and 1 for the kernels (a pass may need two values per element
// at once), 2 and 3 for batched functions built on these (erfcInPlace). Each grows to the largest batch
// once, so no training step allocates.
const scratch = [new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0)];

/** Plugged by setGemmBackend, from the backend's dense passes (or null). */
export function setBatchMath(kernels: BatchMathKernels | null): void {
  native = kernels;
}

/** Which scratch buffer a call fills: a pass that needs two arrays at once asks for both. */
export type MathSlot = 0 | 1 | 2 | 3;

/** A scratch buffer of at least n doubles, valid until the next call for the same slot. */
export function scratchOf(n: number, slot: MathSlot): Float64Array {
  if ((scratch[slot] as Float64Array).length < n) scratch[slot] = new Float64Array(n);
  return scratch[slot] as Float64Array;
}

/**
 * e[i] = Math.exp(scale·z[i]) for i < n, in scratch buffer `slot`. A kernel's Math.exp(-beta * x) is
 * (−β)·x in JavaScript: scale = −β, the same product.
 */
export function expOfScaled(z: Float32Array, scale: number, n: number, slot: MathSlot = 0): Float64Array {
  const e = scratchOf(n, slot);
  if (native && n >= NATIVE_MIN_ELEMENTS) native.expScaled(z, scale, e, n);
  else for (let i = 0; i < n; i++) e[i] = Math.exp(scale * (z[i] as number));
  return e;
}

/** e[i] = Math.exp(scale·|z[i]|), as expOfScaled (softplus's Math.exp(-Math.abs(x)) is scale = −1). */
export function expOfScaledAbs(z: Float32Array, scale: number, n: number, slot: MathSlot = 0): Float64Array {
  const e = scratchOf(n, slot);
  if (native && n >= NATIVE_MIN_ELEMENTS) native.expScaledAbs(z, scale, e, n);
  else for (let i = 0; i < n; i++) e[i] = Math.exp(scale * Math.abs(z[i] as number));
  return e;
}

/** v[i] = Math.exp(v[i]) for i < n, in place, for exponents a kernel computed itself. */
export function expInPlace(v: Float64Array, n: number): Float64Array {
  if (native && n >= NATIVE_MIN_ELEMENTS) native.expInPlace(v, n);
  else for (let i = 0; i < n; i++) v[i] = Math.exp(v[i] as number);
  return v;
}

/** v[i] = Math.expm1(v[i]) for i < n, in place. */
export function expm1InPlace(v: Float64Array, n: number): Float64Array {
  if (native && n >= NATIVE_MIN_ELEMENTS) native.expm1InPlace(v, n);
  else for (let i = 0; i < n; i++) v[i] = Math.expm1(v[i] as number);
  return v;
}

/** v[i] = Math.log1p(v[i]) for i < n, in place. */
export function log1pInPlace(v: Float64Array, n: number): Float64Array {
  if (native && n >= NATIVE_MIN_ELEMENTS) native.log1pInPlace(v, n);
  else for (let i = 0; i < n; i++) v[i] = Math.log1p(v[i] as number);
  return v;
}

/** v[i] = Math.tanh(v[i]) for i < n, in place (v is usually a scratchOf buffer the kernel filled). */
export function tanhInPlace(v: Float64Array, n: number): Float64Array {
  if (native && n >= NATIVE_MIN_ELEMENTS) native.tanhInPlace(v, n);
  else for (let i = 0; i < n; i++) v[i] = Math.tanh(v[i] as number);
  return v;
}
