/** An activation's metadata, its scalar maths, its run configuration and the training layer it becomes. */
import type { HiddenActivationName, MixableActivationName } from "./names";

/** What a derivative reads: the pre-activation x, the output y = f(x), or both. */
export type DerivativeInput = "x" | "y" | "xy";

export type ActivationMeta = {
  label: string;
  /** Output range; ±Infinity for unbounded sides. */
  range: readonly [number, number];
  zeroCentred: boolean;
  monotonic: boolean;
  /** Continuously differentiable everywhere. */
  smooth: boolean;
  /** Names of learnable parameters ("alpha", "beta", "mix weights"); empty for fixed ones. */
  learnable: readonly string[];
  /** False where gradients cannot flow through a hidden layer (binary step: f' = 0). */
  hiddenLayersLearn: boolean;
  /** One line, in our words: what it buys and what it costs. */
  tradeoff: string;
};

/**
 * An elementwise activation as plain maths in double. `derivative` always receives both x and y = f(x);
 * `derivativeInput` says which of them it actually reads, so a caller may pass NaN for the other.
 */
export type ScalarActivation = {
  derivativeInput: DerivativeInput;
  forward: (x: number) => number;
  derivative: (x: number, y: number) => number;
};

/** How a run configures its hidden-layer activation (validated by ZActivationConfig). */
export type ActivationConfig = {
  name: HiddenActivationName;
  /** leaky_relu negative slope. */
  leakySlope: number;
  /** prelu: one alpha per layer or one per unit. */
  preluMode: "layer" | "unit";
  preluInit: number;
  /** swish: x * sigmoid(beta * x). */
  swishBeta: number;
  swishLearnBeta: boolean;
  /** mix: the base activations combined with learned weights. */
  mixOf: MixableActivationName[];
};

/**
 * One layer's activation over a row-major batch [rows][units]. Owns its learnable parameters
 * and their gradients; no allocation inside forward/backward.
 */
export type ActivationLayer = {
  readonly name: HiddenActivationName;
  readonly units: number;
  /** Learnable parameters (PReLU alpha, swish beta, mix weights), empty when there are none. */
  readonly params: Float32Array;
  /** Gradient of the loss w.r.t. params, accumulated (+=) by backward; the caller zeroes it. */
  readonly paramGrads: Float32Array;
  /** A name per parameter, for diagnostics: ["alpha"], ["alpha/0", …], ["mix/relu", …]. */
  readonly paramNames: readonly string[];
  /** a = f(z) elementwise. */
  forward(z: Float32Array, a: Float32Array, rows: number): void;
  /** dz = da ⊙ f'(z); adds d loss / d params into paramGrads. z and a are the forward's. */
  backward(z: Float32Array, a: Float32Array, da: Float32Array, dz: Float32Array, rows: number): void;
  /** out = f'(z) elementwise (diagnostics: dead and saturated units). */
  derivative(z: Float32Array, a: Float32Array, out: Float32Array, rows: number): void;
};
