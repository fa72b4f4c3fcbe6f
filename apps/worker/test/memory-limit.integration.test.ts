import { prismaForTests } from "@actlab/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLogs, SMALL_RUN, type Stack, startStack } from "./harness";

describe("the training processes' memory limit", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.startWorker({ ACTLAB_TRAINING_MEMORY_MB: "64", ACTLAB_WORKER_SLOTS: "2" });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("fails a run that outgrows it with out of memory, at once, while a small run beside it finishes", async () => {
    const big = await stack.launch({
      dataset: { kind: "builtin", name: "digits" },
      hiddenLayers: [2048, 2048],
      activation: "relu",
      epochs: 5,
      batchSize: 1024,
      seed: 1,
    });
    const small = await stack.launch(SMALL_RUN);
    expect(await stack.waitForStatus(big, ["FAILED", "COMPLETED"], 30_000)).toBe("FAILED");
    const run = await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: big } });
    expect(run.error).toBe(
      "the training process ran out of memory (over the heap limit ACTLAB_TRAINING_MEMORY_MB sets)",
    );
    expect(await runLogs(stack.db, big)).toContain(run.error);
    expect(await stack.queue.getJob(big)).toBeUndefined(); // its retry was dropped: it would die again

    expect(await stack.waitForStatus(small, ["FAILED", "COMPLETED"], 30_000)).toBe("COMPLETED");
    expect(stack.workers[0]?.child.exitCode).toBeNull();
  });
});
