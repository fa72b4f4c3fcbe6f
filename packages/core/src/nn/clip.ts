/** Global-norm gradient clipping and the L2 penalty, both over the flat gradient vector. */

/** L2 norm of a vector, summed in double precision. */
export function l2Norm(v: Float32Array, start = 0, end = v.length): number {
  let s = 0;
  for (let i = start; i < end; i++) {
    const x = v[i] as number;
    s += x * x;
  }
  return Math.sqrt(s);
}

/**
 * Scales grads so their global L2 norm is at most maxNorm, as torch.nn.utils.clip_grad_norm_ does
 * (factor maxNorm / (norm + 1e-6), only when it is below 1). Returns the norm before clipping.
 */
export function clipGlobalNorm(grads: Float32Array, maxNorm: number): number {
  const norm = l2Norm(grads);
  const factor = maxNorm / (norm + 1e-6);
  if (factor < 1) for (let i = 0; i < grads.length; i++) grads[i] = (grads[i] as number) * factor;
  return norm;
}

/**
 * Adds the gradient of (l2 / 2)·‖w‖² for the parameter ranges given as [start, end) pairs
 * (the dense weights only: biases and activation parameters are not penalised).
 */
export function addL2Gradient(
  params: Float32Array,
  grads: Float32Array,
  ranges: Int32Array,
  l2: number,
): void {
  for (let r = 0; r < ranges.length; r += 2) {
    const end = ranges[r + 1] as number;
    for (let i = ranges[r] as number; i < end; i++)
      grads[i] = (grads[i] as number) + l2 * (params[i] as number);
  }
}
