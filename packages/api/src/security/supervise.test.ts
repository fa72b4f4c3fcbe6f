/** npm start's supervision of the worker: a kill -9'd worker comes back, and says so in the log. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import {
  createTempDb,
  type RedisHandle,
  spawnApp,
  startRedis,
  type TempDb,
  waitFor,
} from "@actlab/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
let redis: RedisHandle;
let db: TempDb;
beforeAll(async () => {
  redis = await startRedis();
  db = createTempDb();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  db?.remove();
});

const childrenOf = (pid: number) =>
  execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);

describe("the supervised worker under npm start", () => {
  it("restarts a worker killed with SIGKILL, with a log line naming its exit", async () => {
    const supervisor = spawnApp(
      "bash",
      ["-c", `source scripts/lib.sh; cd apps/worker && supervise worker node --import tsx src/main.ts`],
      { cwd: repoRoot, env: { REDIS_URL: redis.url, DATABASE_URL: db.url, ACTLAB_WORKER_SLOTS: "1" } },
    );
    try {
      await waitFor(
        `first worker ready: ${supervisor.output()}`,
        () => supervisor.output().includes("worker: ready"),
        30_000,
      );
      const [worker] = childrenOf(supervisor.child.pid as number);
      expect(worker).toBeGreaterThan(0);
      process.kill(worker as number, "SIGKILL");
      await waitFor(
        `restart line: ${supervisor.output()}`,
        () => /worker \(pid \d+\) exited with status 137; restarting it in 1s/.test(supervisor.output()),
        10_000,
      );
      await waitFor(
        `second worker ready: ${supervisor.output()}`,
        () => supervisor.output().split("worker: ready").length - 1 >= 2,
        30_000,
      );
      expect(supervisor.child.exitCode).toBeNull();
    } finally {
      await supervisor.stop();
    }
  }, 90_000);
});
