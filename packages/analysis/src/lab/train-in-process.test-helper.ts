/** Trains a claim's sweep in this process, as the workers would, and hands back the lab's run records. */
import {
  createTraining,
  type DatasetSpec,
  expandSweep,
  generateDataset,
  ZGeneratedDatasetSpec,
  ZSweepSpec,
} from "@actlab/core";
import type { EpochPoint, LabClaim, LabRun } from "./types";

export function trainClaim(claim: LabClaim, dataset: DatasetSpec, seeds: number): LabRun[] {
  const configs = expandSweep(ZSweepSpec.parse(claim.sweep(dataset, seeds)));
  return configs.map((config, index) => {
    const training = createTraining(config, generateDataset(ZGeneratedDatasetSpec.parse(config.dataset)));
    const series: Record<string, EpochPoint[]> = {};
    let diverged = false;
    for (const event of training) {
      if (event.type === "end") diverged = event.reason === "diverged";
      if (event.type !== "epoch") continue;
      for (const [key, value] of Object.entries(event.metrics)) {
        if (!series[key]) series[key] = [];
        series[key].push([event.epoch, value]);
      }
    }
    return { id: `run-${index}`, status: diverged ? "DIVERGED" : "COMPLETED", config, series };
  });
}
