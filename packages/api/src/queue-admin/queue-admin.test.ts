/** Queue admin on a shared queue: each tenant sees and touches only its own project's jobs. */
import { announceWorker, CODE_VERSION, withdrawWorker } from "@actlab/queue";
import { beforeAll, describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN as config, testApiForSuite } from "../test-api";

describe("queue admin per tenant", () => {
  const api = testApiForSuite();
  let strangerId: string;
  let stranger: { workspaceId: string; projectId: string };
  let victimRunId: string;
  let viewerId: string;
  beforeAll(async () => {
    strangerId = await api.addUser("Stranger");
    stranger = await api.addWorkspace(strangerId, "Stranger's workspace");
    viewerId = await api.addUser("Viewer");
    await api.addMember(viewerId, "VIEWER");
    victimRunId = (await api.caller().runs.create({ config })).id;
    await api.caller(strangerId).runs.create({ config, projectId: stranger.projectId });
  }, 60_000);

  it("lists only the caller's project's jobs and counts", async () => {
    const own = await api.caller().queue.overview({ state: "waiting" });
    expect(own.jobs.map((j) => j.id)).toEqual([victimRunId]);
    expect(own.counts.waiting).toBe(1);
    const theirs = await api
      .caller(strangerId)
      .queue.overview({ state: "waiting", projectId: stranger.projectId });
    expect(theirs.jobs.map((j) => j.id)).not.toContain(victimRunId);
    expect(theirs.counts.waiting).toBe(1);
  });

  it("refuses to remove or retry another tenant's job by id, and leaves it queued", async () => {
    const foreign = api.caller(strangerId).queue;
    await expect(
      foreign.removeJob({ jobId: victimRunId, projectId: stranger.projectId }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      foreign.retryJob({ jobId: victimRunId, projectId: stranger.projectId }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(foreign.removeJob({ jobId: victimRunId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(foreign.removeJob({ jobId: victimRunId, projectId: api.projectId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await (await api.queue.getJob(victimRunId))?.getState()).toBe("waiting");
  });

  it("shows each announced worker's host to owners only; others get the totals and the versions' match", async () => {
    expect((await api.caller().queue.overview({})).workers).toEqual([]);
    const base = { pid: 7, cores: 8, busy: 1, startedAt: 1_000, seenAt: 61_000 };
    await announceWorker(
      api.deps.redis,
      { ...base, id: "w1", host: "gpu-1", version: CODE_VERSION, slots: 4 },
      60_000,
    );
    await announceWorker(
      api.deps.redis,
      { ...base, id: "w2", host: "old-box", version: "0.0.1", slots: 2 },
      60_000,
    );
    const asOwner = await api.caller().queue.overview({});
    expect(asOwner.webVersion).toBe(CODE_VERSION);
    expect(asOwner.capacity).toEqual({ workers: 2, slots: 6, busy: 2, otherVersion: 1 });
    expect(asOwner.workers?.map((w) => [w.host, w.version, w.slots, w.upSeconds])).toEqual([
      ["gpu-1", CODE_VERSION, 4, 60],
      ["old-box", "0.0.1", 2, 60],
    ]);
    const asViewer = await api.caller(viewerId).queue.overview({});
    expect(asViewer.workers).toBeNull();
    expect(asViewer.capacity).toEqual(asOwner.capacity);
    await withdrawWorker(api.deps.redis, "w1");
    await withdrawWorker(api.deps.redis, "w2");
  });

  it("lets an editor of the project remove its own waiting job", async () => {
    await api.caller().queue.removeJob({ jobId: victimRunId });
    expect(await api.queue.getJob(victimRunId)).toBeUndefined();
  });
});
