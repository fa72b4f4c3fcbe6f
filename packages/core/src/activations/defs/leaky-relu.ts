/** Leaky ReLU with a run's negative slope (PyTorch default 0.01); the negative branch at 0, as PyTorch. */
import type { ElementwiseKernel } from "../kernel";
import { type ActivationRecord, PLAIN_CURVE } from "../record";
import type { ScalarActivation } from "../types";

/** The piecewise-linear curve x for x > 0, slope·x otherwise (PReLU's maths at a given α, too). */
export function leakyCurve(slope: number): ScalarActivation {
  return {
    derivativeInput: "x",
    forward: (x) => (x > 0 ? x : slope * x),
    derivative: (x) => (x > 0 ? 1 : slope),
  };
}

function leakyReluKernel(slope: number): ElementwiseKernel {
  return {
    forward(z, a, n) {
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        a[i] = x > 0 ? x : slope * x;
      }
    },
    derivative(z, _a, out, n) {
      for (let i = 0; i < n; i++) out[i] = (z[i] as number) > 0 ? 1 : slope;
    },
    backward(z, _a, da, dz, n) {
      for (let i = 0; i < n; i++) {
        const g = da[i] as number;
        dz[i] = (z[i] as number) > 0 ? g : slope * g;
      }
    },
  };
}

export const leakyRelu: ActivationRecord<"leaky_relu", "mixable"> = {
  name: "leaky_relu",
  use: "mixable",
  replay: true,
  meta: {
    ...PLAIN_CURVE,
    label: "Leaky ReLU",
    range: [-Infinity, Infinity],
    zeroCentred: true,
    // The slope is ≥ 0 (the config says so), so the curve never turns down.
    monotonic: true,
    smooth: false,
    tradeoff:
      "ReLU with a small negative slope so no unit dies for good; the slope is one more knob to pick.",
  },
  plotNote: "Plotted with slope 0.01, the default.",
  scalar: (settings) => leakyCurve(settings.leakySlope),
  kernel: (settings) => leakyReluKernel(settings.leakySlope),
};
