/**
 * BullMQ sandboxed processor: runs in its own child process, so training never blocks the parent's
 * lock renewal. Parses the payload before anything else; a malformed job fails alone, without retries.
 */
import { openDb } from "@actlab/db";
import { loadEnvOrExit } from "@actlab/env";
import { cancelKey, createRedis, ZTrainJob } from "@actlab/queue";
import { type SandboxedJob, UnrecoverableError } from "bullmq";
import { RunNotFoundError, runTraining } from "./run-training";

const env = loadEnvOrExit("worker processor");
const db = openDb(env.databaseUrl);
const redis = createRedis(env.redisUrl);

export default async function processTrainJob(job: SandboxedJob) {
  const parsed = ZTrainJob.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(
      `malformed job payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`,
    );
  }
  try {
    return await runTraining(
      {
        db,
        redis,
        checkpointEveryEpochs: env.checkpointEveryEpochs,
        isCanceled: async (runId) => (await redis.exists(cancelKey(runId))) === 1,
      },
      parsed.data.runId,
    );
  } catch (err) {
    if (err instanceof RunNotFoundError) throw new UnrecoverableError(err.message);
    throw err;
  }
}
