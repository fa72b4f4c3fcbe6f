/** The activation names Actlab knows, in the order the gallery and the forms list them. */
export const HIDDEN_ACTIVATIONS = [
  "step",
  "linear",
  "sigmoid",
  "tanh",
  "relu",
  "leaky_relu",
  "prelu",
  "swish",
  "elu",
  "selu",
  "gelu",
  "gelu_tanh",
  "mish",
  "softplus",
  "hard_sigmoid",
  "hard_swish",
  "mix",
] as const;

/** Softmax only makes sense on the output layer, paired with cross-entropy. */
export const ACTIVATION_NAMES = [...HIDDEN_ACTIVATIONS, "softmax"] as const;

export type HiddenActivationName = (typeof HIDDEN_ACTIVATIONS)[number];
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** Base activations a learned mix may combine (everything elementwise and fixed). */
export const MIXABLE_ACTIVATIONS = [
  "linear",
  "sigmoid",
  "tanh",
  "relu",
  "leaky_relu",
  "swish",
  "elu",
  "selu",
  "gelu",
  "gelu_tanh",
  "mish",
  "softplus",
  "hard_sigmoid",
  "hard_swish",
] as const satisfies readonly HiddenActivationName[];
export type MixableActivationName = (typeof MIXABLE_ACTIVATIONS)[number];
