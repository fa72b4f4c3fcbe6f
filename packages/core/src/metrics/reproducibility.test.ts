import { describe, expect, it } from "vitest";
import { ZGeneratedDatasetSpec, ZTrainConfig } from "../config";
import { generateDataset } from "../data/index";
import { createTraining } from "../train/training";
import { splitByReproducibility } from "./reproducibility";

function epochMetrics(): Record<string, number>[] {
  const spec = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 200 });
  const config = ZTrainConfig.parse({
    dataset: spec,
    hiddenLayers: [8],
    activation: "tanh",
    epochs: 3,
  });
  const training = createTraining(config, generateDataset(spec));
  const out: Record<string, number>[] = [];
  for (const e of training) if (e.type === "epoch") out.push(e.metrics);
  return out;
}

describe("which metrics a rerun reproduces", () => {
  it("splits the wall-clock and machine figures from the training metrics", () => {
    const { reproducible, wallClock } = splitByReproducibility([
      "train/loss",
      "time/epoch_s",
      "val/acc",
      "perf/samples_per_s",
      "sys/rss_mb",
      "diag/l1/grad_norm",
      "lr",
    ]);
    expect(reproducible).toEqual(["train/loss", "val/acc", "diag/l1/grad_norm", "lr"]);
    expect(wallClock).toEqual(["time/epoch_s", "perf/samples_per_s", "sys/rss_mb"]);
  });

  it("matches what a rerun actually shows: reproducible keys are equal bits, the others are not promised", () => {
    const [a, b] = [epochMetrics(), epochMetrics()];
    const keys = Object.keys(a[0] ?? {});
    const { reproducible, wallClock } = splitByReproducibility(keys);
    expect(wallClock).toContain("time/epoch_s");
    for (let i = 0; i < a.length; i++) {
      for (const k of reproducible) expect(Object.is(a[i]?.[k], b[i]?.[k]), k).toBe(true);
    }
  });
});
