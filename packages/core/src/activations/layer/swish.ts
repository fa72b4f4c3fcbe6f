/** Swish with a learned β (one per layer): f = x·σ(βx), df/dx = s(1 + βx(1 - s)), df/dβ = x²·s(1 - s). */
import type { ActivationLayer } from "../types";

export function learnedSwishLayer(units: number, initBeta: number): ActivationLayer {
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
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        a[i] = x / (1 + Math.exp(-beta * x));
      }
    },
    backward(z, _a, da, dz, rows) {
      const beta = params[0] as number;
      const n = rows * units;
      let gradBeta = 0;
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const g = da[i] as number;
        const s = 1 / (1 + Math.exp(-beta * x));
        const ds = s * (1 - s);
        dz[i] = g * (s + beta * x * ds);
        gradBeta += g * x * x * ds;
      }
      paramGrads[0] = (paramGrads[0] as number) + gradBeta;
    },
    derivative(z, _a, out, rows) {
      const beta = params[0] as number;
      const n = rows * units;
      for (let i = 0; i < n; i++) {
        const x = z[i] as number;
        const s = 1 / (1 + Math.exp(-beta * x));
        out[i] = s * (1 + beta * x * (1 - s));
      }
    },
  };
}
