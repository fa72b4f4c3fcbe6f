import { describe, expect, it } from "vitest";
import { type TrainConfigInput, ZTrainConfig } from "../config";
import { generateDataset } from "../data/index";
import { isWallClockMetric } from "../metrics/reproducibility";
import { createTraining } from "./training";
import type { EndEvent, EpochEvent, TrainEvent } from "./types";

const spec = { kind: "generated", name: "spirals", samples: 400, noise: 0.05, classes: 2, seed: 3 } as const;
const dataset = generateDataset(spec);
const configOf = (over: Partial<TrainConfigInput> = {}) =>
  ZTrainConfig.parse({
    dataset: spec,
    hiddenLayers: [16, 16],
    activation: "tanh",
    lr: 0.3,
    epochs: 5,
    ...over,
  });

function drain(events: Iterable<TrainEvent>): {
  epochs: EpochEvent[];
  end: EndEvent | undefined;
  steps: number;
} {
  const epochs: EpochEvent[] = [];
  let end: EndEvent | undefined;
  let steps = 0;
  for (const e of events) {
    if (e.type === "epoch") epochs.push(e);
    else if (e.type === "end") end = e;
    else steps++;
  }
  return { epochs, end, steps };
}

/** Every metric except wall-clock ones, which legitimately differ between runs. */
const withoutTime = (m: Record<string, number>) =>
  Object.fromEntries(Object.entries(m).filter(([k]) => !isWallClockMetric(k)));

