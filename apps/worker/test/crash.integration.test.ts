import { cancelOpenRuns, createRunEventHub } from "@actlab/api";
import { ZTrainConfig } from "@actlab/core";
import { createSweep } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { createRedis, enqueueRun } from "@actlab/queue";
import { waitFor } from "@actlab/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { comparableSeries, LONG_RUN, runLogs, SMALL_RUN, type Stack, startStack } from "./harness";

const epochsDone = async (stack: Stack, runId: string) =>
  (await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } })).epochsDone;

describe("crash safety with real worker processes", () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it("resumes a run after kill -9 of its worker, with metrics identical to an uninterrupted run", async () => {
    stack = await startStack();
    const first = await stack.startWorker();
    const reference = await stack.launch(LONG_RUN);
    await stack.waitForStatus(reference, ["COMPLETED"]);

    const runId = await stack.launch(LONG_RUN);
    await waitFor("a few epochs", async () => (await epochsDone(stack as Stack, runId)) >= 5, 60_000, 20);
    await first.stop("SIGKILL"); // the worker and its training process, as if the machine died
    expect(await epochsDone(stack, runId)).toBeLessThan(40);

    await stack.startWorker();
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    expect(
      (await runLogs(stack.db, runId)).some((l) => /^resumed from the checkpoint at step \d+/.test(l)),
    ).toBe(true);
    const resumed = await comparableSeries(stack.db, runId);
    expect(resumed).toEqual(await comparableSeries(stack.db, reference));
    // No missing and no duplicated point: one per epoch for every epoch-level key.
    for (const key of ["train/loss", "val/acc", "epoch", "diag/l1/grad_norm"]) {
      expect(resumed.find((s) => s.key === key)?.steps).toHaveLength(40);
    }
  });

  it("on SIGTERM checkpoints mid-run and hands the job back to another worker", async () => {
    stack = await startStack();
    const leaving = await stack.startWorker();
    const reference = await stack.launch({ ...LONG_RUN, seed: 12 });
    await stack.waitForStatus(reference, ["COMPLETED"]);
    const runId = await stack.launch({ ...LONG_RUN, seed: 12 });
    await waitFor("a few epochs", async () => (await epochsDone(stack as Stack, runId)) >= 3, 60_000, 20);
    await leaving.stop("SIGTERM");
    expect(leaving.child.exitCode).toBe(0);
    expect(leaving.output()).toMatch(/handing them back/);
    const logs = await runLogs(stack.db, runId);
    const handedBack = logs.some((l) => /checkpointed at step \d+, job handed back/.test(l));
    expect(handedBack, `${logs.join("\n")}\n${leaving.output()}`).toBe(true);

    await stack.startWorker();
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    expect(await comparableSeries(stack.db, runId)).toEqual(await comparableSeries(stack.db, reference));
    const job = await stack.queue.getJob(runId);
    expect(job?.attemptsMade ?? 0).toBeLessThanOrEqual(1); // handing back spent no failed attempt
  });

  it("finishes every run of a sweep exactly once across a Redis restart, with two workers sharing it", async () => {
    stack = await startStack({ persistentRedis: true });
    await stack.startWorker();
    await stack.startWorker();
    const configs = [0, 1, 2, 3, 4, 5, 6, 7].map((seed) =>
      ZTrainConfig.parse({ ...SMALL_RUN, epochs: 30, seed }),
    );
    const { runIds } = await createSweep(stack.db, {
      projectId: stack.projectId,
      name: "restart",
      spec: {},
      configs,
    });
    for (const id of runIds) await enqueueRun(stack.queue, id);

    const completed = async () =>
      stack
        ? prismaForTests(stack.db).run.count({ where: { id: { in: runIds }, status: "COMPLETED" } })
        : undefined;
    await waitFor("two runs done", async () => ((await completed()) ?? 0) >= 2, 60_000, 20);
    await stack.redis.restart();
    await waitFor("every run done", async () => (await completed()) === runIds.length, 120_000, 200);

    for (const id of runIds) {
      const logs = await runLogs(stack.db, id);
      expect(
        logs.filter((l) => l.startsWith("completed after")),
        id,
      ).toHaveLength(1);
    }
    // Both worker processes took part (their training processes log their pid).
    const pids = new Set<string>();
    for (const id of runIds)
      for (const l of await runLogs(stack.db, id)) pids.add(/pid (\d+)/.exec(l)?.[1] ?? "");
    pids.delete("");
    expect(pids.size).toBeGreaterThanOrEqual(2);
  });

  it("stops a running run within a second of cancel", async () => {
    stack = await startStack();
    await stack.startWorker();
    const runId = await stack.launch({ ...LONG_RUN, epochs: 400 });
    await waitFor("a running epoch", async () => (await epochsDone(stack as Stack, runId)) >= 2, 60_000, 20);
    const redis = createRedis(stack.redis.url);
    const events = createRunEventHub(createRedis(stack.redis.url));
    const t0 = Date.now();
    await cancelOpenRuns({ db: stack.db, queue: stack.queue, events, redis }, [runId]);
    await waitFor(
      "the worker to stop",
      async () => (await runLogs((stack as Stack).db, runId)).some((l) => l.startsWith("canceled at step")),
      5_000,
      10,
    );
    const latencyMs = Date.now() - t0;
    expect(latencyMs).toBeLessThan(1000);
    expect(await epochsDone(stack, runId)).toBeLessThan(400);
    expect((await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } })).status).toBe(
      "CANCELED",
    );
    await events.close();
    await redis.quit();
  });
});
