/** For this package's tests: a migrated temporary database with the local workspace, and a run factory. */
import { type TrainConfigInput, ZTrainConfig } from "@actlab/core";
import { createTempDb, fixtureForSuite } from "@actlab/test-utils";
import { type Db, openDb } from "./client";
import { createRun } from "./runs";
import { ensureLocalWorkspace } from "./workspace";

export type TestDb = {
  db: Db;
  url: string;
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
    url: temp.url,
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

/** A fresh test database for the suite it is called in (read its fields inside hooks and tests). */
export function testDbForSuite(): TestDb {
  return fixtureForSuite("the test database", openTestDb, (t) => t.close());
}
