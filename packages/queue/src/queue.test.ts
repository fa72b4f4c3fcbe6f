import { type RedisHandle, startRedis, waitFor } from "@actlab/test-utils";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishRunEvent, publishRunEvents, subscribeRunEvents } from "./events";
import { createRedis } from "./redis";
import {
  createTrainQueue,
  enqueueRun,
  jobAttempt,
  removeQueuedRun,
  replaceRunJob,
  type TrainQueue,
  waitUntilRunJobIdle,
} from "./train-queue";

describe("train queue and run events on a real Redis", () => {
  let redis: RedisHandle;
  let conn: Redis;
  let queue: TrainQueue;
  beforeAll(async () => {
    redis = await startRedis();
    conn = createRedis(redis.url, { forBullmq: true });
    queue = createTrainQueue(conn);
  });
  afterAll(async () => {
    await queue.close();
    await conn.quit();
    await redis.stop();
  });

  it("queues a run once however often it is enqueued", async () => {
    await enqueueRun(queue, "run-a");
    await enqueueRun(queue, "run-a");
    expect(await queue.getWaitingCount()).toBe(1);
  });

  it("refuses an empty run id before touching Redis", async () => {
    await expect(enqueueRun(queue, "")).rejects.toThrow(/runId is required/);
  });

  it("removes a run that has not started", async () => {
    await enqueueRun(queue, "run-b");
    expect(await removeQueuedRun(queue, "run-b")).toBe(true);
    expect(await queue.getJob("run-b")).toBeUndefined();
    expect(await removeQueuedRun(queue, "run-b")).toBe(false);
  });

  it("queues a retry's attempt in place of the job an earlier attempt left, and keeps a current one", async () => {
    await enqueueRun(queue, "run-c");
    expect(await waitUntilRunJobIdle(queue, "run-c", 0)).toBe(true); // waiting is not active
    expect(await replaceRunJob(queue, "run-c", 1, 0)).toBe(true);
    expect(jobAttempt((await queue.getJob("run-c")) as { data: unknown })).toBe(1);
    expect(await replaceRunJob(queue, "run-c", 1, 0)).toBe(true);
    expect(await queue.getWaitingCount()).toBe(2); // run-a's and run-c's, once each
    expect(jobAttempt({ data: { runId: "old-job" } })).toBe(0); // queued before attempts existed
  });

  it("delivers published events to a subscriber of that run only, dropping malformed messages", async () => {
    const sub = createRedis(redis.url);
    const pub = createRedis(redis.url);
    const seen: unknown[] = [];
    const stop = await subscribeRunEvents(sub, "actlab:run:r1", (e) => seen.push(e));
    await pub.publish("actlab:run:r1", "not json");
    await pub.publish("actlab:run:r1", JSON.stringify({ type: "bogus" }));
    await publishRunEvent(pub, { type: "status", runId: "r2", status: "RUNNING" });
    await publishRunEvent(pub, { type: "status", runId: "r1", status: "COMPLETED" });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([{ type: "status", runId: "r1", status: "COMPLETED" }]);
    await stop();
    await sub.quit();
    await pub.quit();
  });

  it("publishes a batch in order, status and progress on the sweep's channel too", async () => {
    const sub = createRedis(redis.url);
    const pub = createRedis(redis.url);
    const onRun: string[] = [];
    const onSweep: string[] = [];
    const stopRun = await subscribeRunEvents(sub, "actlab:run:r3", (e) => onRun.push(e.type));
    const stopSweep = await subscribeRunEvents(sub, "actlab:sweep:s1", (e) => onSweep.push(e.type));
    const progress = { epoch: 1, epochs: 2, step: 4, totalSteps: 8, samplesPerSec: 10, etaSec: 1 };
    await publishRunEvents(
      pub,
      [
        { type: "metrics", runId: "r3", points: [{ key: "train/loss", step: 4, value: 1, wallMs: 1 }] },
        { type: "progress", runId: "r3", progress },
        { type: "status", runId: "r3", status: "COMPLETED" },
      ],
      "s1",
    );
    await waitFor("the sweep's events", () => onSweep.length === 2, 2000, 10);
    expect(onRun).toEqual(["metrics", "progress", "status"]);
    expect(onSweep).toEqual(["progress", "status"]);
    await stopRun();
    await stopSweep();
    await sub.quit();
    await pub.quit();
  });
});
