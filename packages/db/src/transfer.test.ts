/**
 * SQLite → PostgreSQL transfer: a SQLite database with rows in every model, written by the product's own
 * functions, copied into a real PostgreSQL (scripts/test-postgres.sh provides one) and compared row by row.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  createTraining,
  generateDataset,
  METRIC,
  type TrainConfig,
  ZGeneratedDatasetSpec,
  ZTrainConfig,
} from "@actlab/core";
import {
  createEmptyPostgresDb,
  createTempDb,
  createTempSqliteDb,
  fixtureForSuite,
  type TempDb,
  testEngine,
} from "@actlab/test-utils";
import { betterAuth } from "better-auth";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listActivity, recordActivity } from "./activity";
import { readArtifactChunk, writeArtifactChunk } from "./artifact-chunks";
import { onUserCreated } from "./auth";
import { authDatabase } from "./auth-database";
import { latestCheckpoint, saveCheckpoint } from "./checkpoints";
import { type Db, fileFromUrl, openDb, prisma } from "./client";
import { addComment, deleteComment, editComment, listComments } from "./comments";
import { queryCompareSeries } from "./compare";
import { readProjectDatasetBlob, storeDatasetVersion } from "./datasets";
import { Prisma } from "./generated/prisma/client";
import { acceptInvite, createInvite } from "./invites";
import { appendRunLog, listRunLogs } from "./logs";
import { appendMetrics, queryMetricSeries, queryRunSeries } from "./metrics";
import { setNotes } from "./notes";
import { recordRunArtifact } from "./run-artifacts";
import { queryRunTable, type RunTableQuery } from "./run-table-query";
import { finishRun, markRunStarted, updateRunProgress } from "./runs";
import { createSavedView, createViewShare, resolveViewShare } from "./saved-views";
import { setRunStar } from "./stars";
import { createSweep } from "./sweeps";
import { addRunTag } from "./tags";
import { createApiToken, userIdForApiToken } from "./tokens";
import { createExperiment } from "./tracking-experiments";
import { createExternalRun, logRunInputs, logRunParams, setRunDeleted } from "./tracking-runs";
import { transferSqliteToPostgres } from "./transfer";
import { ensureLocalWorkspace } from "./workspace";

const MODELS = Object.values(Prisma.ModelName);

type Populated = {
  db: Db;
  temp: TempDb;
  projectId: string;
  experimentId: string;
  runId: string;
  sweepId: string;
  datasetHash: string;
  apiToken: string;
  shareToken: string;
  /** The MLflow run whose artifact sits in the folder store beside the SQLite file. */
  externalRunId: string;
  folderArtifact: Buffer;
};

/** More than two of the database store's chunks, the last one partial. */
const FOLDER_ARTIFACT = Buffer.from(Array.from({ length: 2.5 * 2 ** 20 + 3 }, (_, i) => (i * 7) % 253));

const xor = (activation: "relu" | "tanh"): TrainConfig =>
  ZTrainConfig.parse({
    dataset: { kind: "generated", name: "xor" },
    hiddenLayers: [4],
    activation,
    epochs: 1,
  });

