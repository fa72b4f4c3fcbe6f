/**
 * The exponentials of an activation pass, Math.exp(scale·z[i]) for a whole batch at once: natively when a
 * backend is plugged (eight at a time, ~1.3 ns each against Math.exp's ~8 ns), else with Math.exp. The
 * native code runs fdlibm's algorithm, which is V8's Math.exp, operation for operation, so both give the
 * same bits and a kernel using this is bit-identical in the browser and the worker.
 */

/** n exponentials of scale·z[i] (or of scale·|z[i]|) into out, in double. */
export type BatchExp = (z: Float32Array, scale: number, out: Float64Array, n: number) => void;

/** Below this a native call (~0.3 µs) costs more than the Math.exp calls it saves. */
const NATIVE_MIN_ELEMENTS = 128;

let native: { scaled: BatchExp; scaledAbs: BatchExp } | null = null;
// Two scratch buffers for every pass (a pass may need two exponentials per element): each grows to the
// largest batch once, so no training step allocates.
const scratch = [new Float64Array(0), new Float64Array(0)];

/** Plugged by setGemmBackend, with the backend's dense passes (or null). */
export function setBatchExp(kernels: { scaled: BatchExp; scaledAbs: BatchExp } | null): void {
  native = kernels;
}

/** Which scratch buffer a call fills: a pass that needs two exponentials at once asks for both. */
export type ExpSlot = 0 | 1;

function buffer(n: number, slot: ExpSlot): Float64Array {
  if ((scratch[slot] as Float64Array).length < n) scratch[slot] = new Float64Array(n);
  return scratch[slot] as Float64Array;
}

/**
 * e[i] = Math.exp(scale·z[i]) for i < n, in a scratch buffer valid until the next call for the same slot. A kernel's Math.exp(-beta * x) is (−β)·x in JavaScript: scale = −β, the same product.
 */
export function expOfScaled(z: Float32Array, scale: number, n: number, slot: ExpSlot = 0): Float64Array {
  const e = buffer(n, slot);
  if (native && n >= NATIVE_MIN_ELEMENTS) native.scaled(z, scale, e, n);
  else for (let i = 0; i < n; i++) e[i] = Math.exp(scale * (z[i] as number));
  return e;
}

/** e[i] = Math.exp(scale·|z[i]|), as expOfScaled (softplus's Math.exp(-Math.abs(x)) is scale = −1). */
export function expOfScaledAbs(z: Float32Array, scale: number, n: number, slot: ExpSlot = 0): Float64Array {
  const e = buffer(n, slot);
  if (native && n >= NATIVE_MIN_ELEMENTS) native.scaledAbs(z, scale, e, n);
  else for (let i = 0; i < n; i++) e[i] = Math.exp(scale * Math.abs(z[i] as number));
  return e;
}
