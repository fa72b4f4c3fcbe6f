import {
  appendRunLog,
  createExternalRun,
  latestCheckpointPosition,
  saveCheckpoint,
  updateTrackedRun,
} from "@actlab/db";
import { CODE_VERSION } from "@actlab/queue";
import { describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN as config, testApiForSuite } from "../test-api";

describe("runs procedures", () => {
  const api = testApiForSuite();

  it("stores a valid run as QUEUED and enqueues exactly one job for it", async () => {
    const before = await api.queue.count();
    const { id } = await api.caller().runs.create({ config });
    const got = await api.caller().runs.get({ runId: id });
    expect(got.run.status).toBe("QUEUED");
    expect(got.run.config?.lr).toBe(0.1); // defaults filled in by the schema
    expect((await api.queue.getJob(id))?.data).toEqual({ runId: id, attempt: 0, version: CODE_VERSION });
    expect(await api.queue.count()).toBe(before + 1);
  });

  it("rejects an invalid config with one message per field", async () => {
    type Refusal = { code: string; cause: { issues: Array<{ path: string[]; message: string }> } };
    const err = (await api
      .caller()
      .runs.create({ config: { ...config, hiddenLayers: [], lr: -1 } as never })
      .catch((e: unknown) => e)) as Refusal;
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    const issues = Object.fromEntries(err.cause.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({
      "config.hiddenLayers": "add at least one hidden layer",
      "config.lr": "learning rate must be > 0",
    });
  });

  it("cancels a queued run before it starts, then retries it as a fresh job", async () => {
    const { id } = await api.caller().runs.create({ config });
    await api.caller().runs.cancel({ runId: id });
    expect((await api.caller().runs.get({ runId: id })).run.status).toBe("CANCELED");
    expect(await api.queue.getJob(id)).toBeUndefined();
    await expect(api.caller().runs.cancel({ runId: id })).rejects.toMatchObject({ code: "CONFLICT" });

    await api.caller().runs.retry({ runId: id });
    expect((await api.caller().runs.get({ runId: id })).run.status).toBe("QUEUED");
    expect((await api.queue.getJob(id))?.data).toEqual({ runId: id, attempt: 1, version: CODE_VERSION });
    await expect(api.caller().runs.retry({ runId: id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("resumes a stopped run from its last checkpoint only when it saved one, keeping its log", async () => {
    const { id } = await api.caller().runs.create({ config });
    await api.caller().runs.cancel({ runId: id });
    await expect(api.caller().runs.retry({ runId: id, from: "checkpoint" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "this run saved no checkpoint to resume from: retry it from the start",
    });
    await saveCheckpoint(api.db, { runId: id, epoch: 2, step: 40, bytes: new Uint8Array([1, 2, 3]) });
    await appendRunLog(api.db, id, "info", "first attempt's line");
    await api.caller().runs.retry({ runId: id, from: "checkpoint" });
    const { run, logs } = await api.caller().runs.get({ runId: id });
    expect(run.status).toBe("QUEUED");
    expect(logs.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        "first attempt's line",
        "retried: resumes from its checkpoint at epoch 2 (step 40)",
      ]),
    );
    expect(await latestCheckpointPosition(api.db, id)).toEqual({ epoch: 2, step: 40 });
    expect((await api.queue.getJob(id))?.data).toEqual({ runId: id, attempt: 1, version: CODE_VERSION });
  });

  it("marks a run failed when the queue cannot take its job, on launch and on retry", async () => {
    const created = await api.caller().runs.create({ config });
    await api.caller().runs.cancel({ runId: created.id });
    await expect(api.callerWithQueueDown().runs.retry({ runId: created.id })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });
    expect((await api.caller().runs.get({ runId: created.id })).run).toMatchObject({
      status: "FAILED",
      error: expect.stringMatching(/^could not reach the queue: /),
    });

    const before = await api.caller().runs.list({});
    await expect(api.callerWithQueueDown().runs.create({ config })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringMatching(/unreachable: the run is marked failed/),
    });
    const launched = (await api.caller().runs.list({})).filter((r) => !before.some((b) => b.id === r.id));
    expect(launched).toHaveLength(1);
    expect(launched[0]).toMatchObject({
      status: "FAILED",
      error: expect.stringMatching(/could not reach the queue/),
    });
  });

  it("answers NOT_FOUND for an unknown run and refuses a caller who is not signed in", async () => {
    await expect(api.caller().runs.get({ runId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.caller(null).runs.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses to retry a run logged through the MLflow API: the trainer has no config to run", async () => {
    const runId = await createExternalRun(api.db, {
      projectId: api.projectId,
      name: "script",
      startedAt: new Date(),
      sourceUser: null,
      tags: [],
    });
    await updateTrackedRun(api.db, runId, { status: "FAILED" });
    await expect(api.caller().runs.retry({ runId })).rejects.toThrow(/run that code again/);
    expect((await api.caller().runs.get({ runId })).run).toMatchObject({
      status: "FAILED",
      external: true,
      config: null,
    });
  });
});
