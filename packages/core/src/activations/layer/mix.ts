/**
 * Learned mix (Manessi & Rozza 2018, "Learning combinations of activation functions"):
 * f(x) = Σₖ wₖ·gₖ(x), one weight per base per layer, initialised to 1/K; dL/dwₖ = Σ dL/da·gₖ(z).
 * Bases use the run's leaky slope and a fixed swish β (swishLearnBeta applies to a plain swish layer only).
 */
import { type FixedKernelOptions, fixedKernel } from "../kernels/fixed";
import type { ElementwiseKernel } from "../kernels/types";
import type { MixableActivationName } from "../names";
import type { ActivationLayer } from "../types";

export function mixLayer(
  units: number,
  bases: readonly MixableActivationName[],
  options: FixedKernelOptions,
): ActivationLayer {
  if (bases.length === 0) throw new RangeError("a mix needs at least one base activation");
  const kernels = bases.map((base) => fixedKernel(base, options));
  const params = new Float32Array(bases.length).fill(1 / bases.length);
  const paramGrads = new Float32Array(bases.length);
  // Per-base values and their weighted sum. They grow only when a batch is larger than any before,
  // so steady-state training allocates nothing; the sum is kept apart so a may alias z and dz may alias da.
  let values = new Float32Array(0);
  let sums = new Float32Array(0);
  const reserve = (n: number) => {
    if (values.length >= n) return;
    values = new Float32Array(n);
    sums = new Float32Array(n);
  };

  /** sums = Σₖ wₖ·f'ₖ(z) over the first n entries; adds Σ da·gₖ(z) into paramGrads when da is given. */
  const weightedSlopes = (z: Float32Array, n: number, da: Float32Array | null) => {
    sums.fill(0, 0, n);
    for (let k = 0; k < kernels.length; k++) {
      const kernel = kernels[k] as ElementwiseKernel;
      const w = params[k] as number;
      kernel.forward(z, values, n);
      if (da !== null) {
        let gradW = 0;
        for (let i = 0; i < n; i++) gradW += (da[i] as number) * (values[i] as number);
        paramGrads[k] = (paramGrads[k] as number) + gradW;
      }
      kernel.derivative(z, values, values, n);
      for (let i = 0; i < n; i++) sums[i] = (sums[i] as number) + w * (values[i] as number);
    }
  };

  return {
    name: "mix",
    units,
    params,
    paramGrads,
    paramNames: bases.map((base) => `mix/${base}`),
    forward(z, a, rows) {
      const n = rows * units;
      reserve(n);
      sums.fill(0, 0, n);
      for (let k = 0; k < kernels.length; k++) {
        const w = params[k] as number;
        (kernels[k] as ElementwiseKernel).forward(z, values, n);
        for (let i = 0; i < n; i++) sums[i] = (sums[i] as number) + w * (values[i] as number);
      }
      a.set(sums.subarray(0, n));
    },
    backward(z, _a, da, dz, rows) {
      const n = rows * units;
      reserve(n);
      weightedSlopes(z, n, da);
      for (let i = 0; i < n; i++) dz[i] = (da[i] as number) * (sums[i] as number);
    },
    derivative(z, _a, out, rows) {
      const n = rows * units;
      reserve(n);
      weightedSlopes(z, n, null);
      out.set(sums.subarray(0, n));
    },
  };
}
