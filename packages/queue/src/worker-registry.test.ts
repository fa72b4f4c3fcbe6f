import { type RedisHandle, startRedis } from "@actlab/test-utils";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "./redis";
import { announceWorker, listWorkers, type WorkerInfo, withdrawWorker } from "./worker-registry";

const worker = (id: string, host: string, startedAt: number): WorkerInfo => ({
  id,
  host,
  pid: 100,
  version: "0.2.0",
  cores: 2,
  slots: 2,
  busy: 1,
  startedAt,
  seenAt: startedAt,
});

describe("worker registry on a real Redis", () => {
  let server: RedisHandle;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = createRedis(server.url);
  });
  afterAll(async () => {
    await redis.quit();
    await server.stop();
  });

  it("lists announced workers by host, drops one that stops renewing, and one that withdraws", async () => {
    await announceWorker(redis, worker("b1", "host-b", 1), 60_000);
    await announceWorker(redis, worker("a1", "host-a", 2), 60_000);
    await announceWorker(redis, worker("gone", "host-c", 3), 150);
    await redis.set("actlab:worker:junk", "not json");
    expect((await listWorkers(redis)).map((w) => w.id)).toEqual(["a1", "b1", "gone"]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await listWorkers(redis)).map((w) => w.id)).toEqual(["a1", "b1"]);
    await withdrawWorker(redis, "b1");
    expect(await listWorkers(redis)).toEqual([worker("a1", "host-a", 2)]);
  });

  it("refuses to announce a malformed entry", async () => {
    await expect(announceWorker(redis, { ...worker("x", "h", 1), slots: 0 }, 1000)).rejects.toThrow();
  });
});