describe("createTraining", () => {
  it("yields a step event per step, an epoch event per epoch with the standard metrics, then end", () => {
    const config = configOf({ split: { validation: 0.2, test: 0.1 } });
    const training = createTraining(config, dataset);
    const { epochs, end, steps } = drain(training);
    expect(steps).toBe(training.totalSteps);
    expect(training.totalSteps).toBe(training.stepsPerEpoch * 5);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    const keys = Object.keys(epochs[0]?.metrics ?? {});
    for (const key of ["train/loss", "train/acc", "val/loss", "val/acc", "test/loss", "test/acc", "lr"]) {
      expect(keys).toContain(key);
    }
    for (const key of ["time/epoch_s", "perf/samples_per_s", "diag/l1/grad_norm", "diag/out/grad_norm"]) {
      expect(keys).toContain(key);
    }
    expect(end?.reason).toBe("completed");
    expect(end?.summary.epochs_run).toBe(5);
    expect(end?.summary.best_val_acc).toBe(Math.max(...epochs.map((e) => e.metrics["val/acc"] as number)));
    expect(training.position()).toEqual({ step: training.totalSteps, epoch: 5 });
  });

  it("learns spirals with tanh: validation accuracy above 0.9 after 30 epochs of Adam", () => {
    const bigSpec = { ...spec, samples: 2000 };
    const config = configOf({
      dataset: bigSpec,
      hiddenLayers: [32, 32],
      epochs: 30,
      batchSize: 16,
      optimizer: "adam",
      lr: 0.01,
    });
    const { epochs } = drain(createTraining(config, generateDataset(bigSpec)));
    expect(epochs[0]?.metrics["val/acc"]).toBeLessThan(0.8);
    expect(epochs.at(-1)?.metrics["val/acc"]).toBeGreaterThan(0.9);
  });

  it("produces bit-identical metrics from the same config and seed, different ones from another seed", () => {
    const a = drain(createTraining(configOf(), dataset)).epochs.map((e) => withoutTime(e.metrics));
    const b = drain(createTraining(configOf(), dataset)).epochs.map((e) => withoutTime(e.metrics));
    const c = drain(createTraining(configOf({ seed: 1 }), dataset)).epochs.map((e) => withoutTime(e.metrics));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  for (const [optimizer, activation] of [
    ["sgd", "tanh"],
    ["adam", "prelu"],
    ["nesterov", "mix"],
  ] as const) {
    it(`resumes from a checkpoint exactly like an uninterrupted run (${optimizer}, ${activation})`, () => {
      const config = configOf({ optimizer, activation, lr: optimizer === "adam" ? 0.01 : 0.1 });
      const full = drain(createTraining(config, dataset));

      const first = createTraining(config, dataset);
      const before: EpochEvent[] = [];
      for (const e of first) {
        if (e.type === "epoch") before.push(e);
        if (e.type === "epoch" && e.epoch === 2) break;
      }
      const resumed = drain(createTraining(config, dataset, { resumeFrom: first.checkpoint() }));
      const joined = [...before, ...resumed.epochs].map((e) => withoutTime(e.metrics));
      expect(joined).toEqual(full.epochs.map((e) => withoutTime(e.metrics)));
      expect(resumed.end?.summary).toEqual(full.end?.summary);
    });
  }

  it("resumes exactly with every stateful option on: AdamW, learned swish β, warm-up + cosine, clipping, L2, early stopping", () => {
    const config = configOf({
      optimizer: "adamw",
      lr: 0.01,
      activation: "swish",
      activationOptions: { swishLearnBeta: true },
      schedule: { kind: "cosine", minLr: 0.001 },
      warmupEpochs: 1,
      clipNorm: 0.5,
      l2: 0.001,
      earlyStopping: { metric: "val/loss", patience: 50, minDelta: 0 },
      split: { validation: 0.2, test: 0.1 },
      diagnostics: { everyEpochs: 2, probeSize: 64 },
    });
    const full = drain(createTraining(config, dataset));
    const first = createTraining(config, dataset);
    let seen = 0;
    for (const e of first) if (e.type === "step" && ++seen === 2 * first.stepsPerEpoch + 1) break;
    const resumed = drain(createTraining(config, dataset, { resumeFrom: first.checkpoint() }));
    expect(resumed.epochs.map((e) => withoutTime(e.metrics))).toEqual(
      full.epochs.slice(2).map((e) => withoutTime(e.metrics)),
    );
    expect(Object.keys(full.epochs[1]?.metrics ?? {})).toContain("diag/l1/beta");
    expect(resumed.end?.summary).toEqual(full.end?.summary);
  });

  it("resumes mid-epoch, with the epoch's running train/loss intact", () => {
    const config = configOf({ optimizer: "momentum", lr: 0.05 });
    const full = drain(createTraining(config, dataset));
    const first = createTraining(config, dataset);
    let seen = 0;
    for (const e of first) if (e.type === "step" && ++seen === first.stepsPerEpoch + 3) break;
    const resumed = drain(createTraining(config, dataset, { resumeFrom: first.checkpoint() }));
    expect(resumed.epochs.map((e) => withoutTime(e.metrics))).toEqual(
      full.epochs.slice(1).map((e) => withoutTime(e.metrics)),
    );
  });

  it("refuses a checkpoint from a run of another shape", () => {
    const first = createTraining(configOf(), dataset);
    first.next();
    expect(() =>
      createTraining(configOf({ hiddenLayers: [8] }), dataset, { resumeFrom: first.checkpoint() }),
    ).toThrow(/another run shape/);
  });

  it("ends as diverged, naming the step, when the loss blows up", () => {
    const config = configOf({ lr: 10, activation: "linear", hiddenLayers: [64, 64, 64] });
    const { end } = drain(createTraining(config, dataset));
    expect(end?.reason).toBe("diverged");
    expect(end?.message).toMatch(/(loss is (NaN|Infinity)|weights are not finite) (at|after) step \d+/);
  });

  it("stops early once the watched metric has not improved for `patience` epochs", () => {
    // lr tiny enough that val/acc cannot change by minDelta 0.5.
    const config = configOf({
      epochs: 30,
      lr: 1e-6,
      earlyStopping: { metric: "val/acc", patience: 3, minDelta: 0.5 },
    });
    const { epochs, end } = drain(createTraining(config, dataset));
    expect(end?.reason).toBe("early_stopped");
    expect(epochs).toHaveLength(4);
  });

  /** Flat weights before and after the first step of a run. */
  function firstUpdate(over: Partial<TrainConfigInput>): [number[], number[]] {
    const training = createTraining(configOf(over), dataset);
    const flat = () => training.weights().layers.flatMap((l) => [...l.W, ...l.b]);
    const before = flat();
    training.next();
    return [before, flat()];
  }

  it("clips the global gradient norm: one SGD step moves the weights by at most lr·clipNorm", () => {
    const [before, after] = firstUpdate({ lr: 1, clipNorm: 0.01 });
    const moved = Math.hypot(...after.map((w, i) => w - (before[i] as number)));
    expect(moved).toBeLessThanOrEqual(0.01 * 1.0001);
    expect(moved).toBeGreaterThan(0.009);
  });

  it("adds the L2 penalty's gradient l2·w to the dense weights only", () => {
    const [before, plain] = firstUpdate({ lr: 0.5 });
    const [, decayed] = firstUpdate({ lr: 0.5, l2: 0.1 });
    const training = createTraining(configOf(), dataset);
    const isWeight = training
      .weights()
      .layers.flatMap((l) => [...l.W.map(() => true), ...l.b.map(() => false)]);
    decayed.forEach((w, i) => {
      const expected = isWeight[i] ? -0.5 * 0.1 * (before[i] as number) : 0;
      expect(w - (plain[i] as number)).toBeCloseTo(expected, 6);
    });
  });

  it("times only the trainer's own work, not the caller's time between yields", () => {
    let clock = 0;
    const training = createTraining(configOf({ epochs: 2 }), dataset, { now: () => clock });
    const times: number[] = [];
    for (const e of training) {
      if (e.type === "epoch") times.push(e.metrics["time/epoch_s"] as number);
      clock += 1000; // the caller spends a second on every event
    }
    expect(times).toEqual([0, 0]);
  });

  it("reports the learning rate each epoch following warm-up and schedule", () => {
    const config = configOf({
      epochs: 4,
      lr: 0.2,
      warmupEpochs: 1,
      schedule: { kind: "step", everyEpochs: 2, gamma: 0.5 },
    });
    const { epochs } = drain(createTraining(config, dataset));
    expect(epochs.map((e) => e.metrics.lr)).toEqual([0.2, 0.2, 0.1, 0.1]);
  });
});
