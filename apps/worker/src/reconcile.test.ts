import { ZTrainConfig } from "@actlab/core";
import { createRun, type Db, ensureLocalWorkspace, getRun, markRunStarted, openDb } from "@actlab/db";
import { createRedis, createTrainQueue, enqueueRun, QUEUES, type TrainQueue } from "@actlab/queue";
import { createTempDb, type RedisHandle, startRedis, type TempDb, waitFor } from "@actlab/test-utils";
import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileRuns } from "./reconcile";

const config = ZTrainConfig.parse({
  dataset: { kind: "generated", name: "moons" },
  hiddenLayers: [4],
  activation: "tanh",
});

describe("reconciling runs with their jobs (real Redis and SQLite)", () => {
  let redis: RedisHandle;
  let temp: TempDb;
  let db: Db;
  let conn: Redis;
  let queue: TrainQueue;
  let projectId: string;
  beforeAll(async () => {
    redis = await startRedis();
    temp = createTempDb();
    db = openDb(temp.url);
    projectId = (await ensureLocalWorkspace(db)).projectId;
    conn = createRedis(redis.url, { forBullmq: true });
    queue = createTrainQueue(conn);
  });
  afterAll(async () => {
    await queue?.close();
    await conn?.quit();
    await db?.close();
    await redis?.stop();
    temp?.remove();
  });

  it("fails a running run whose job failed for good, with the job's reason, and leaves others alone", async () => {
    const dead = (await createRun(db, { projectId, config })).id;
    const alive = (await createRun(db, { projectId, config })).id;
    await markRunStarted(db, dead);
    await markRunStarted(db, alive);
    await enqueueRun(queue, dead);
    const worker = new Worker(
      QUEUES.train,
      async () => {
        // What BullMQ says when a sandboxed training process is killed mid-job.
        throw new UnrecoverableError("Unexpected exit code: null signal: SIGKILL");
      },
      { connection: createRedis(redis.url, { forBullmq: true }) },
    );
    await waitFor("the job to fail", async () => (await queue.getJob(dead))?.failedReason);
    await worker.close();
    await enqueueRun(queue, alive); // waiting: its worker will take it

    const { failed } = await reconcileRuns(db, queue, 0);
    expect(failed).toEqual([dead]);
    const run = await getRun(db, dead);
    expect(run?.status).toBe("FAILED");
    expect(run?.error).toBe("the training process died once (killed by SIGKILL / out of memory)");
    expect((await getRun(db, alive))?.status).toBe("RUNNING");
    expect((await reconcileRuns(db, queue, 0)).failed).toEqual([]);
  });
});
