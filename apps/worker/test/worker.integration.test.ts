import { countMetricPoints, queryMetricSeries } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { waitFor } from "@actlab/test-utils";
import { describe, expect, it } from "vitest";
import { SMALL_RUN, stackWithWorker } from "./harness";

describe("worker process against real Redis and SQLite", () => {
  const stack = stackWithWorker();

  it("trains an enqueued run and stores its metrics, params and summary", async () => {
    const runId = await stack.launch(SMALL_RUN);
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED", "DIVERGED"])).toBe("COMPLETED");

    const run = await prismaForTests(stack.db).run.findUniqueOrThrow({
      where: { id: runId },
      include: { params: true },
    });
    const summary = JSON.parse(run.summary ?? "{}");
    expect(summary.epochs_run).toBe(12);
    expect(summary.final_val_acc).toBeGreaterThan(0.8);
    expect(run.params.find((p) => p.key === "lr")?.valueNum).toBe(0.03);
    expect(run.params.find((p) => p.key === "activation")?.value).toBe("tanh");

    const series = Object.fromEntries((await queryMetricSeries(stack.db, runId)).map((s) => [s.key, s]));
    for (const key of ["train/loss", "train/acc", "val/loss", "val/acc", "diag/l1/grad_norm", "epoch"]) {
      expect(series[key]?.steps.length, key).toBe(12);
    }
    const loss = series["train/loss"]?.values as number[];
    expect(loss[loss.length - 1]).toBeLessThan(loss[0] as number);
    // Epoch metrics sit at the global step where each epoch ended.
    expect(series.epoch?.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("gives the same metrics for the same config and seed", async () => {
    const a = await stack.launch(SMALL_RUN);
    const b = await stack.launch(SMALL_RUN);
    await stack.waitForStatus(a, ["COMPLETED"]);
    await stack.waitForStatus(b, ["COMPLETED"]);
    const values = async (id: string) =>
      (await queryMetricSeries(stack.db, id))
        .filter((s) => !/^(time|perf|sys)\//.test(s.key))
        .map((s) => [s.key, s.steps, s.values]);
    expect(values(a)).toEqual(values(b));
    expect(await countMetricPoints(stack.db, a)).toBeGreaterThan(100);
  });

  it("fails a malformed job cleanly and keeps serving the next one", async () => {
    const bad = await stack.queue.add("run", { runId: 42 } as unknown as { runId: string }, {
      jobId: "bad-payload",
    });
    const failed = await waitFor("the malformed job to fail", async () => {
      const state = await bad.getState();
      return state === "failed" ? stack.queue.getJob("bad-payload") : undefined;
    });
    expect(failed?.failedReason).toMatch(/malformed job payload: runId/);
    expect(failed?.attemptsMade).toBe(1); // unrecoverable: not retried into a crash loop

    const missing = await stack.queue.add("run", { runId: "no-such-run" }, { jobId: "missing-run" });
    await waitFor("the job of a missing run to fail", async () => (await missing.getState()) === "failed");

    expect(stack.workers[0]?.child.exitCode).toBeNull();
    const runId = await stack.launch({ ...SMALL_RUN, epochs: 2 });
    expect(await stack.waitForStatus(runId, ["COMPLETED"])).toBe("COMPLETED");
  });

  it("marks a run diverged when its loss blows up", async () => {
    const runId = await stack.launch({
      ...SMALL_RUN,
      activation: "linear",
      hiddenLayers: [64, 64, 64],
      optimizer: "sgd",
      lr: 10,
      epochs: 30,
    });
    expect(await stack.waitForStatus(runId, ["COMPLETED", "DIVERGED", "FAILED"])).toBe("DIVERGED");
    const run = await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.error).toMatch(/step \d+/);
  });
});
