/**
 * Scale-out as deployed on several hosts: PostgreSQL, Redis, a web process and two workers that share no
 * folder (each its own ACTLAB_DATA_DIR). A 27-run sweep over an uploaded dataset is launched over HTTP; one
 * worker is killed with SIGKILL while it trains a run past its first checkpoint. Every run must complete
 * once, the killed one resumed on the other worker, all with the bits one worker alone trains.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { COMPARISON_ACTIVATIONS, everyActivationPreset, METRIC } from "@actlab/core";
import { latestCheckpointPosition } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import {
  type AppProcess,
  fixtureForSuite,
  startWebApp,
  testEngine,
  trpcMutation,
  type WebApp,
  waitFor,
} from "@actlab/test-utils";
import { describe, expect, it } from "vitest";
import { comparableSeries, QUADRANTS_CSV, runLogs, type Stack, startStack } from "./harness";

// Runs long enough (~0.3–0.8 s each here) that the kill lands mid-run: progress reaches the database every
// 200 ms, and 10 epochs of the preset's 16-16 network on 300 rows end within a few tens of ms.
const EPOCHS = 30;
const HIDDEN = [128, 128];
// Nine activations × three seeds: the every-activation preset as the issue counts it, on a small table.
const ACTIVATIONS = COMPARISON_ACTIVATIONS.filter((a) => a !== "step" && a !== "linear");

type ScaleOut = Stack & {
  web: WebApp;
  webDataDir: string;
  /** The data folder of each worker started with startIsolatedWorker, in start order. */
  workerDataDirs: string[];
  startIsolatedWorker(): Promise<AppProcess>;
};

function scaleOutForSuite(): ScaleOut {
  return fixtureForSuite(
    "the scale-out stack",
    async () => {
      const stack = await startStack();
      const webDataDir = newDataDir();
      const workerDataDirs: string[] = [];
      const web = await startWebApp({
        REDIS_URL: stack.redis.url,
        DATABASE_URL: stack.tempDb.url,
        ACTLAB_DATA_DIR: webDataDir,
        ACTLAB_AUTH_SECRET: "scale-out-only-secret-0123456789abcdef",
      });
      const startIsolatedWorker = () => {
        const dir = newDataDir();
        workerDataDirs.push(dir);
        return stack.startWorker({ ACTLAB_DATA_DIR: dir });
      };
      return Object.assign(stack, { web, webDataDir, workerDataDirs, startIsolatedWorker });
    },
    async (s) => {
      await s.web.process.stop();
      await s.stop();
      for (const dir of [s.webDataDir, ...s.workerDataDirs]) fs.rmSync(dir, { recursive: true, force: true });
    },
  );
}

const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "actlab-host-"));

/** The process group a pid belongs to: each worker is a group leader, its training processes inside. */
function processGroup(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
  } catch {
    return undefined;
  }
}

/** The training process that last took the run up, from the pid its start or resume line records. */
function trainingPid(logs: string[]): number | undefined {
  const pids = logs.flatMap((l) => /\(.*pid (\d+)\)$/.exec(l)?.[1] ?? []);
  return pids.length ? Number(pids[pids.length - 1]) : undefined;
}

