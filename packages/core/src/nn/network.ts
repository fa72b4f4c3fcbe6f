/**
 * A dense MLP: hidden layers with one activation kind, a raw output layer (the loss applies softmax or
 * sigmoid). All parameters live in one flat vector (dense weights, biases, then the activation's learnable
 * parameters per hidden layer) so optimisers, clipping and checkpoints treat them as one array.
 */
import { createActivationLayer } from "../activations/index";
import type { ActivationConfig, ActivationLayer } from "../activations/types";
import {
  biasGradient,
  type DenseLayer,
  denseBackward,
  denseForward,
  NATIVE_PASS_MIN_ELEMENTS,
} from "./dense";
import { pluggedDensePasses } from "./gemm";
import type { DensePassKernels } from "./gemm-types";

export type Network = {
  /** [inputs, ...hidden, outputs]. */
  readonly sizes: readonly number[];
  /** The most rows forward/backward accept (buffers are preallocated for it). */
  readonly maxRows: number;
  readonly params: Float32Array;
  readonly grads: Float32Array;
  readonly dense: readonly DenseLayer[];
  /** One per hidden layer. */
  readonly activations: readonly ActivationLayer[];
  /** [start, end) of each activation's parameters inside params, per hidden layer. */
  readonly activationParamRanges: readonly (readonly [number, number])[];
  /** [start, end) pairs of the dense weight matrices (what L2 penalises). */
  readonly weightRanges: Int32Array;
  /** Pre-activations z and activations a of each hidden layer, [maxRows][units]. */
  readonly z: readonly Float32Array[];
  readonly a: readonly Float32Array[];
  /** Raw outputs [maxRows][outputs], written by forward. */
  readonly out: Float32Array;
  /** dL/d out, filled by the caller (the loss) before backward. */
  readonly dOut: Float32Array;
  /** Runs the batch x [rows][inputs] forward; returns `out`. */
  forward(x: Float32Array, rows: number): Float32Array;
  /** Gradients of the loss w.r.t. every parameter into `grads`, from dOut and the last forward on x. */
  backward(x: Float32Array, rows: number): void;
  /** Copies activation parameters from `params` into the activation layers (after an update or a load). */
  syncActivationParams(): void;
};

/** A PReLU layer with one α for the whole layer (its only parameter): the native passes cover it. */
const isLayerPrelu = (act: ActivationLayer) => act.name === "prelu" && act.params.length === 1;

/**
 * The backend's fused passes for a ReLU, leaky ReLU or one-α PReLU layer big enough to repay a native
 * call, else null. They give the TypeScript kernels' bits, so which path runs changes no result.
 */
function nativePasses(act: ActivationLayer, rows: number): DensePassKernels | null {
  if (act.name !== "relu" && act.name !== "leaky_relu" && !isLayerPrelu(act)) return null;
  if (rows * act.units < NATIVE_PASS_MIN_ELEMENTS) return null;
  return pluggedDensePasses();
}

