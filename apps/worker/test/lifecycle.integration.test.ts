import { createCaller, createRunEventHub, type RunEventHub } from "@actlab/api";
import { ensureLocalWorkspace } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { createRedis } from "@actlab/queue";
import { waitFor } from "@actlab/test-utils";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparableSeries, LONG_RUN, runLogs, type Stack, startStack } from "./harness";

const RUN = { ...LONG_RUN, epochs: 25 };

describe("cancel and retry against a real worker", () => {
  let stack: Stack;
  let redis: Redis;
  let events: RunEventHub;
  let caller: ReturnType<typeof createCaller>;
  beforeAll(async () => {
    stack = await startStack();
    await stack.startWorker();
    redis = createRedis(stack.redis.url);
    events = createRunEventHub(createRedis(stack.redis.url));
    const { userId } = await ensureLocalWorkspace(stack.db);
    caller = createCaller({
      db: stack.db,
      queue: stack.queue,
      events,
      redis,
      userId,
      currentWorkspaceId: null,
    });
  });
  afterAll(async () => {
    await events?.close();
    await redis?.quit();
    await stack?.stop();
  });

  it("cancels and at once retries a running run ten times, then trains the last attempt once", async () => {
    const reference = await stack.launch(RUN);
    await stack.waitForStatus(reference, ["COMPLETED"]);
    const runId = await stack.launch(RUN);
    const refusals: string[] = [];
    for (let i = 0; i < 10; i++) {
      await stack.waitForStatus(runId, ["RUNNING"], 20_000);
      await caller.runs.cancel({ runId });
      await waitFor(
        `retry ${i} to be accepted`,
        () =>
          caller.runs.retry({ runId }).then(
            () => true,
            (err: { code?: string; message?: string }) => {
              refusals.push(`${err.code}: ${err.message}`);
              return false;
            },
          ),
        10_000,
        50,
      );
    }
    // Never a 500: a retry waits for the old attempt to stop, or says the run is still stopping.
    const stopping = "CONFLICT: the run is still stopping, try again in a moment";
    expect(refusals.filter((r) => r !== stopping)).toEqual([]);
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED", "CANCELED"])).toBe("COMPLETED");
    const logs = await runLogs(stack.db, runId);
    expect(
      logs.filter((l) => l.startsWith("started on")),
      logs.join("\n"),
    ).toHaveLength(1);
    expect(
      logs.filter((l) => l.startsWith("completed after")),
      logs.join("\n"),
    ).toHaveLength(1);
    // No point of a canceled attempt survives, none is missing: the same series as an uninterrupted run.
    expect(await comparableSeries(stack.db, runId)).toEqual(await comparableSeries(stack.db, reference));
  });

  it("resumes a canceled run from its last checkpoint, keeping its log, with the metrics of an uninterrupted run", async () => {
    // Long enough that the cancel lands mid-run: progress is stored a flush (≤ 200 ms) at a time.
    const resumable = { ...RUN, epochs: 200, seed: 21 };
    const reference = await stack.launch(resumable);
    await stack.waitForStatus(reference, ["COMPLETED"]);
    const runId = await stack.launch(resumable);
    await waitFor(
      "a few epochs",
      async () =>
        (await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } })).epochsDone >= 5,
      60_000,
      20,
    );
    await caller.runs.cancel({ runId });
    await stack.waitForStatus(runId, ["CANCELED"]);
    const before = await runLogs(stack.db, runId);
    await waitFor(
      "the resume to be accepted",
      () =>
        caller.runs.retry({ runId, from: "checkpoint" }).then(
          () => true,
          () => false,
        ),
      10_000,
      50,
    );
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED", "CANCELED"])).toBe("COMPLETED");
    const logs = await runLogs(stack.db, runId);
    // The first attempt's log is kept, and says where the second went on from.
    expect(logs.slice(0, before.length)).toEqual(before);
    expect(
      logs.some((l) => /^retried: resumes from its checkpoint at epoch \d+/.test(l)),
      logs.join("\n"),
    ).toBe(true);
    expect(
      logs.some((l) => /^resumed from the checkpoint at step \d+/.test(l)),
      logs.join("\n"),
    ).toBe(true);
    expect(await comparableSeries(stack.db, runId)).toEqual(await comparableSeries(stack.db, reference));
  });

  it("keeps a canceled run stopped: its training process writes nothing after it stopped", async () => {
    const runId = await stack.launch({ ...RUN, epochs: 400 });
    await stack.waitForStatus(runId, ["RUNNING"], 20_000);
    await waitFor(
      "a first epoch",
      async () =>
        (await runLogs(stack.db, runId)).length > 0 &&
        (await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } })).epochsDone >= 1,
      20_000,
      20,
    );
    await caller.runs.cancel({ runId });
    await waitFor(
      "the job to stop",
      async () => (await stack.queue.getJob(runId))?.finishedOn !== undefined,
      5_000,
      20,
    );
    const points = (await comparableSeries(stack.db, runId)).reduce((n, s) => n + s.steps.length, 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await comparableSeries(stack.db, runId)).reduce((n, s) => n + s.steps.length, 0)).toBe(points);
    expect((await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: runId } })).status).toBe(
      "CANCELED",
    );
  });
});
