/** A real API for tests: a migrated SQLite file, a real redis-server, the local user, and a caller factory. */
import { type Db, ensureLocalWorkspace, openDb } from "@actlab/db";
import { createRedis, createTrainQueue, type TrainQueue } from "@actlab/queue";
import { createTempDb, type RedisHandle, startRedis, type TempDb } from "@actlab/test-utils";
import type { Redis } from "ioredis";
import type { ApiDeps } from "./context";
import { createCaller } from "./root";
import { createRunEventHub } from "./run-event-hub";

export type TestApi = {
  deps: ApiDeps;
  db: Db;
  queue: TrainQueue;
  userId: string;
  projectId: string;
  caller(userId?: string | null): ReturnType<typeof createCaller>;
  close(): Promise<void>;
};

export async function createTestApi(): Promise<TestApi> {
  const redisServer: RedisHandle = await startRedis();
  const temp: TempDb = createTempDb();
  const db = openDb(temp.url);
  const { userId, projectId } = await ensureLocalWorkspace(db);
  const conn: Redis = createRedis(redisServer.url, { forBullmq: true });
  const redis: Redis = createRedis(redisServer.url);
  const queue = createTrainQueue(conn);
  const events = createRunEventHub(createRedis(redisServer.url));
  const deps: ApiDeps = { db, queue, events, redis };
  return {
    deps,
    db,
    queue,
    userId,
    projectId,
    caller: (id = userId) => createCaller({ ...deps, userId: id }),
    async close() {
      await events.close();
      await queue.close();
      await conn.quit();
      await redis.quit();
      await db.close();
      await redisServer.stop();
      temp.remove();
    },
  };
}
