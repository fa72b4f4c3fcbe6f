/** Wraps a specialised elementwise kernel as a parameter-free layer: one call per batch, none per element. */
import type { ElementwiseKernel } from "../kernel";
import type { HiddenActivationName } from "../names";
import type { ActivationLayer } from "../types";

export function fixedLayer(
  name: HiddenActivationName,
  kernel: ElementwiseKernel,
  units: number,
): ActivationLayer {
  return {
    name,
    units,
    params: new Float32Array(0),
    paramGrads: new Float32Array(0),
    paramNames: [],
    forward: (z, a, rows) => kernel.forward(z, a, rows * units),
    backward: (z, a, da, dz, rows) => kernel.backward(z, a, da, dz, rows * units),
    derivative: (z, a, out, rows) => kernel.derivative(z, a, out, rows * units),
  };
}
