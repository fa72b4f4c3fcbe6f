/** The launch budgets at the API boundary: each config's cost, and the workspace's queued and running runs. */
import {
  BUDGETS,
  type Budgets,
  checkBudget,
  checkOpenRuns,
  type DatasetSize,
  knownDatasetSize,
  type TrainConfig,
} from "@actlab/core";
import { countOpenRuns, type Db, findDatasetShape } from "@actlab/db";
import { TRPCError } from "@trpc/server";

async function datasetSize(db: Db, projectId: string, config: TrainConfig): Promise<DatasetSize> {
  const known = knownDatasetSize(config.dataset);
  if (known) return known;
  const hash = config.dataset.kind === "uploaded" ? config.dataset.hash : "";
  const row = await findDatasetShape(db, projectId, hash);
  if (!row) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `this project has no uploaded dataset with hash ${hash.slice(0, 12)}…`,
    });
  }
  return row;
}

/** Throws BAD_REQUEST naming the first budget a config exceeds; configs of one sweep share few datasets. */
export async function assertConfigsWithinBudget(
  db: Db,
  projectId: string,
  configs: readonly TrainConfig[],
  budgets: Budgets = BUDGETS,
): Promise<void> {
  const sizes = new Map<string, DatasetSize>();
  for (const [i, config] of configs.entries()) {
    const key = JSON.stringify(config.dataset);
    const size = sizes.get(key) ?? (await datasetSize(db, projectId, config));
    sizes.set(key, size);
    const [refusal] = checkBudget(config, size, budgets);
    if (refusal) {
      const which = configs.length > 1 ? `run ${i + 1} of ${configs.length}: ` : "";
      throw new TRPCError({ code: "BAD_REQUEST", message: `${which}${refusal.message}` });
    }
  }
}

/** Throws TOO_MANY_REQUESTS when `adding` more runs would take the workspace past its open-run budget. */
export async function assertOpenRunsWithinBudget(
  db: Db,
  workspaceId: string,
  adding: number,
  budgets: Budgets = BUDGETS,
): Promise<void> {
  const refusal = checkOpenRuns(await countOpenRuns(db, workspaceId), adding, budgets);
  if (refusal) {
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `${refusal.message}; wait for some to finish or cancel them`,
    });
  }
}
