/**
 * Who trains: every worker process announces itself in Redis (host, code version, cores, slots, busy
 * slots) and renews the announcement while it lives; one that dies drops out when its entry expires.
 * The queue page reads the list, so a team sees its hosts without a shared disk or a config file.
 */
import type { Redis } from "ioredis";
import { z } from "zod";

export const ZWorkerInfo = z.object({
  id: z.string().min(1).max(128),
  host: z.string().max(255),
  pid: z.int(),
  version: z.string().max(64),
  /** The host's CPU cores, and how many trainings this worker runs at once. */
  cores: z.int().min(1),
  slots: z.int().min(1),
  busy: z.int().min(0),
  startedAt: z.number(),
  seenAt: z.number(),
});
export type WorkerInfo = z.infer<typeof ZWorkerInfo>;

const PREFIX = "actlab:worker:";

/** Writes (or renews) the worker's entry; it expires `ttlMs` after the last call. */
export async function announceWorker(redis: Redis, info: WorkerInfo, ttlMs: number): Promise<void> {
  await redis.set(`${PREFIX}${info.id}`, JSON.stringify(ZWorkerInfo.parse(info)), "PX", ttlMs);
}

export async function withdrawWorker(redis: Redis, id: string): Promise<void> {
  await redis.del(`${PREFIX}${id}`);
}

/** Every live announcement, by host then start; entries that do not parse are left out. */
export async function listWorkers(redis: Redis): Promise<WorkerInfo[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 200);
    keys.push(...found);
    cursor = next;
  } while (cursor !== "0");
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  const workers: WorkerInfo[] = [];
  for (const value of values) {
    if (value === null) continue; // expired between the scan and the read
    try {
      const parsed = ZWorkerInfo.safeParse(JSON.parse(value));
      if (parsed.success) workers.push(parsed.data);
    } catch {
      // not JSON: not ours
    }
  }
  return workers.sort((a, b) => a.host.localeCompare(b.host) || a.startedAt - b.startedAt);
}
