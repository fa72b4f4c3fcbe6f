/**
 * Learned mix (Manessi & Rozza 2018, "Learning combinations of activation functions"):
 * f(x) = Σₖ wₖ·gₖ(x), one weight per base per layer, initialised to 1/K; dL/dwₖ = Σ dL/da·gₖ(z).
 * Bases use the run's leaky slope and a fixed swish β (swishLearnBeta applies to a plain swish layer only).
 */
import type { ElementwiseKernel } from "../kernel";
import type { MixableActivationName } from "../names";
import type { ActivationRecord } from "../record";
import type { ActivationLayer, ScalarActivation } from "../types";

/** Σₖ wₖ·gₖ(x) at fixed weights: what a mix layer computes at one moment of training. */
export function mixture(bases: readonly ScalarActivation[], weights: readonly number[]): ScalarActivation {
  if (bases.length === 0 || bases.length !== weights.length) {
    throw new RangeError("a mixture needs one weight per base, and at least one base");
  }
  return {
    derivativeInput: "x",
    forward: (x) => {
      let sum = 0;
      for (let k = 0; k < bases.length; k++)
        sum += (weights[k] as number) * (bases[k] as ScalarActivation).forward(x);
      return sum;
    },
    derivative: (x) => {
      let sum = 0;
      for (let k = 0; k < bases.length; k++) {
        const base = bases[k] as ScalarActivation;
        sum += (weights[k] as number) * base.derivative(x, base.forward(x));
      }
      return sum;
    },
  };
}

function mixLayer(
  units: number,
  bases: readonly MixableActivationName[],
  kernels: readonly ElementwiseKernel[],
): ActivationLayer {
  if (bases.length === 0) throw new RangeError("a mix needs at least one base activation");
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

/** The record of a mix over the bases `baseOf` looks up (the registry passes its own lookup, so no import loop). */
export function defineMix(
  baseOf: (name: MixableActivationName) => ActivationRecord<string, "mixable">,
): ActivationRecord<"mix", "hidden"> {
  return {
    name: "mix",
    use: "hidden",
    replay: false,
    meta: {
      label: "Learned mix",
      range: [-Infinity, Infinity],
      zeroCentred: false,
      // The weights are learned and may turn negative, and the default bases include ReLU's kink.
      monotonic: false,
      smooth: false,
      learnable: ["mix weights"],
      hiddenLayersLearn: true,
      tradeoff:
        "Learns a weighted sum of base activations per layer (Manessi & Rozza); adapts its shape, but pays for every base.",
    },
    plotNote: "Plotted as equal weights 1/4 of relu, tanh, sigmoid and linear: a mix at initialisation.",
    scalar: (settings) =>
      mixture(
        settings.mixOf.map((name) => baseOf(name).scalar(settings)),
        settings.mixOf.map(() => 1 / settings.mixOf.length),
      ),
    learnedLayer: (settings, units) =>
      mixLayer(
        units,
        settings.mixOf,
        settings.mixOf.map((name) => baseOf(name).kernel(settings)),
      ),
  };
}
