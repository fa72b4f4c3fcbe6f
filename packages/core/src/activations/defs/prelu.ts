/**
 * PReLU: f(x) = x for x > 0, αx otherwise (negative branch at 0, as PyTorch), with α learned once per layer
 * or once per unit. d f/dα = x on the negative side, 0 elsewhere.
 */
import type { ActivationRecord } from "../record";
import type { ActivationLayer } from "../types";
import { leakyCurve } from "./leaky-relu";

function preluLayer(units: number, mode: "layer" | "unit", init: number): ActivationLayer {
  const count = mode === "layer" ? 1 : units;
  const params = new Float32Array(count).fill(init);
  const paramGrads = new Float32Array(count);
  const paramNames = mode === "layer" ? ["alpha"] : Array.from({ length: units }, (_, j) => `alpha/${j}`);
  // Batch sums of dL/dα in double: thousands of float32 additions would lose digits.
  const sums = new Float64Array(count);
  const parameters = { name: "prelu", units, params, paramGrads, paramNames } as const;

  if (mode === "layer") {
    return {
      ...parameters,
      forward(z, a, rows) {
        const alpha = params[0] as number;
        const n = rows * units;
        for (let i = 0; i < n; i++) {
          const x = z[i] as number;
          a[i] = x > 0 ? x : alpha * x;
        }
      },
      backward(z, _a, da, dz, rows) {
        const alpha = params[0] as number;
        const n = rows * units;
        let gradAlpha = 0;
        for (let i = 0; i < n; i++) {
          const x = z[i] as number;
          const g = da[i] as number;
          if (x > 0) {
            dz[i] = g;
          } else {
            dz[i] = alpha * g;
            gradAlpha += x * g;
          }
        }
        paramGrads[0] = (paramGrads[0] as number) + gradAlpha;
      },
      derivative(z, _a, out, rows) {
        const alpha = params[0] as number;
        const n = rows * units;
        for (let i = 0; i < n; i++) out[i] = (z[i] as number) > 0 ? 1 : alpha;
      },
    };
  }

  return {
    ...parameters,
    forward(z, a, rows) {
      for (let r = 0, i = 0; r < rows; r++) {
        for (let j = 0; j < units; j++, i++) {
          const x = z[i] as number;
          a[i] = x > 0 ? x : (params[j] as number) * x;
        }
      }
    },
    backward(z, _a, da, dz, rows) {
      sums.fill(0);
      for (let r = 0, i = 0; r < rows; r++) {
        for (let j = 0; j < units; j++, i++) {
          const x = z[i] as number;
          const g = da[i] as number;
          if (x > 0) {
            dz[i] = g;
          } else {
            dz[i] = (params[j] as number) * g;
            sums[j] = (sums[j] as number) + x * g;
          }
        }
      }
      for (let j = 0; j < units; j++) paramGrads[j] = (paramGrads[j] as number) + (sums[j] as number);
    },
    derivative(z, _a, out, rows) {
      for (let r = 0, i = 0; r < rows; r++) {
        for (let j = 0; j < units; j++, i++) out[i] = (z[i] as number) > 0 ? 1 : (params[j] as number);
      }
    },
  };
}

export const prelu: ActivationRecord<"prelu", "hidden"> = {
  name: "prelu",
  use: "hidden",
  replay: true,
  meta: {
    label: "PReLU",
    range: [-Infinity, Infinity],
    zeroCentred: true,
    // α is learned and may turn negative, so monotonicity is not guaranteed.
    monotonic: false,
    smooth: false,
    learnable: ["alpha"],
    hiddenLayersLearn: true,
    tradeoff:
      "Leaky ReLU that learns its negative slope (per layer or per unit); the extra freedom can overfit small data.",
  },
  plotNote: "Plotted at α = 0.25, the default initial slope; α is learned.",
  scalar: (settings) => leakyCurve(settings.preluInit),
  learnedLayer: (settings, units) => preluLayer(units, settings.preluMode, settings.preluInit),
};
