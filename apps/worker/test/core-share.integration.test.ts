import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLogs, SMALL_RUN, type Stack, startStack } from "./harness";

/** The thread count the run's start line records. */
async function startThreads(stack: Stack, runId: string): Promise<number> {
  const start = (await runLogs(stack.db, runId)).find((l) => l.startsWith("started on")) ?? "";
  return Number(/\(up to (\d+) threads?, pid \d+\)$/.exec(start)?.[1]);
}

describe("a training's share of the worker's cores", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("gives a run alone on a worker every core, and keeps to ACTLAB_TRAINING_THREADS", async () => {
    const wide = await stack.startWorker({ ACTLAB_WORKER_SLOTS: "2" });
    const alone = await stack.launch(SMALL_RUN);
    expect(await stack.waitForStatus(alone, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    expect(await startThreads(stack, alone)).toBe(os.availableParallelism());
    await wide.stop();

    await stack.startWorker({ ACTLAB_WORKER_SLOTS: "2", ACTLAB_TRAINING_THREADS: "1" });
    const capped = await stack.launch(SMALL_RUN);
    expect(await stack.waitForStatus(capped, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    expect(await startThreads(stack, capped)).toBe(1);
  });
});
