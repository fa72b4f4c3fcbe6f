/**
 * The lab over the API: a claim launched as a sweep the lab page follows, its answer computed from the
 * metrics the runs stored (trained here as a worker would), and who may launch and read.
 */
import { createTraining, generateDataset, ZGeneratedDatasetSpec, ZTrainConfig } from "@actlab/core";
import { appendMetrics, finishRun, markRunStarted } from "@actlab/db";
import { describe, expect, it } from "vitest";
import { type TestApi, testApiForSuite } from "../test-api";

const circles = { kind: "generated", name: "circles", samples: 300, noise: 0.05, seed: 2 } as const;

/** Trains a stored run's config and writes its epoch metrics as the worker does, then completes it. */
async function trainStoredRun(api: TestApi, runId: string, config: unknown) {
  const parsed = ZTrainConfig.parse(config);
  await markRunStarted(api.db, runId);
  const training = createTraining(parsed, generateDataset(ZGeneratedDatasetSpec.parse(parsed.dataset)));
  for (const event of training) {
    if (event.type !== "epoch") continue;
    const points = Object.entries({ ...event.metrics, epoch: event.epoch }).map(([key, value]) => ({
      key,
      step: event.step,
      value,
      wallMs: 0,
    }));
    await appendMetrics(api.db, runId, points);
  }
  await finishRun(api.db, runId, { status: "COMPLETED" });
}

describe("lab procedures", () => {
  const api = testApiForSuite();

  it("lists every claim with its hypothesis and no answer before it has run", async () => {
    const claims = await api.caller().lab.claims({});
    expect(claims.map((c) => c.id)).toContain("binary-step");
    expect(claims.length).toBeGreaterThanOrEqual(9);
    for (const claim of claims) {
      expect(claim.hypothesis.length).toBeGreaterThan(20);
      expect(claim.sweep).toBeNull();
      expect(claim.answer).toBeNull();
    }
  });

  it("launches a claim as a queued sweep and answers from the metrics its runs stored", async () => {
    const { id, runs } = await api
      .caller()
      .lab.launch({ claimId: "binary-step", dataset: circles, seeds: 3 });
    expect(runs).toBe(6);
    let card = (await api.caller().lab.claims({})).find((c) => c.id === "binary-step");
    expect(card?.sweep?.id).toBe(id);
    expect(card?.answer).toMatchObject({ outcome: "waiting", finished: 0, total: 6 });

    const sweep = await api.caller().sweeps.get({ sweepId: id });
    for (const run of sweep.runs) await trainStoredRun(api, run.id, run.config);
    card = (await api.caller().lab.claims({})).find((c) => c.id === "binary-step");
    expect(card?.answer?.outcome).toBe("confirmed");
    expect(card?.answer?.sentence).toMatch(
      /^confirmed on circles: the step network's first-layer gradient was exactly 0/,
    );
    expect(card?.answer).toMatchObject({ finished: 6, total: 6 });
    expect(card?.answer?.chart?.series.map((s) => s.label)).toEqual(["step", "relu"]);
  });

  it("refuses a multi-class claim on two-class data, naming the classes", async () => {
    await expect(
      api.caller().lab.launch({ claimId: "softmax-output", dataset: { kind: "generated", name: "moons" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at least 3 classes; this one has 2/),
    });
    await expect(
      api.caller().lab.launch({ claimId: "no-such-claim", dataset: circles }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/claimId must be one of/),
    });
  });

  it("keeps a workspace's lab answers to its members", async () => {
    const outsider = await api.addUser("Outsider");
    await api.addWorkspace(outsider, "Elsewhere");
    const theirs = await api.caller(outsider).lab.claims({});
    expect(theirs.every((c) => c.sweep === null)).toBe(true);
    const viewer = await api.addUser("Viewer");
    await api.addMember(viewer, "VIEWER");
    await expect(
      api.caller(viewer).lab.launch({ claimId: "binary-step", dataset: circles }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
