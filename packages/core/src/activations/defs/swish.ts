/**
 * Swish x·σ(βx) (SiLU at β = 1), with β fixed by the run or learned once per layer:
 * df/dx = s(1 + βx(1 - s)), df/dβ = x²·s(1 - s) with s = σ(βx).
 */
import { expOfScaled } from "../../math/batch-math";
import type { ElementwiseKernel } from "../kernel";
import type { ActivationRecord } from "../record";
import { stableSigmoid } from "../stable";
import type { ActivationLayer, ScalarActivation } from "../types";

export function swishCurve(beta: number): ScalarActivation {
  return {
    derivativeInput: "x",
    forward: (x) => x * stableSigmoid(beta * x),
    derivative: (x) => {
      const s = stableSigmoid(beta * x);
      return s + beta * x * s * (1 - s);
    },
  };
}

function swishKernel(beta: number): ElementwiseKernel {
  return {
    forward(z, a, n) {
      const e = expOfScaled(z, -beta, n);
      for (let i = 0; i < n; i++) a[i] = (z[i] as number) / (1 + (e[i] as number));
    },
    derivative(z, _a, out, n) {
      const e = expOfScaled(z, -beta, n);
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const s = 1 / (1 + (e[i] as number));
        out[i] = s * (1 + beta * x * (1 - s));
      }
    },
    backward(z, _a, da, dz, n) {
      const e = expOfScaled(z, -beta, n);
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const s = 1 / (1 + (e[i] as number));
        dz[i] = (da[i] as number) * s * (1 + beta * x * (1 - s));
      }
    },
  };
}

function learnedSwishLayer(units: number, initBeta: number): ActivationLayer {
  const params = new Float32Array([initBeta]);
  const paramGrads = new Float32Array(1);
  return {
    name: "swish",
    units,
    params,
    paramGrads,
    paramNames: ["beta"],
    forward(z, a, rows) {
      const beta = params[0] as number;
      const n = rows * units;
      const e = expOfScaled(z, -beta, n);
      for (let i = 0; i < n; i++) a[i] = (z[i] as number) / (1 + (e[i] as number));
    },
    backward(z, _a, da, dz, rows) {
      const beta = params[0] as number;
      const n = rows * units;
      let gradBeta = 0;
      const e = expOfScaled(z, -beta, n);
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const g = da[i] as number;
        const s = 1 / (1 + (e[i] as number));
        const ds = s * (1 - s);
        dz[i] = g * (s + beta * x * ds);
        gradBeta += g * x * x * ds;
      }
      paramGrads[0] = (paramGrads[0] as number) + gradBeta;
    },
    derivative(z, _a, out, rows) {
      const beta = params[0] as number;
      const n = rows * units;
      const e = expOfScaled(z, -beta, n);
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const s = 1 / (1 + (e[i] as number));
        out[i] = s * (1 + beta * x * (1 - s));
      }
    },
  };
}

export const swish: ActivationRecord<"swish", "mixable"> = {
  name: "swish",
  use: "mixable",
  replay: true,
  meta: {
    label: "Swish (SiLU)",
    // The minimum, -0.2784645427610738/β at x = -1.2784645/β, bounds the range (here at β = 1).
    range: [-0.278464542761074, Infinity],
    zeroCentred: true,
    monotonic: false,
    smooth: true,
    learnable: ["beta"],
    hiddenLayersLearn: true,
    tradeoff:
      "Smooth, self-gated and slightly non-monotonic; often beats ReLU in deep nets for an exp per unit. β may be learned.",
  },
  plotNote: "Plotted at β = 1 (SiLU); β may be learned.",
  scalar: (settings) => swishCurve(settings.swishBeta),
  kernel: (settings) => swishKernel(settings.swishBeta),
  // A mix's swish base keeps β fixed: swishLearnBeta applies to a plain swish layer only.
  learnedLayer: (settings, units) =>
    settings.swishLearnBeta ? learnedSwishLayer(units, settings.swishBeta) : null,
};
