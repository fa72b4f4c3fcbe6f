import { createRedis } from "@actlab/queue";
import { type RedisHandle, startRedis } from "@actlab/test-utils";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAttemptLimiter } from "./attempt-limiter";

let server: RedisHandle;
let connections: Redis[] = [];
beforeAll(async () => {
  server = await startRedis();
}, 30_000);
afterAll(async () => {
  for (const c of connections) c.disconnect();
  await server?.stop();
});

/** A limiter on its own connection, as another web process would have. */
function processLimiter() {
  const redis = createRedis(server.url);
  connections = [...connections, redis];
  return createAttemptLimiter(redis);
}

describe("attempt limiter", () => {
  it("allows max attempts per window per key, counted across processes, then says when to retry", async () => {
    const [a, b] = [processLimiter(), processLimiter()];
    const rule = { window: 60, max: 3 };
    const verdicts = [await a.hit("x@y", rule), await b.hit("x@y", rule), await a.hit("x@y", rule)];
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true]);
    const refused = await b.hit("x@y", rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterS).toBeGreaterThan(55);
    expect(refused.retryAfterS).toBeLessThanOrEqual(60);
    expect((await a.hit("other@y", rule)).allowed).toBe(true);
  });

  it("starts a fresh window once the last one has passed", async () => {
    const limiter = processLimiter();
    const rule = { window: 1, max: 1 };
    expect((await limiter.hit("soon", rule)).allowed).toBe(true);
    expect((await limiter.hit("soon", rule)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await limiter.hit("soon", rule)).allowed).toBe(true);
  });
});
