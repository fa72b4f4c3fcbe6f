/** The activations' public surface: the training layer factory, the records with their scalar maths, and erf. */
export { erf, erfc } from "./erf";
export { type ActivationInfo, activationInfo } from "./info";
export { createActivationLayer } from "./layer/create";
export {
  type ActivationRecord,
  type ActivationSettings,
  type ActivationUse,
  DEFAULT_ACTIVATION_SETTINGS,
} from "./record";
export { ACTIVATION_RECORDS, activationRecord } from "./registry";
