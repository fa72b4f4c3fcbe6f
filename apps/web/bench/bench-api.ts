/** The tRPC caller the benches drive, over a real Redis: the same procedures the web app's route serves. */
import { createCaller, createRunEventHub } from "@actlab/api";
import { createRedis, createTrainQueue } from "@actlab/queue";
import { type RedisHandle, startRedis } from "@actlab/test-utils";
import type { SeededDb } from "./seed";

/** runs.table itself only reads SQLite; Redis is there because the caller's context needs it. */
export type BenchApi = { api: ReturnType<typeof createCaller>; close(): Promise<void> };
export async function createBenchApi(seeded: SeededDb): Promise<BenchApi> {
  const redis: RedisHandle = await startRedis();
  const conn = createRedis(redis.url, { forBullmq: true });
  const queue = createTrainQueue(conn);
  const cmd = createRedis(redis.url);
  const events = createRunEventHub(createRedis(redis.url));
  const api = createCaller({ db: seeded.db, queue, events, redis: cmd, userId: seeded.userId });
  return {
    api,
    async close() {
      await events.close();
      await queue.close();
      await conn.quit();
      await cmd.quit();
      await redis.stop();
    },
  };
}
