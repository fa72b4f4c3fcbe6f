/** Which dataset a form value names, its config spec, and the network and training settings suggested for it. */
import { BUILTIN_TABLES, type BuiltinTableName, type TrainConfigInput } from "@actlab/core";

export const isBuiltinTable = (name: string): name is BuiltinTableName =>
  (BUILTIN_TABLES as readonly string[]).includes(name);

/** An upload's form value: its content hash behind a prefix no generator or table name has. */
const UPLOAD_PREFIX = "upload:";
export const uploadChoice = (hash: string) => `${UPLOAD_PREFIX}${hash}`;
export const isUploadChoice = (value: string) => value.startsWith(UPLOAD_PREFIX);
/** Generated 2-D data (samples and noise apply), as opposed to a table or an upload. */
export const isGeneratedChoice = (value: string) => !isBuiltinTable(value) && !isUploadChoice(value);

/** Form fields a dataset suggests; input and output sizes are not among them because the trainer reads them from the data. */
export type SuggestedSettings = { hiddenLayers: string; epochs: string; batchSize: string; lr: string };

const GENERATED: SuggestedSettings = { hiddenLayers: "16, 16", epochs: "100", batchSize: "32", lr: "0.03" };
const SMALL_TABLE: SuggestedSettings = { hiddenLayers: "32, 16", epochs: "80", batchSize: "16", lr: "0.01" };
// 60,000 rows of 784 features: wide layers, few epochs and larger batches so a first run stays near a minute.
const IMAGES: SuggestedSettings = { hiddenLayers: "128, 64", epochs: "3", batchSize: "64", lr: "0.001" };

const BUILTIN_SUGGESTIONS: Record<BuiltinTableName, SuggestedSettings> = {
  iris: SMALL_TABLE,
  wine: SMALL_TABLE,
  breast_cancer: SMALL_TABLE,
  digits: { hiddenLayers: "64, 32", epochs: "40", batchSize: "32", lr: "0.003" },
  mnist: IMAGES,
  fashion_mnist: IMAGES,
};

export function suggestedSettings(dataset: string): SuggestedSettings {
  if (isUploadChoice(dataset)) return SMALL_TABLE;
  return isBuiltinTable(dataset) ? BUILTIN_SUGGESTIONS[dataset] : GENERATED;
}

/** The form's dataset value as a spec: an upload by hash, a shipped table by name, else a generator with its samples and noise. */
export function datasetSpecOf(dataset: string, samples: number, noise: number): TrainConfigInput["dataset"] {
  if (isUploadChoice(dataset)) return { kind: "uploaded", hash: dataset.slice(UPLOAD_PREFIX.length) };
  if (isBuiltinTable(dataset)) return { kind: "builtin", name: dataset };
  return { kind: "generated", name: dataset as "spirals", samples, noise };
}
