/**
 * A real worker process and its code version: it announces itself for the queue page, trains jobs of its
 * version, and leaves a job queued by another version in the queue with the reason in the run's log.
 */
import os from "node:os";
import { ZTrainConfig } from "@actlab/core";
import { createRun } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { CODE_VERSION, listWorkers, TRAIN_RUN_JOB } from "@actlab/queue";
import { waitFor } from "@actlab/test-utils";
import { describe, expect, it } from "vitest";
import { SMALL_RUN, stackWithWorker } from "./harness";

describe("a worker and the code version of its jobs", () => {
  const stack = stackWithWorker();

  it("announces its host, version and slots", async () => {
    const workers = await waitFor("the worker's announcement", async () => {
      const found = await listWorkers(stack.queueConnection);
      return found.length > 0 ? found : undefined;
    });
    expect(workers.map((w) => [w.host, w.version, w.slots])).toEqual([[os.hostname(), CODE_VERSION, 1]]);
  });

  it("leaves a run queued by another version in the queue, says why in its log, and trains its own", async () => {
    const foreign = await createRun(stack.db, {
      projectId: stack.projectId,
      config: ZTrainConfig.parse(SMALL_RUN),
    });
    await stack.queue.add(
      TRAIN_RUN_JOB.name,
      { runId: foreign.id, attempt: 0, version: "0.0.1" },
      { jobId: foreign.id },
    );
    const log = await waitFor("the refusal in the run's log", async () => {
      const lines = await prismaForTests(stack.db).runLog.findMany({ where: { runId: foreign.id } });
      return lines.find((l) => l.text.includes("queued by version 0.0.1"));
    });
    expect(log.level).toBe("warn");
    expect(log.text).toContain(`runs Actlab ${CODE_VERSION}`);
    expect(await (await stack.queue.getJob(foreign.id))?.getState()).toBe("delayed");

    const own = await stack.launch(SMALL_RUN);
    expect(await stack.waitForStatus(own, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    const run = await prismaForTests(stack.db).run.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(run.status).toBe("QUEUED");
    expect(run.attempt).toBe(0);
  });
});
