/** Redis connections: BullMQ needs maxRetriesPerRequest null; every caller quits what it opens. */
import { Redis } from "ioredis";

export function createRedis(url: string, options: { forBullmq?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: options.forBullmq ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
  });
}

/** Resolves when Redis answers PING, or rejects with one readable line. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs)),
    ]);
  } catch (err) {
    throw new Error(`cannot reach Redis at ${url} (${(err as Error).message})`);
  } finally {
    redis.disconnect();
  }
}