describe("scale-out on PostgreSQL", () => {
  const s = scaleOutForSuite();

  async function uploadDataset(): Promise<string> {
    const res = await fetch(`${s.web.baseUrl}/api/datasets?name=quadrants&label=label`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: QUADRANTS_CSV,
    });
    const body = (await res.json()) as { dataset?: { hash: string } };
    if (!body.dataset) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
    return body.dataset.hash;
  }

  async function launchSweep(hash: string): Promise<string> {
    const preset = everyActivationPreset({ kind: "uploaded", hash });
    const spec = {
      ...preset,
      base: { ...preset.base, epochs: EPOCHS, hiddenLayers: HIDDEN },
      axes: { activation: ACTIVATIONS },
    };
    return (await trpcMutation(s.web.baseUrl, "sweeps.create", { spec })).id;
  }

  const sweepRuns = (sweepId: string) =>
    prismaForTests(s.db).run.findMany({ where: { sweepId }, orderBy: { createdAt: "asc" } });

  async function waitForSweep(sweepId: string): Promise<void> {
    await waitFor(
      `every run of sweep ${sweepId} to finish`,
      async () => (await sweepRuns(sweepId)).every((r) => !["QUEUED", "RUNNING"].includes(r.status)),
      240_000,
      250,
    );
  }

  /** A run one of `workers` trains, past its first checkpoint and well before its last epoch. */
  async function runMidTraining(sweepId: string, workers: AppProcess[]) {
    return waitFor(
      "a run past its first checkpoint",
      async () => {
        const running = await prismaForTests(s.db).run.findMany({
          where: { sweepId, status: "RUNNING", epochsDone: { gte: 1, lte: EPOCHS - 4 } },
        });
        for (const run of running) {
          const pid = trainingPid(await runLogs(s.db, run.id));
          const holder = workers.find((w) => pid !== undefined && processGroup(pid) === w.child.pid);
          if (holder) return { runId: run.id, holder };
        }
        return undefined;
      },
      120_000,
      20,
    );
  }

  // Two passes of 27 runs on 2 busy cores: about two minutes, well past the package's per-test timeout.
  it("completes a 27-run sweep once, with one worker's bits, after kill -9 of one of two workers", {
    timeout: 600_000,
  }, async () => {
    // Hosts share no file: SQLite cannot serve them, so this runs in the PostgreSQL pass only.
    expect(testEngine()).toBe("postgresql");
    const hash = await uploadDataset();

    // The reference: one worker alone trains the 27 configs.
    const single = await s.startIsolatedWorker();
    const t0 = Date.now();
    const referenceSweep = await launchSweep(hash);
    await waitForSweep(referenceSweep);
    const referenceSeconds = (Date.now() - t0) / 1000;

    const t1 = Date.now();
    const other = await s.startIsolatedWorker();
    const sweepId = await launchSweep(hash);
    const { runId, holder } = await runMidTraining(sweepId, [single, other]);
    await holder.stop("SIGKILL"); // the worker and its training processes, as if the host died
    const survivor = holder === single ? other : single;
    const atKill = await prismaForTests(s.db).run.findUniqueOrThrow({ where: { id: runId } });
    const checkpoint = await latestCheckpointPosition(s.db, runId);
    await waitForSweep(sweepId);
    const scaleOutSeconds = (Date.now() - t1) / 1000;

    const runs = await sweepRuns(sweepId);
    const reference = new Map((await sweepRuns(referenceSweep)).map((r) => [r.config, r]));
    expect(runs).toHaveLength(27);
    expect(reference.size).toBe(27);
    for (const run of [...runs, ...reference.values()]) {
      expect(run.status, `${run.id}: ${(await runLogs(s.db, run.id)).join("\n")}`).toBe("COMPLETED");
      const logs = await runLogs(s.db, run.id);
      expect(logs.filter((l) => l.startsWith("completed after"))).toHaveLength(1);
    }

    // The killed run went on from its last checkpoint, in a training process of the surviving worker.
    expect(checkpoint?.epoch).toBeGreaterThanOrEqual(1);
    const logs = await runLogs(s.db, runId);
    const resumed = logs.find((l) => l.startsWith("resumed from the checkpoint"));
    expect(resumed, logs.join("\n")).toMatch(
      new RegExp(
        `^resumed from the checkpoint at step ${checkpoint?.step} \\(epoch ${checkpoint?.epoch}, .*pid`,
      ),
    );
    expect(processGroup(trainingPid(logs) ?? 0)).toBe(survivor.child.pid);

    for (const run of runs) {
      const series = await comparableSeries(s.db, run.id);
      const single = reference.get(run.config);
      expect(series, run.config).toEqual(await comparableSeries(s.db, single?.id ?? ""));
      // One point per epoch and step: nothing the resumed attempt trained again was stored twice, and
      // the runs table's counts agree with the points stored.
      expect(series.find((x) => x.key === METRIC.epoch)?.steps).toHaveLength(EPOCHS);
      const summaries = await prismaForTests(s.db).metricSummary.findMany({ where: { runId: run.id } });
      for (const summary of summaries) {
        const stored = await prismaForTests(s.db).metric.count({
          where: { runId: run.id, key: summary.key },
        });
        expect(summary.count, `${run.id} ${summary.key}`).toBe(stored);
      }
    }

    // Each worker fetched the upload by hash from the database into its own folder, and kept nothing
    // else there: checkpoints, logs and metrics went to the database, where the other host found them.
    for (const dir of s.workerDataDirs) {
      expect(fs.readdirSync(dir)).toEqual(["dataset-cache"]);
      expect(fs.readdirSync(path.join(dir, "dataset-cache"))).toEqual([`${hash}.dataset`]);
    }

    const config = JSON.parse(atKill.config) as { activation: string; seed: number };
    console.log(
      `scale-out: 27 runs in ${scaleOutSeconds.toFixed(1)} s on 2 workers (one worker alone: ${referenceSeconds.toFixed(1)} s); ` +
        `killed the worker training ${config.activation} seed ${config.seed} at epoch ${atKill.epochsDone}/${EPOCHS}, ` +
        `resumed from the epoch-${checkpoint?.epoch} checkpoint on the other worker`,
    );
  });
});
