/** A real stack for worker tests: redis-server, a migrated SQLite file, worker processes, and a queue client. */
import type { TrainConfigInput } from "@actlab/core";
import { ZTrainConfig } from "@actlab/core";
import { createRun, type Db, ensureLocalWorkspace, openDb, queryMetricSeries } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { createRedis, createTrainQueue, enqueueRun, type TrainQueue } from "@actlab/queue";
import {
  type AppProcess,
  createTempDb,
  fixtureForSuite,
  type RedisHandle,
  startRedis,
  startWorkerApp,
  type TempDb,
  waitFor,
} from "@actlab/test-utils";
import type { Redis } from "ioredis";

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

export async function startStack(options: { persistentRedis?: boolean } = {}): Promise<Stack> {
  const redis = await startRedis({ persistent: options.persistentRedis });
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
      const proc = await startWorkerApp({
        REDIS_URL: redis.url,
        DATABASE_URL: tempDb.url,
        ACTLAB_WORKER_SLOTS: "1",
        WORKER_LOCK_MS: "2000",
        ...env,
      });
      workers.push(proc);
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
          const run = await prismaForTests(db).run.findUnique({ where: { id: runId } });
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

/** For a describe block: one stack with one worker, started before its tests and stopped after. */
export function stackWithWorker(): Stack {
  return fixtureForSuite(
    "the stack",
    async () => {
      const stack = await startStack();
      await stack.startWorker();
      return stack;
    },
    (stack) => stack.stop(),
    120_000, // a worker process starts: as this package's hookTimeout
  );
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

/** Long enough to interrupt mid-way (≈ 3 s), short enough for a test. */
export const LONG_RUN: TrainConfigInput = {
  dataset: { kind: "generated", name: "moons", samples: 2000, noise: 0.15 },
  hiddenLayers: [64, 64],
  activation: "tanh",
  optimizer: "adam",
  lr: 0.01,
  epochs: 40,
  batchSize: 32,
  seed: 11,
};

/** A small two-class table (300 rows × 2 features) to upload, the same bytes on every call. */
export const QUADRANTS_CSV = `a,b,label\n${Array.from({ length: 300 }, (_, i) => {
  const x = Math.cos(i * 0.7) * (1 + (i % 5) / 10);
  const y = Math.sin(i * 1.3);
  return `${x.toFixed(4)},${y.toFixed(4)},${x * y > 0 ? "same" : "opposite"}\n`;
}).join("")}`;

/** Every stored series of a run except wall-clock figures, for exact comparison between runs. */
export async function comparableSeries(db: Db, runId: string) {
  return (await queryMetricSeries(db, runId))
    .filter((s) => !/^(time|perf|sys)\//.test(s.key))
    .map((s) => ({ key: s.key, steps: s.steps, values: s.values }));
}

export async function runLogs(db: Db, runId: string): Promise<string[]> {
  return (await prismaForTests(db).runLog.findMany({ where: { runId }, orderBy: { id: "asc" } })).map(
    (l) => l.text,
  );
}
