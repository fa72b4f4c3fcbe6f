/** The "every activation" preset for any dataset: the core's comparison with the dataset's suggested network and training. */
import { everyActivationPreset, type SweepSpecInput, ZDatasetSpec } from "@actlab/core";
import { datasetSpecOf, isGeneratedChoice, suggestedSettings } from "@/lib/dataset-choice";

const numbers = (s: string) =>
  s
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

export function everyActivationPresetFor(dataset: string): SweepSpecInput {
  const preset = everyActivationPreset(ZDatasetSpec.parse(datasetSpecOf(dataset, 600, 0.1)));
  // The generators keep the core's preset as it is; a real table needs its own network size and budget.
  if (isGeneratedChoice(dataset)) return preset;
  const s = suggestedSettings(dataset);
  return {
    ...preset,
    base: {
      ...preset.base,
      hiddenLayers: numbers(s.hiddenLayers),
      epochs: Number(s.epochs),
      batchSize: Number(s.batchSize),
      lr: Number(s.lr),
    },
  };
}