/** A team's database as the product writes it: two accounts, a sweep, a trained run, an MLflow run. */
async function populateEveryModel(): Promise<Populated> {
  const temp = createTempSqliteDb();
  const db = openDb(temp.url);
  await ensureLocalWorkspace(db);
  const auth = betterAuth({
    secret: "a-test-secret-that-is-long-enough-for-better-auth",
    baseURL: "http://localhost:3000",
    database: authDatabase(db),
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
    databaseHooks: { user: { create: { after: (u) => onUserCreated(db, u).then(() => {}) } } },
  });
  const ada = (
    await auth.api.signUpEmail({ body: { email: "ada@example.com", password: "pw-ada-12345", name: "Ada" } })
  ).user;
  const bob = (
    await auth.api.signUpEmail({ body: { email: "bob@example.com", password: "pw-bob-12345", name: "Bob" } })
  ).user;
  await (await auth.$context).internalAdapter.createVerificationValue({
    identifier: "reset-password:abc",
    value: bob.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  // Ada signed up first, so she owns what local mode made.
  const { workspaceId, projectId } = await inheritedWorkspace(db, ada.id);
  const { token: inviteToken } = await createInvite(db, {
    workspaceId,
    createdById: ada.id,
    role: "EDITOR",
    expiresInHours: 24,
  });
  expect((await acceptInvite(db, inviteToken, bob.id)).ok).toBe(true);
  const { token: apiToken } = await createApiToken(db, ada.id, "ci");
  expect(await userIdForApiToken(db, apiToken)).toBe(ada.id);

  const { sweepId, runIds } = await createSweep(db, {
    projectId,
    name: "relu vs tanh",
    spec: { activations: ["relu", "tanh"] },
    configs: [xor("relu"), xor("tanh")],
    createdById: ada.id,
  });
  const runId = runIds[0] as string;
  await markRunStarted(db, runId);
  await updateRunProgress(db, runId, { epoch: 1, step: 3, json: JSON.stringify({ epoch: 1, step: 3 }) });
  const points = [1, 2, 3].flatMap((step) => [
    { key: METRIC.trainLoss, step, value: 1 / (step + 0.1), wallMs: 1_733_200_000_000.25 + step },
    {
      key: METRIC.valAcc,
      step,
      value: step === 2 ? Number.NaN : 0.1 * step,
      wallMs: 1_733_200_000_000.5 + step,
    },
  ]);
  await appendMetrics(db, runId, points);
  await appendRunLog(db, runId, "info", "started on 1 slot");
  await appendRunLog(db, runId, "warn", "val/acc was NaN at step 2");
  const spec = ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 32 });
  const training = createTraining(xor("relu"), generateDataset(spec));
  for (const _ of training);
  await saveCheckpoint(db, {
    runId,
    epoch: 1,
    step: 3,
    bytes: training.checkpoint(),
    weights: training.weights(),
    misclassified: {
      image: { width: 2, height: 1 },
      classNames: ["a", "b"],
      samples: [{ row: 4, predicted: 1, actual: 0, features: [0.25, -1.5] }],
    },
  });
  await finishRun(db, runId, {
    status: "COMPLETED",
    summary: { [METRIC.valAcc]: 0.3 },
    log: { level: "info", text: "done" },
  });
  // Reading a run's series packs it (SeriesPack); a whole-range comparison keeps its downsample (SeriesDownsample).
  expect((await queryRunSeries(db, runId)).length).toBe(2);
  expect((await queryCompareSeries(db, [runId], [METRIC.trainLoss, METRIC.valAcc], 400)).length).toBe(2);

  const comment = await addComment(db, {
    projectId,
    targetKind: "run",
    targetId: runId,
    authorId: ada.id,
    body: "tanh next? @bob",
    mentions: [bob.id],
  });
  await editComment(db, comment.id, "tanh next, @bob?", [bob.id]);
  const removed = await addComment(db, {
    projectId,
    targetKind: "sweep",
    targetId: sweepId,
    authorId: bob.id,
    body: "oops",
    mentions: [],
  });
  await deleteComment(db, removed.id);
  await setNotes(db, projectId, "run", runId, "the baseline — ünïcode kept");
  await setNotes(db, projectId, "sweep", sweepId, "two activations");
  await addRunTag(db, projectId, runId, "baseline", "#2a9d8f");
  await setRunStar(db, runId, bob.id, true);
  await recordActivity(db, {
    projectId,
    actorId: ada.id,
    verb: "launched",
    targetKind: "sweep",
    targetId: sweepId,
    detail: "2 runs",
  });
  const view = await createSavedView(db, {
    projectId,
    createdById: ada.id,
    title: "relu vs tanh",
    body: "**relu** wins",
    state: "runs=a,b",
  });
  await createViewShare(db, view.id, ada.id);
  const { token: shareToken } = await createViewShare(db, view.id, ada.id);

  const table = Buffer.from("x,y,label\n0,1,a\n1,0,b\n");
  const datasetHash = "f".repeat(64);
  const shape = { rows: 2, features: 2, classes: 2 };
  await storeDatasetVersion(db, {
    projectId,
    name: "tiny",
    hash: datasetHash,
    ...shape,
    labelColumn: "label",
    featureNames: ["x", "y"],
    classNames: ["a", "b"],
    classCounts: [1, 1],
    fileName: "tiny.csv",
    fileBytes: table.length,
    createdById: ada.id,
    blob: new Uint8Array(gzipSync(table)),
    blobSize: table.length,
  });

  const experiment = await createExperiment(db, workspaceId, "mlflow-experiment", [
    { key: "team", value: "vision" },
  ]);
  if (!experiment) throw new Error("the experiment was not created");
  const external = await createExternalRun(db, {
    projectId: experiment.id,
    name: "sklearn-run",
    startedAt: new Date("2026-11-30T12:00:00.123Z"),
    sourceUser: "ada",
    tags: [{ key: "mlflow.source.name", value: "train.py" }],
  });
  await logRunParams(db, external, [
    { key: "lr", value: "0.001" },
    { key: "optimizer", value: "adam" },
  ]);
  await logRunInputs(db, external, [
    {
      name: "iris",
      digest: "abc123",
      sourceType: "local",
      source: "/data/iris.csv",
      schema: null,
      profile: '{"rows":150}',
      tags: [{ key: "context", value: "training" }],
    },
  ]);
  await appendMetrics(db, external, [{ key: "rmse", step: 0, value: 2 ** -40, wallMs: 1_733_200_000_123 }]);
  // One artifact in the folder store (the SQLite default), one already in the database store.
  const folderFile = path.join(
    path.dirname(fileFromUrl(temp.url)),
    "artifacts",
    external,
    "model",
    "model.pkl",
  );
  fs.mkdirSync(path.dirname(folderFile), { recursive: true });
  fs.writeFileSync(folderFile, FOLDER_ARTIFACT);
  await recordRunArtifact(db, external, "model/model.pkl", FOLDER_ARTIFACT.length);
  await writeArtifactChunk(db, runId, "notes.txt", 0, Buffer.from("kept in the database"));
  await recordRunArtifact(db, runId, "notes.txt", 20);
  await setRunDeleted(db, external, true);
  return {
    db,
    temp,
    projectId,
    experimentId: experiment.id,
    runId,
    sweepId,
    datasetHash,
    apiToken,
    shareToken,
    externalRunId: external,
    folderArtifact: FOLDER_ARTIFACT,
  };
}

