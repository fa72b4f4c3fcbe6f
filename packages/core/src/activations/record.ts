/**
 * The one shape of an activation: its metadata, its scalar maths and its training kernel side by side.
 * Every list, enum and dispatch of activations is derived from the records in registry.ts.
 */
import type { ElementwiseKernel } from "./kernel";
import type { ActivationConfig, ActivationLayer, ActivationMeta, ScalarActivation } from "./types";

/**
 * Where an activation may stand: "mixable" ones in any hidden layer and as a base of a learned mix,
 * "hidden" ones in hidden layers only (step has no slope to mix; prelu and mix own parameters), "output" on
 * the output layer only (softmax).
 */
export type ActivationUse = "mixable" | "hidden" | "output";

/** A run's activation settings without the name: leaky slope, swish β, PReLU mode and init, mix bases. */
export type ActivationSettings = Omit<ActivationConfig, "name">;

/** A run's defaults (ZActivationOptions'), learned parameters at their initial values: what the gallery plots. */
export const DEFAULT_ACTIVATION_SETTINGS: Readonly<ActivationSettings> = Object.freeze<ActivationSettings>({
  leakySlope: 0.01,
  preluMode: "layer",
  preluInit: 0.25,
  swishBeta: 1,
  swishLearnBeta: false,
  mixOf: ["relu", "tanh", "sigmoid", "linear"],
});

/** The metadata most curves share: nothing learned, and some slope for a hidden layer to learn through. */
export const PLAIN_CURVE = {
  learnable: [],
  hiddenLayersLearn: true,
} as const satisfies Partial<ActivationMeta>;

type RecordFields<Name extends string, Use extends ActivationUse> = {
  name: Name;
  use: Use;
  /** In the replay command's published list, replayed against PyTorch by scripts/replay.test.ts. */
  replay: boolean;
  meta: ActivationMeta;
  /** Shown beside the gallery's curve where the plotted curve is one instance of a family. */
  plotNote?: string;
  /**
   * The maths at a run's settings, learned parameters at their initial values: the slow, obvious reference
   * every kernel is tested against, and the curve the gallery plots.
   */
  scalar(settings: ActivationSettings): ScalarActivation;
  /** The Float32Array kernel at a run's settings, picked once per layer: its loops never dispatch per element. */
  kernel?(settings: ActivationSettings): ElementwiseKernel;
  /** A layer that owns learned parameters (PReLU α, swish β, mix weights), or null where the settings ask for none. */
  learnedLayer?(settings: ActivationSettings, units: number): ActivationLayer | null;
};

/** A mixable activation always has a kernel: a learned mix runs its bases' kernels. */
export type ActivationRecord<
  Name extends string = string,
  Use extends ActivationUse = ActivationUse,
> = Use extends "mixable"
  ? RecordFields<Name, Use> & { kernel(settings: ActivationSettings): ElementwiseKernel }
  : RecordFields<Name, Use>;
