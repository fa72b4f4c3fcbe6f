/** For this package's tests: a migrated temporary database with the local workspace, and a run factory. */
import { type TrainConfigInput, ZTrainConfig } from "@actlab/core";
import { createTempDb } from "@actlab/test-utils";
import { afterAll, beforeAll } from "vitest";
import { type Db, openDb } from "./client";
import { createRun } from "./runs";
import { ensureLocalWorkspace } from "./workspace";

export type TestDb = {
  db: Db;
  projectId: string;
  /** A small XOR run (ReLU, one hidden layer of 4) with any config field overridden. */
  newRun(overrides?: Partial<TrainConfigInput>): Promise<string>;
  close(): Promise<void>;
};

export async function openTestDb(): Promise<TestDb> {
  const temp = createTempDb();
  const db = openDb(temp.url);
  const { projectId } = await ensureLocalWorkspace(db);
  return {
    db,
    projectId,
    async newRun(overrides = {}) {
      const config = ZTrainConfig.parse({
        dataset: { kind: "generated", name: "xor" },
        hiddenLayers: [4],
        activation: "relu",
        ...overrides,
      });
      return (await createRun(db, { projectId, config })).id;
    },
    async close() {
      await db.close();
      temp.remove();
    },
  };
}

/**
 * A fresh test database for the suite it is called in: opened before its first test, closed after its last.
 * The fields are there from the suite's first hook on, so read them inside hooks and tests.
 */
export function testDbForSuite(): TestDb {
  const suite = {} as TestDb;
  beforeAll(async () => {
    Object.assign(suite, await openTestDb());
  }, 60_000); // migrate deploy runs the Prisma CLI: seconds on a busy machine
  afterAll(() => suite.close?.());
  return suite;
}
