/** The training loop, its checkpoints, and trained models for prediction. */
export { advanceWithin, type TrainingSlice } from "./advance-within";
export { CHECKPOINT_VERSION } from "./checkpoint";
export type { Misclassified, MisclassifiedImages } from "./misclassified";
export type { Model, SavedModel } from "./model";
export { modelFromWeights } from "./model";
export { type PreparedData, prepareData } from "./prepare";
export type { TrainingOptions } from "./training";
export { createTraining } from "./training";
export { decodeModelWeights, encodeModelWeights, WEIGHTS_FORMAT_VERSION } from "./weights-codec";
