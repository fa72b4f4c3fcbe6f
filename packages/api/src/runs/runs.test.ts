import { type Db, ensureLocalWorkspace, openDb } from "@actlab/db";
import { createRedis, createTrainQueue, type TrainQueue } from "@actlab/queue";
import { createTempDb, type RedisHandle, startRedis, type TempDb } from "@actlab/test-utils";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../root";
import { createRunEventHub, type RunEventHub } from "../run-event-hub";

describe("runs procedures", () => {
  let redis: RedisHandle;
  let temp: TempDb;
  let db: Db;
  let conn: Redis;
  let queue: TrainQueue;
  let events: RunEventHub;
  let userId: string;
  beforeAll(async () => {
    redis = await startRedis();
    temp = createTempDb();
    db = openDb(temp.url);
    userId = (await ensureLocalWorkspace(db)).userId;
    conn = createRedis(redis.url, { forBullmq: true });
    queue = createTrainQueue(conn);
    events = createRunEventHub(createRedis(redis.url));
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await conn.quit();
    await db.close();
    await redis.stop();
    temp.remove();
  });
  const caller = (id: string | null = userId) => createCaller({ db, queue, events, userId: id });

  it("stores a valid run as QUEUED and enqueues exactly one job for it", async () => {
    const { id } = await caller().runs.create({
      config: { dataset: { kind: "generated", name: "moons" }, hiddenLayers: [8], activation: "swish" },
    });
    const got = await caller().runs.get({ runId: id });
    expect(got.run.status).toBe("QUEUED");
    expect(got.run.config.lr).toBe(0.1); // defaults filled in by the schema
    const job = await queue.getJob(id);
    expect(job?.data).toEqual({ runId: id });
    expect(await queue.count()).toBe(1);
  });

  it("rejects an invalid config with one message per field", async () => {
    type Refusal = { code: string; cause: { issues: Array<{ path: string[]; message: string }> } };
    const err = (await caller()
      .runs.create({
        config: {
          dataset: { kind: "generated", name: "moons" },
          hiddenLayers: [],
          activation: "relu",
          lr: -1,
        } as never,
      })
      .catch((e: unknown) => e)) as Refusal;
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    const issues = Object.fromEntries(err.cause.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({
      "config.hiddenLayers": "add at least one hidden layer",
      "config.lr": "learning rate must be > 0",
    });
  });

  it("answers NOT_FOUND for an unknown run and refuses a caller who is not signed in", async () => {
    await expect(caller().runs.get({ runId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller(null).runs.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
