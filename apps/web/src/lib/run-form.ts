/** The launch form's fields as strings, and their conversion to a TrainConfig input validated by the core's schema. */
import { type TrainConfigInput, ZTrainConfig } from "@actlab/core";
import { datasetSpecOf, suggestedSettings } from "@/lib/dataset-choice";

export type RunFormValues = {
  dataset: string;
  samples: string;
  noise: string;
  hiddenLayers: string;
  activation: string;
  optimizer: string;
  lr: string;
  batchSize: string;
  epochs: string;
  seed: string;
};

export const DEFAULT_FORM: RunFormValues = {
  dataset: "spirals",
  samples: "600",
  noise: "0.1",
  hiddenLayers: "16, 16",
  activation: "tanh",
  optimizer: "adam",
  lr: "0.03",
  batchSize: "32",
  epochs: "100",
  seed: "0",
};

/** Field name on the form for each config path the schema may complain about. */
const FIELD_OF_PATH: Record<string, keyof RunFormValues> = {
  "dataset.name": "dataset",
  "dataset.samples": "samples",
  "dataset.noise": "noise",
  hiddenLayers: "hiddenLayers",
  activation: "activation",
  optimizer: "optimizer",
  lr: "lr",
  batchSize: "batchSize",
  epochs: "epochs",
  seed: "seed",
};

export function fieldForPath(path: string): keyof RunFormValues | null {
  if (path.startsWith("hiddenLayers")) return "hiddenLayers";
  return FIELD_OF_PATH[path] ?? null;
}

const num = (s: string): number => (s.trim() === "" ? Number.NaN : Number(s));

export function formToConfig(v: RunFormValues): TrainConfigInput {
  const layers = v.hiddenLayers
    .split(/[\s,]+/)
    .filter((x) => x !== "")
    .map(num);
  return {
    dataset: datasetSpecOf(v.dataset, num(v.samples), num(v.noise)),
    hiddenLayers: layers,
    activation: v.activation as "relu",
    optimizer: v.optimizer as "sgd",
    lr: num(v.lr),
    batchSize: num(v.batchSize),
    epochs: num(v.epochs),
    seed: num(v.seed),
  };
}

/** Validates in the browser with the same schema the server uses: one message per field. */
export function validateForm(v: RunFormValues): Partial<Record<keyof RunFormValues, string>> {
  const result = ZTrainConfig.safeParse(formToConfig(v));
  if (result.success) return {};
  const errors: Partial<Record<keyof RunFormValues, string>> = {};
  for (const issue of result.error.issues) {
    const field = fieldForPath(issue.path.join("."));
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Switching dataset brings its suggested network and training settings along. */
export function withDataset(v: RunFormValues, dataset: string): RunFormValues {
  return { ...v, dataset, ...suggestedSettings(dataset) };
}