export function createNetwork(
  sizes: readonly number[],
  activation: ActivationConfig,
  maxRows: number,
): Network {
  const depth = sizes.length - 1;
  if (depth < 1) throw new Error("a network needs at least an input and an output size");
  const activations: ActivationLayer[] = [];
  for (let l = 0; l < depth - 1; l++)
    activations.push(createActivationLayer(activation, sizes[l + 1] as number));

  let total = 0;
  for (let l = 0; l < depth; l++) {
    total += (sizes[l + 1] as number) * ((sizes[l] as number) + 1);
    total += activations[l]?.params.length ?? 0;
  }
  const params = new Float32Array(total);
  const grads = new Float32Array(total);

  const dense: DenseLayer[] = [];
  const activationParamRanges: (readonly [number, number])[] = [];
  const weightRanges = new Int32Array(2 * depth);
  let offset = 0;
  const take = (n: number): [Float32Array, Float32Array] => {
    const views: [Float32Array, Float32Array] = [
      params.subarray(offset, offset + n),
      grads.subarray(offset, offset + n),
    ];
    offset += n;
    return views;
  };
  for (let l = 0; l < depth; l++) {
    const inputs = sizes[l] as number;
    const units = sizes[l + 1] as number;
    weightRanges[2 * l] = offset;
    const [W, dW] = take(units * inputs);
    weightRanges[2 * l + 1] = offset;
    const [b, db] = take(units);
    dense.push({ inputs, units, W, b, dW, db });
    const act = activations[l];
    if (act) {
      activationParamRanges.push([offset, offset + act.params.length]);
      take(act.params.length)[0].set(act.params);
    }
  }

  const z = activations.map((act) => new Float32Array(maxRows * act.units));
  const a = activations.map((act) => new Float32Array(maxRows * act.units));
  const outputs = sizes[depth] as number;
  const out = new Float32Array(maxRows * outputs);
  const dOut = new Float32Array(maxRows * outputs);
  const widest = Math.max(...sizes.slice(1));
  // Backward ping-pongs between two scratch buffers: dA of layer l, then dZ of layer l.
  const dA = new Float32Array(maxRows * widest);
  const dZ = new Float32Array(maxRows * widest);

  const slope = activation.leakySlope;

  const checkRows = (rows: number): void => {
    if (rows > maxRows) throw new Error(`batch of ${rows} rows exceeds the network's ${maxRows}`);
  };

  return {
    sizes,
    maxRows,
    params,
    grads,
    dense,
    activations,
    activationParamRanges,
    weightRanges,
    z,
    a,
    out,
    dOut,
    forward(x, rows) {
      checkRows(rows);
      let input = x;
      for (let l = 0; l < depth - 1; l++) {
        const zl = z[l] as Float32Array;
        const al = a[l] as Float32Array;
        const act = activations[l] as ActivationLayer;
        denseForward(dense[l] as DenseLayer, input, rows, zl);
        const native = nativePasses(act, rows);
        if (!native) act.forward(zl, al, rows);
        else if (act.name === "relu") native.reluForward(zl, al, rows * act.units);
        // PReLU's a = z > 0 ? z : α·z is leaky ReLU's pass at slope α.
        else
          native.leakyReluForward(
            zl,
            al,
            rows * act.units,
            act.name === "prelu" ? (act.params[0] as number) : slope,
          );
        input = al;
      }
      denseForward(dense[depth - 1] as DenseLayer, input, rows, out);
      return out;
    },
    backward(x, rows) {
      checkRows(rows);
      let dz = dOut;
      // The output layer's bias gradient is a pass of its own; a native ReLU layer's comes with its backward.
      biasGradient(dense[depth - 1] as DenseLayer, dOut, rows);
      for (let l = depth - 1; l >= 0; l--) {
        const input = l === 0 ? x : (a[l - 1] as Float32Array);
        denseBackward(dense[l] as DenseLayer, input, rows, dz, l === 0 ? null : dA);
        if (l === 0) break;
        const act = activations[l - 1] as ActivationLayer;
        const below = dense[l - 1] as DenseLayer;
        const native = nativePasses(act, rows);
        const zBelow = z[l - 1] as Float32Array;
        if (native && act.name === "prelu") {
          const alpha = act.params[0] as number;
          const gradAlpha = native.preluBackwardBiasGrad(zBelow, dA, dZ, below.db, rows, act.units, alpha);
          // As the TypeScript layer: its gradient buffer zeroed, then the batch's sum added.
          act.paramGrads[0] = 0 + gradAlpha;
          grads.set(act.paramGrads, (activationParamRanges[l - 1] as readonly [number, number])[0]);
          dz = dZ;
          continue;
        }
        if (native) {
          if (act.name === "relu") native.reluBackwardBiasGrad(zBelow, dA, dZ, below.db, rows, act.units);
          else native.leakyReluBackwardBiasGrad(zBelow, dA, dZ, below.db, rows, act.units, slope);
          dz = dZ;
          continue;
        }
        act.paramGrads.fill(0);
        act.backward(zBelow, a[l - 1] as Float32Array, dA, dZ, rows);
        biasGradient(below, dZ, rows);
        const range = activationParamRanges[l - 1] as readonly [number, number];
        grads.set(act.paramGrads, range[0]);
        dz = dZ;
      }
    },
    syncActivationParams() {
      for (let l = 0; l < activations.length; l++) {
        const act = activations[l] as ActivationLayer;
        if (act.params.length === 0) continue;
        const [start, end] = activationParamRanges[l] as readonly [number, number];
        act.params.set(params.subarray(start, end));
      }
    },
  };
}
