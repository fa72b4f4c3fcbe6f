/** A real stack for worker tests: redis-server, a migrated SQLite file, worker processes, and a queue client. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TrainConfigInput } from "@actlab/core";
import { ZTrainConfig } from "@actlab/core";
import { createRun, type Db, ensureLocalWorkspace, openDb } from "@actlab/db";
import { createRedis, createTrainQueue, enqueueRun, type TrainQueue } from "@actlab/queue";
import {
  type AppProcess,
  createTempDb,
  type RedisHandle,
  spawnApp,
  startRedis,
  type TempDb,
  waitFor,
} from "@actlab/test-utils";
import type { Redis } from "ioredis";

const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type Stack = {
  redis: RedisHandle;
  tempDb: TempDb;
  db: Db;
  projectId: string;
  queueConnection: Redis;
  queue: TrainQueue;
  workers: AppProcess[];
  startWorker(env?: Record<string, string>): Promise<AppProcess>;
  launch(config: TrainConfigInput): Promise<string>;
  waitForStatus(runId: string, statuses: string[], timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
};

export async function startStack(): Promise<Stack> {
  const redis = await startRedis();
  const tempDb = createTempDb();
  const db = openDb(tempDb.url);
  const { projectId } = await ensureLocalWorkspace(db);
  const queueConnection = createRedis(redis.url, { forBullmq: true });
  const queue = createTrainQueue(queueConnection);
  const workers: AppProcess[] = [];
  const stack: Stack = {
    redis,
    tempDb,
    db,
    projectId,
    queueConnection,
    queue,
    workers,
    async startWorker(env = {}) {
      const proc = spawnApp("node", ["--import", "tsx", "src/main.ts"], {
        cwd: workerDir,
        env: { REDIS_URL: redis.url, DATABASE_URL: tempDb.url, WORKER_CONCURRENCY: "1", ...env },
      });
      workers.push(proc);
      await waitFor(
        `worker ready\n${proc.output()}`,
        () =>
          proc.output().includes("worker: ready") ||
          (proc.child.exitCode !== null ? Promise.reject(new Error(proc.output())) : false),
        60_000,
      );
      return proc;
    },
    async launch(config) {
      const run = await createRun(db, { projectId, config: ZTrainConfig.parse(config) });
      await enqueueRun(queue, run.id);
      return run.id;
    },
    async waitForStatus(runId, statuses, timeoutMs = 90_000) {
      return waitFor(
        `run ${runId} to reach ${statuses.join("/")}`,
        async () => {
          const run = await db.prisma.run.findUnique({ where: { id: runId } });
          return run && statuses.includes(run.status) ? run.status : undefined;
        },
        timeoutMs,
      );
    },
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      await queue.close();
      await queueConnection.quit();
      await db.close();
      await redis.stop();
      tempDb.remove();
    },
  };
  return stack;
}

export const SMALL_RUN: TrainConfigInput = {
  dataset: { kind: "generated", name: "moons", samples: 400, noise: 0.1 },
  hiddenLayers: [8, 8],
  activation: "tanh",
  optimizer: "adam",
  lr: 0.03,
  epochs: 12,
  batchSize: 32,
  seed: 7,
};
