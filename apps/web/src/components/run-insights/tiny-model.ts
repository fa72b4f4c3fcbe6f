/** A small trained model for the decision-boundary test and bench: a 2-16-16-2 GELU net, one epoch on moons. */
import {
  createTraining,
  type Dataset,
  generateDataset,
  type Model,
  modelFromWeights,
  ZTrainConfig,
} from "@actlab/core";

export function trainTinyModel(): { model: Model; data: Dataset } {
  const config = ZTrainConfig.parse({
    dataset: { kind: "generated", name: "moons", samples: 200 },
    hiddenLayers: [16, 16],
    activation: "gelu",
    epochs: 1,
  });
  if (config.dataset.kind !== "generated") throw new Error("unreachable");
  const data = generateDataset(config.dataset);
  const training = createTraining(config, data);
  for (const _ of training);
  return { model: modelFromWeights(training.weights()), data };
}