/** The workspace and project the first account inherited from local mode. */
async function inheritedWorkspace(db: Db, userId: string) {
  const membership = await db[prisma].membership.findFirstOrThrow({
    where: { userId, role: "OWNER", workspace: { slug: "local" } },
    include: { workspace: { include: { projects: true } } },
  });
  return { workspaceId: membership.workspaceId, projectId: membership.workspace.projects[0]?.id as string };
}

/** Every row of a model through Prisma, which reads dates, booleans and bytes alike on both engines. */
async function rowsOf(db: Db, model: Prisma.ModelName): Promise<unknown[]> {
  const delegate = (
    db[prisma] as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>
  )[model.charAt(0).toLowerCase() + model.slice(1)];
  const rows = (await delegate?.findMany()) ?? [];
  const key = (row: Record<string, unknown>) =>
    JSON.stringify(row, (_, v) => (v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v));
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

async function countEveryModel(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of MODELS) counts[model] = (await rowsOf(db, model)).length;
  return counts;
}

const byCreated: RunTableQuery = {
  sort: { field: { kind: "run", field: "createdAt" }, dir: "asc" },
  offset: 0,
  limit: 50,
  columns: [
    { kind: "param", key: "activation" },
    { kind: "metric", key: METRIC.valAcc, agg: "best" },
  ],
};

/**
 * A run's duration is computed by each engine (SQLite's julianday arithmetic is off in the last digits),
 * and an open run's grows with the clock: compared to the millisecond, and only once it has finished.
 */
function comparableDurations(page: Awaited<ReturnType<typeof queryRunTable>>) {
  return page.rows.map((r) => ({
    ...r,
    durationS: r.finishedAt && r.durationS !== null ? Number(r.durationS.toFixed(3)) : "open",
  }));
}

