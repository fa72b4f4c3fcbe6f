/**
 * The launch form's playground trains in the browser with core's portable sgemm; the worker plugs in the
 * native one. For every network the playground allows, both must reach the same bits: here the browser's
 * loop (advanceWithin slices of createTraining, driven in Node as the page drives it) against runs trained
 * by a real worker process.
 */
import {
  advanceWithin,
  createTraining,
  type EpochEvent,
  generateDataset,
  isWallClockMetric,
  METRIC,
  PORTABLE_LAYER_WIDTH,
  type TrainConfigInput,
  ZTrainConfig,
} from "@actlab/core";
import { queryMetricSeries, readCheckpointWeights } from "@actlab/db";
import { nativeGemmBackend, nativeKernelsStatus } from "@actlab/native-kernels";
import { describe, expect, it } from "vitest";
import { stackWithWorker } from "./harness";

const WIDEST = PORTABLE_LAYER_WIDTH;

const playgroundRun = (over: Partial<TrainConfigInput>): TrainConfigInput => ({
  dataset: { kind: "generated", name: "spirals", samples: 600, noise: 0.1 },
  hiddenLayers: [16, 16],
  activation: "tanh",
  optimizer: "adam",
  lr: 0.03,
  batchSize: 32,
  epochs: 12,
  seed: 3,
  ...over,
});

/** The playground's loop: short slices, as animation frames would cut it. */
function trainLikeTheBrowser(input: TrainConfigInput) {
  const config = ZTrainConfig.parse(input);
  if (config.dataset.kind !== "generated") throw new Error("the playground trains generated data only");
  const training = createTraining(config, generateDataset(config.dataset));
  const epochs: EpochEvent[] = [];
  for (;;) {
    const slice = advanceWithin(training, 1);
    epochs.push(...slice.epochs);
    if (slice.end) break;
  }
  return { epochs, weights: training.weights() };
}

/** Per metric key the browser computed (wall-clock ones aside): its value at each epoch's step. */
function browserSeries(epochs: EpochEvent[]): Record<string, Array<[number, number]>> {
  const series: Record<string, Array<[number, number]>> = {};
  for (const e of epochs) {
    for (const [key, value] of Object.entries(e.metrics)) {
      if (isWallClockMetric(key)) continue;
      series[key] = [...(series[key] ?? []), [e.step, value]];
    }
  }
  return series;
}

async function workerSeries(stack: ReturnType<typeof stackWithWorker>, runId: string, keys: string[]) {
  const stored = new Map((await queryMetricSeries(stack.db, runId)).map((s) => [s.key, s]));
  return Object.fromEntries(
    keys.map((key) => {
      const s = stored.get(key);
      return [key, (s?.steps ?? []).map((step, i) => [step, s?.values[i] as number])];
    }),
  );
}

describe("the playground's numbers against the worker's", () => {
  const stack = stackWithWorker();

  it.each([
    ["tanh, the form's default network", playgroundRun({})],
    [
      "PReLU, three hidden layers at the widest size",
      playgroundRun({ activation: "prelu", hiddenLayers: [WIDEST, WIDEST, WIDEST], batchSize: 64 }),
    ],
    [
      "swish with a learned beta on moons",
      playgroundRun({
        activation: "swish",
        activationOptions: { swishLearnBeta: true },
        hiddenLayers: [WIDEST, 8],
        dataset: { kind: "generated", name: "moons", samples: 900, noise: 0.2 },
      }),
    ],
    [
      "relu on three gaussian classes",
      playgroundRun({
        activation: "relu",
        optimizer: "sgd",
        lr: 0.1,
        dataset: { kind: "generated", name: "gaussians", samples: 600, noise: 0.3, classes: 3 },
      }),
    ],
  ])("%s: identical per-epoch losses and final weights, bit for bit", async (_name, config) => {
    const browser = trainLikeTheBrowser(config);
    const runId = await stack.launch(config);
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED", "DIVERGED"])).toBe("COMPLETED");

    const expected = browserSeries(browser.epochs);
    expect(expected[METRIC.trainLoss]).toHaveLength(browser.epochs.length);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining([METRIC.valLoss, METRIC.valAcc]));
    expect(await workerSeries(stack, runId, Object.keys(expected))).toEqual(expected);

    const saved = await readCheckpointWeights(stack.db, runId, "newest");
    expect(saved?.epoch).toBe(browser.epochs.length);
    expect(saved?.weights.layers).toEqual(browser.weights.layers);
  });

  it("gets other bits for a network one unit wider than the playground allows: the native kernel is in play", async () => {
    // The worker process loads the same build of the native kernels as this one.
    expect(nativeGemmBackend, nativeKernelsStatus()).not.toBeNull();
    const config = playgroundRun({ hiddenLayers: [WIDEST + 1, WIDEST + 1], batchSize: 64 });
    const browser = browserSeries(trainLikeTheBrowser(config).epochs);
    const runId = await stack.launch(config);
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED", "DIVERGED"])).toBe("COMPLETED");
    const worker = await workerSeries(stack, runId, [METRIC.trainLoss]);
    expect(worker[METRIC.trainLoss]).toHaveLength(browser[METRIC.trainLoss]?.length ?? -1);
    expect(worker[METRIC.trainLoss]).not.toEqual(browser[METRIC.trainLoss]);
  });
});
