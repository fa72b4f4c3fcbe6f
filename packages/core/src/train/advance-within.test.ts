import { describe, expect, it } from "vitest";
import { type TrainConfigInput, ZTrainConfig } from "../config";
import { generateDataset } from "../data/index";
import { isWallClockMetric } from "../metrics/reproducibility";
import { advanceWithin } from "./advance-within";
import { createTraining } from "./training";
import type { EpochEvent, TrainEvent } from "./types";

const spec = { kind: "generated", name: "moons", samples: 300, noise: 0.1, classes: 2, seed: 5 } as const;
const dataset = generateDataset(spec);
const configOf = (over: Partial<TrainConfigInput> = {}) =>
  ZTrainConfig.parse({ dataset: spec, hiddenLayers: [8, 8], activation: "prelu", epochs: 6, ...over });

const withoutTime = (e: EpochEvent) => ({
  ...e,
  metrics: Object.fromEntries(Object.entries(e.metrics).filter(([k]) => !isWallClockMetric(k))),
});

/** A clock that moves `tick` ms each time it is read. */
function tickingClock(tick: number): () => number {
  let t = 0;
  return () => {
    t += tick;
    return t;
  };
}

function* steps(count: number): Generator<TrainEvent, void, void> {
  for (let i = 1; i <= count; i++) yield { type: "step", step: i, epoch: 1, loss: 1 / i };
}

describe("advanceWithin", () => {
  it("stops once the budget is spent, after the event that spent it", () => {
    const slice = advanceWithin(steps(100), 10, tickingClock(1));
    // The start reads the clock once (t = 1), then one read per event: the 10th read (t = 11) ends it.
    expect(slice).toEqual({ steps: 10, epochs: [], end: null });
  });

  it("takes one event even when the budget is already spent", () => {
    expect(advanceWithin(steps(100), 0, tickingClock(5)).steps).toBe(1);
  });

  it("returns nothing more once the training is over", () => {
    const training = steps(3);
    expect(advanceWithin(training, 1e9).steps).toBe(3);
    expect(advanceWithin(training, 1e9)).toEqual({ steps: 0, epochs: [], end: null });
  });

  it("reports the epochs and the end of a real training, with the bits of an uninterrupted loop", () => {
    const config = configOf();
    const whole = [...createTraining(config, dataset)].filter((e) => e.type === "epoch").map(withoutTime);
    const sliced = createTraining(config, dataset);
    const epochs: EpochEvent[] = [];
    let slices = 0;
    for (;;) {
      const slice = advanceWithin(sliced, 3, tickingClock(1));
      slices++;
      epochs.push(...slice.epochs);
      if (slice.end) {
        expect(slice.end.reason).toBe("completed");
        break;
      }
    }
    expect(slices).toBeGreaterThan(config.epochs);
    expect(epochs.map(withoutTime)).toEqual(whole);
  });
});