describe("transfer options", () => {
  it("refuses URLs that are not a SQLite file and a PostgreSQL database, naming an example", async () => {
    await expect(
      transferSqliteToPostgres({ from: "data/actlab.db", to: "mysql://db/actlab" }),
    ).rejects.toThrow(
      /--from must be a SQLite file: URL \(example: --from file:.*\n--to must be a postgresql:\/\/ URL/,
    );
    await expect(
      transferSqliteToPostgres({ from: "file:/no/such/actlab.db", to: "postgresql://h/db" }),
    ).rejects.toThrow("--from names no file: /no/such/actlab.db does not exist");
  });

  const stale = fixtureForSuite(
    "a SQLite database",
    async () => createTempSqliteDb(),
    async (t) => t.remove(),
  );

  it("refuses a SQLite database whose migrations differ from this version's, before touching the target", async () => {
    const sqlite = new Database(fileFromUrl(stale.url));
    sqlite.exec(`DELETE FROM "_prisma_migrations" WHERE "migration_name" LIKE '%checkpoint_misclassified'`);
    sqlite.close();
    await expect(
      transferSqliteToPostgres({ from: stale.url, to: "postgresql://127.0.0.1:1/unreachable" }),
    ).rejects.toThrow(/lacks migrations \d+_checkpoint_misclassified: bring it up to date first/);
  });
});

describe.skipIf(testEngine() !== "postgresql")("SQLite → PostgreSQL (needs scripts/test-postgres.sh)", () => {
  const source = fixtureForSuite("a SQLite database with every model", populateEveryModel, async (s) => {
    await s.db.close();
    s.temp.remove();
  });
  // Not migrated at all: the transfer applies the PostgreSQL migrations itself.
  const target = fixtureForSuite(
    "an empty PostgreSQL database",
    async () => {
      const temp = createEmptyPostgresDb();
      const report = await transferSqliteToPostgres({ from: source.temp.url, to: temp.url, batchRows: 2 });
      return { temp, report, db: openDb(temp.url) };
    },
    async (t) => {
      await t.db.close();
      t.temp.remove();
    },
  );

  it("has a row in every model of the schema, so the comparison below covers them all", async () => {
    const counts = await countEveryModel(source.db);
    expect(MODELS.filter((m) => !counts[m])).toEqual([]);
  });

  it("copies every row of every table field by field, and reports equal counts", async () => {
    expect(target.report.committed).toBe(true);
    expect(target.report.migrated.length).toBeGreaterThan(0);
    expect(target.report.tables.map((t) => t.table).sort()).toEqual([...MODELS].sort());
    for (const t of target.report.tables) expect(t.target, t.table).toBe(t.source);
    for (const model of MODELS) {
      // The folder store's file arrives as chunks too: checked byte for byte below.
      const rows = (await rowsOf(target.db, model)).filter(
        (r) => model !== "ArtifactChunk" || (r as { path: string }).path !== "model/model.pkl",
      );
      expect(rows, model).toEqual(await rowsOf(source.db, model));
    }
  });

  it("brings the folder store's artifact files into the database, byte for byte", async () => {
    expect(target.report.artifacts).toEqual({ files: 1, bytes: source.folderArtifact.length, missing: [] });
    const chunks: Uint8Array[] = [];
    for (let seq = 0; ; seq++) {
      const chunk = await readArtifactChunk(target.db, source.externalRunId, "model/model.pkl", seq);
      if (!chunk) break;
      chunks.push(chunk);
    }
    expect(chunks.length).toBe(3);
    expect(Buffer.concat(chunks).equals(source.folderArtifact)).toBe(true);
  });

  it("serves the same runs table, series, checkpoint, threads, feed, dataset and links from PostgreSQL", async () => {
    const { projectId, runId, sweepId } = source;
    for (const db of [source.db, target.db])
      expect(await userIdForApiToken(db, source.apiToken)).not.toBeNull();
    const read = async (db: Db) => ({
      table: comparableDurations(await queryRunTable(db, projectId, byCreated)),
      experiment: comparableDurations(await queryRunTable(db, source.experimentId, byCreated)),
      series: await queryMetricSeries(db, runId),
      packed: await queryRunSeries(db, runId),
      checkpoint: await latestCheckpoint(db, runId),
      logs: await listRunLogs(db, runId),
      runThread: await listComments(db, projectId, "run", runId),
      sweepThread: await listComments(db, projectId, "sweep", sweepId),
      feed: await listActivity(db, projectId, { take: 10 }),
      dataset: await readProjectDatasetBlob(db, projectId, source.datasetHash),
      share: await resolveViewShare(db, source.shareToken),
    });
    const before = await read(source.db);
    expect(before.table.length).toBe(2);
    expect(before.series.map((s) => s.key)).toEqual([METRIC.trainLoss, METRIC.valAcc]);
    expect(await read(target.db)).toEqual(before);
  });

  it("continues autoincrement ids after the copied rows", async () => {
    const copied = await listRunLogs(target.db, source.runId);
    await appendRunLog(target.db, source.runId, "info", "written on PostgreSQL");
    const after = await listRunLogs(target.db, source.runId);
    expect(after.at(-1)?.id).toBe(Math.max(...copied.map((l) => l.id)) + 1);
  });

  it("refuses a target that already holds rows, and leaves it as it was", async () => {
    const before = await countEveryModel(target.db);
    await expect(transferSqliteToPostgres({ from: source.temp.url, to: target.temp.url })).rejects.toThrow(
      /the PostgreSQL database is not empty \(.*User: 2, .*Run: 3, .*\): transfer into a new database/,
    );
    expect(await countEveryModel(target.db)).toEqual(before);
  });

  const broken = fixtureForSuite(
    "a SQLite database PostgreSQL cannot take, and a migrated empty target",
    async () => {
      const temp = createTempSqliteDb();
      const db = openDb(temp.url);
      const { projectId, userId } = await ensureLocalWorkspace(db);
      const { runIds } = await createSweep(db, { projectId, name: "s", spec: {}, configs: [xor("relu")] });
      // SQLite keeps a NUL character in text; PostgreSQL refuses it, after the tables before Comment were copied.
      const body = "nul \u0000 here";
      await addComment(db, {
        projectId,
        targetKind: "run",
        targetId: runIds[0] as string,
        authorId: userId,
        body,
        mentions: [],
      });
      await db.close();
      return { temp, into: createTempDb() };
    },
    async (b) => {
      b.temp.remove();
      b.into.remove();
    },
  );

  it("leaves the target empty when a row cannot be copied", async () => {
    await expect(transferSqliteToPostgres({ from: broken.temp.url, to: broken.into.url })).rejects.toThrow(
      /0x00/,
    );
    const into = openDb(broken.into.url);
    try {
      expect(Object.values(await countEveryModel(into)).every((n) => n === 0)).toBe(true);
    } finally {
      await into.close();
    }
  });
});
