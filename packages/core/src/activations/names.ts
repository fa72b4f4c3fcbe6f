/** The activation names Actlab knows, derived from the records in registry.ts (the gallery's and forms' order). */
import { ACTIVATION_RECORDS, type ElementwiseRecord } from "./registry";

type AnyRecord = (typeof ACTIVATION_RECORDS)[number];

export type ActivationName = AnyRecord["name"];
/** Softmax only makes sense on the output layer, paired with cross-entropy. */
export type HiddenActivationName = Exclude<AnyRecord, { use: "output" }>["name"];
/** Base activations a learned mix may combine (everything elementwise and fixed). */
export type MixableActivationName = Extract<ElementwiseRecord, { use: "mixable" }>["name"];

export const ACTIVATION_NAMES: readonly ActivationName[] = ACTIVATION_RECORDS.map((r) => r.name);

export const HIDDEN_ACTIVATIONS: readonly HiddenActivationName[] = ACTIVATION_RECORDS.filter(
  (r): r is Exclude<AnyRecord, { use: "output" }> => r.use !== "output",
).map((r) => r.name);

export const MIXABLE_ACTIVATIONS: readonly MixableActivationName[] = ACTIVATION_RECORDS.filter(
  (r): r is Extract<AnyRecord, { use: "mixable" }> => r.use === "mixable",
).map((r) => r.name);

/** The replay command's published list: the activations it replays against PyTorch. */
export const REPLAY_ACTIVATIONS: readonly HiddenActivationName[] = ACTIVATION_RECORDS.filter(
  (r): r is Exclude<AnyRecord, { use: "output" }> => r.replay && r.use !== "output",
).map((r) => r.name);
