import { cancelOpenRuns, createRunEventHub } from "@actlab/api";
import type { TrainConfigInput } from "@actlab/core";
import { countMetricPoints, metricHistoryInterval } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { createRedis } from "@actlab/queue";
import { waitFor } from "@actlab/test-utils";
import { describe, expect, it } from "vitest";
import { runLogs, stackWithWorker } from "./harness";

/**
 * Four large steps per epoch (4,096 rows through 1024×1024, about a second each here), then the
 * evaluation and an epoch checkpoint of ≈ 30 MB that takes seconds to write.
 */
const LARGE_STEPS: TrainConfigInput = {
  dataset: { kind: "generated", name: "moons", samples: 20_000, noise: 0.2 },
  hiddenLayers: [1024, 1024],
  activation: "relu",
  optimizer: "adam",
  lr: 0.001,
  epochs: 1000,
  batchSize: 4096,
  logEverySteps: 1,
  seed: 3,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("stopping a run with large steps", () => {
  const stack = stackWithWorker();

  it("honours a cancel within a second even when the epoch's checkpoint is about to be written", async () => {
    const runId = await stack.launch(LARGE_STEPS);
    const batchLossAt = async (step: number) =>
      (
        await metricHistoryInterval(stack.db, [runId], "train/batch_loss", {
          startStep: step,
          endStep: step,
          maxPoints: 1,
        })
      ).length > 0;
    // The epoch's last step is stored as it ends: its evaluation and checkpoint come next.
    await waitFor("the first epoch's last step", () => batchLossAt(4), 60_000, 5);
    const redis = createRedis(stack.redis.url);
    const events = createRunEventHub(createRedis(stack.redis.url));
    const t0 = Date.now();
    await cancelOpenRuns({ db: stack.db, queue: stack.queue, events, redis }, [runId]);
    await waitFor(
      "the training process to stop",
      async () => (await runLogs(stack.db, runId)).some((l) => l.startsWith("canceled at step")),
      10_000,
      10,
    );
    const latencyMs = Date.now() - t0;
    const points = await countMetricPoints(stack.db, runId);
    await sleep(1000);
    expect(await countMetricPoints(stack.db, runId)).toEqual(points);
    expect(latencyMs, "ms from cancel to the training process stopping").toBeLessThan(1000);
    expect((await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } })).status).toBe(
      "CANCELED",
    );
    await events.close();
    await redis.quit();
  });
});
