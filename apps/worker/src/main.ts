/** Worker entry point: checks Redis and the database, then runs training jobs in sandboxed processes. */
import os from "node:os";
import { fileURLToPath } from "node:url";
import { assertDbWritable } from "@actlab/db";
import { loadEnvOrExit } from "@actlab/env";
import { assertRedisReachable, createRedis, QUEUES } from "@actlab/queue";
import { Worker } from "bullmq";

const env = loadEnvOrExit("worker");

try {
  await assertRedisReachable(env.redisUrl);
  assertDbWritable(env.databaseUrl);
} catch (err) {
  console.error(`worker: ${(err as Error).message}`);
  process.exit(1);
}

const concurrency = env.workerConcurrency ?? os.availableParallelism();
const connection = createRedis(env.redisUrl, { forBullmq: true });
const processorFile = fileURLToPath(new URL("./processor.ts", import.meta.url));

const worker = new Worker(QUEUES.train, processorFile, {
  connection,
  concurrency,
  // A crashed worker's job is picked up again once its lock lapses.
  lockDuration: 30_000,
  stalledInterval: 15_000,
  maxStalledCount: 3,
});

worker.on("failed", (job, err) => console.error(`worker: job ${job?.id ?? "?"} failed: ${err.message}`));
worker.on("error", (err) => console.error(`worker: ${err.message}`));
await worker.waitUntilReady();
console.log(`worker: ready, ${concurrency} parallel training slot(s), pid ${process.pid}`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`worker: ${signal}, finishing current work`);
  await worker.close();
  await connection.quit();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
