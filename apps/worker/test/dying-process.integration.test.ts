import { prismaForTests } from "@actlab/db/testing";
import { waitFor } from "@actlab/test-utils";
import { describe, expect, it } from "vitest";
import { LONG_RUN, runLogs, SMALL_RUN, type Stack, stackWithWorker } from "./harness";

/** The pid each attempt's training process logs when it starts or resumes. */
const pidsInLogs = async (stack: Stack, runId: string) =>
  (await runLogs(stack.db, runId)).map((l) => Number(/pid (\d+)/.exec(l)?.[1])).filter((pid) => pid > 0);

describe("a training process that dies", () => {
  const stack = stackWithWorker();

  it("fails its run with the reason once it died three times, and the worker goes on", async () => {
    const runId = await stack.launch({ ...LONG_RUN, epochs: 400 });
    const killed = new Set<number>();
    for (let i = 0; i < 3; i++) {
      const pid = await waitFor(
        `training process ${i + 1}`,
        async () => (await pidsInLogs(stack, runId)).find((p) => !killed.has(p)),
        20_000,
        20,
      );
      process.kill(pid, "SIGKILL"); // what the kernel's out-of-memory killer does
      killed.add(pid);
    }
    expect(await stack.waitForStatus(runId, ["FAILED", "COMPLETED"], 20_000)).toBe("FAILED");
    const run = await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.error).toBe("the training process died 3 times (killed by SIGKILL / out of memory)");
    expect(await runLogs(stack.db, runId)).toContain(run.error);

    expect(stack.workers[0]?.child.exitCode).toBeNull();
    const next = await stack.launch(SMALL_RUN);
    expect(await stack.waitForStatus(next, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
  });
});
