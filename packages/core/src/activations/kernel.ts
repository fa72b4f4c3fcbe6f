/** The shape of a specialised elementwise kernel: three tight loops over the first n entries of Float32Arrays. */

export type ElementwiseKernel = {
  /** a[i] = f(z[i]). a may alias z. */
  forward(z: Float32Array, a: Float32Array, n: number): void;
  /** out[i] = f'(z[i]), reading a[i] = f(z[i]) where that is cheaper. out may alias a. */
  derivative(z: Float32Array, a: Float32Array, out: Float32Array, n: number): void;
  /** dz[i] = da[i]·f'(z[i]). dz may alias da: each index is read before it is written. */
  backward(z: Float32Array, a: Float32Array, da: Float32Array, dz: Float32Array, n: number): void;
};
