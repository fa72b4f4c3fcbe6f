/**
 * A worker trains on an upload it has never seen: it fetches the bytes from the database by hash (no
 * shared folder), checks them, caches them, and refuses a hash that belongs to another project.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCsvText, toStoredDataset } from "@actlab/datasets";
import { storeDatasetVersion } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparableSeries, QUADRANTS_CSV, runLogs, SMALL_RUN, type Stack, startStack } from "./harness";

let stack: Stack;
let dataDir: string;
let hash: string;
let otherProjectHash: string;

beforeAll(async () => {
  stack = await startStack();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-worker-data-"));
  const dataset = parseCsvText(QUADRANTS_CSV, { name: "quadrants" });
  const stored = await toStoredDataset(dataset);
  hash = stored.hash;
  const row = (projectId: string, s: typeof stored, name: string) => ({
    projectId,
    name,
    hash: s.hash,
    blob: s.compressed,
    blobSize: s.size,
    rows: dataset.rows,
    features: dataset.numFeatures,
    classes: dataset.numClasses,
    labelColumn: "label",
    featureNames: dataset.featureNames,
    classNames: dataset.classNames,
    classCounts: s.classCounts,
    fileName: `${name}.csv`,
    fileBytes: QUADRANTS_CSV.length,
    createdById: null,
  });
  await storeDatasetVersion(stack.db, row(stack.projectId, stored, "quadrants"));
  // Another workspace's upload: its hash is known here, its data must stay out of reach.
  const elsewhere = await prismaForTests(stack.db).workspace.create({
    data: { name: "elsewhere", slug: "elsewhere", projects: { create: { name: "p", slug: "p" } } },
    include: { projects: true },
  });
  const foreign = await toStoredDataset(
    parseCsvText(QUADRANTS_CSV.replaceAll("same", "alike"), { name: "x" }),
  );
  await storeDatasetVersion(stack.db, row(elsewhere.projects[0]?.id as string, foreign, "theirs"));
  otherProjectHash = foreign.hash;
  await stack.startWorker({ ACTLAB_DATA_DIR: dataDir });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a worker and an uploaded dataset", () => {
  it("fetches it by hash from the database, caches it, and trains the same bits from its cache", async () => {
    const config = {
      ...SMALL_RUN,
      dataset: { kind: "uploaded" as const, hash, name: "quadrants", version: 1 },
    };
    const first = await stack.launch(config);
    expect(await stack.waitForStatus(first, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    expect(fs.readdirSync(path.join(dataDir, "dataset-cache"))).toEqual([`${hash}.dataset`]);
    expect((await runLogs(stack.db, first)).join("\n")).toMatch(
      /started on quadrants v1: 300 rows × 2 features, 2 classes/,
    );
    const second = await stack.launch(config);
    expect(await stack.waitForStatus(second, ["COMPLETED", "FAILED"])).toBe("COMPLETED");
    expect(await comparableSeries(stack.db, second)).toEqual(await comparableSeries(stack.db, first));
  });

  it("fails a run naming a hash its project does not have, saying why", async () => {
    const runId = await stack.launch({ ...SMALL_RUN, dataset: { kind: "uploaded", hash: otherProjectHash } });
    expect(await stack.waitForStatus(runId, ["COMPLETED", "FAILED"])).toBe("FAILED");
    expect((await runLogs(stack.db, runId)).join("\n")).toMatch(/not in this run's project/);
  });
});
