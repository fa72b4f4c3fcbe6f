import fs from "node:fs";
import { waitFor } from "@actlab/test-utils";
import { describe, expect, it } from "vitest";
import { LONG_RUN, runLogs, stackWithWorker } from "./harness";

/** Alive and not a zombie waiting for a parent to reap it. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("a training process whose worker was killed alone", () => {
  const stack = stackWithWorker();

  it("stops within seconds instead of training on for nobody", async () => {
    const runId = await stack.launch({ ...LONG_RUN, epochs: 400 });
    const trainingPid = await waitFor(
      "the training process",
      async () =>
        (await runLogs(stack.db, runId)).map((l) => Number(/pid (\d+)/.exec(l)?.[1])).find((p) => p > 0),
      30_000,
      20,
    );
    const worker = stack.workers[0];
    // Only the worker, not its process group: what an out-of-memory kill of the parent leaves behind.
    process.kill(worker?.child.pid as number, "SIGKILL");
    await waitFor("the orphaned training process to end", () => !running(trainingPid), 10_000, 50);
    expect(running(trainingPid)).toBe(false);
  });
});
