/** A worker starts its training processes before it says it is ready, and its first run trains in one. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runLogs, SMALL_RUN, stackWithWorker } from "./harness";

const childrenOf = (pid: number) =>
  fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);

describe("a worker's training processes", () => {
  const stack = stackWithWorker();

  it("are running when it says it is ready, and its first run trains in one of them", async () => {
    const worker = stack.workers[0];
    const pid = worker?.child.pid as number;
    expect(worker?.output()).toMatch(/1 parallel training slot\(s\) \(1 started\)/);
    const warm = childrenOf(pid);
    expect(warm).toHaveLength(1);

    const runId = await stack.launch(SMALL_RUN);
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    expect((await runLogs(stack.db, runId)).some((l) => l.endsWith(` pid ${warm[0]})`))).toBe(true);
    expect(childrenOf(pid)).toEqual(warm);
  });
});
