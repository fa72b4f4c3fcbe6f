/**
 * Reads for the run page's insights and the activation gallery: which epochs kept their weights, one
 * epoch's weights, and how each activation has fared across a project's runs (one grouped query).
 */
import { decodeModelWeights, type SavedModel } from "@actlab/core";
import { type Db, prisma, rawSql } from "./client";
import type { Dialect } from "./raw-sql";

export type CheckpointEpoch = { epoch: number; step: number };

/**
 * Epochs whose checkpoint carries weights, ascending. Where an epoch has several rows, the first step wins:
 * that is the one saved as the epoch ended; later rows with the same epoch are mid-epoch saves (a hand-back
 * has no weights; a diverged run's last save holds non-finite ones).
 */
export async function listCheckpointEpochs(db: Db, runId: string): Promise<CheckpointEpoch[]> {
  const rows = await db[prisma].checkpoint.findMany({
    where: { runId, OR: [{ weightBytes: { not: null } }, { legacyWeights: { not: null } }] },
    select: { epoch: true, step: true },
    orderBy: { step: "asc" },
  });
  const byEpoch = new Map<number, CheckpointEpoch>();
  for (const r of rows) if (!byEpoch.has(r.epoch)) byEpoch.set(r.epoch, { epoch: r.epoch, step: r.step });
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}

/**
 * The weights saved as `epoch` ended (its first step) — or as the newest epoch that kept weights ended —
 * decoded but not yet checked (a diverged run's hold non-finite numbers), or null when there are none.
 * Throws on bytes that are not a weights blob.
 */
export async function readCheckpointWeights(
  db: Db,
  runId: string,
  epoch: number | "newest",
): Promise<{ epoch: number; step: number; weights: SavedModel } | null> {
  const row = await db[prisma].checkpoint.findFirst({
    where: {
      runId,
      ...(epoch === "newest" ? {} : { epoch }),
      OR: [{ weightBytes: { not: null } }, { legacyWeights: { not: null } }],
    },
    select: { epoch: true, step: true, weightBytes: true, legacyWeights: true },
    orderBy: [{ epoch: "desc" }, { step: "asc" }],
  });
  if (!row) return null;
  const weights = row.weightBytes
    ? decodeModelWeights(new Uint8Array(row.weightBytes))
    : (JSON.parse(row.legacyWeights as string) as SavedModel);
  return { epoch: row.epoch, step: row.step, weights };
}

/**
 * The mistakes stored with `epoch`'s checkpoint (or the newest epoch that stored any), as stored JSON —
 * the caller checks it — or null when there are none.
 */
export async function readCheckpointMisclassified(
  db: Db,
  runId: string,
  epoch: number | "newest",
): Promise<{ epoch: number; json: string } | null> {
  const row = await db[prisma].checkpoint.findFirst({
    where: { runId, ...(epoch === "newest" ? {} : { epoch }), misclassified: { not: null } },
    select: { epoch: true, misclassified: true },
    orderBy: [{ epoch: "desc" }, { step: "asc" }],
  });
  return row?.misclassified ? { epoch: row.epoch, json: row.misclassified } : null;
}

export type RecentRun = { id: string; name: string; status: string };
export type ActivationUsageRow = {
  activation: string;
  runs: number;
  completed: number;
  /** Highest final validation accuracy over the runs that finished with one; null when none did. */
  bestValAcc: number | null;
  bestRunId: string | null;
  /** Up to three runs, newest first. */
  recent: RecentRun[];
};

const RECENT_PER_ACTIVATION = 3;

// One pass over the project's runs: window functions rank runs per activation by recency and by final
// validation accuracy, the aggregate folds counts, the best run and the newest three into one row each.
const usageSql = (d: Dialect) => `
WITH ranked AS (
  SELECT "id", "name", "status", "activation",
         ${d.jsonNumber('"summary"', "final_val_acc")} AS "valAcc",
         ROW_NUMBER() OVER (PARTITION BY "activation" ORDER BY "createdAt" DESC, "id" DESC) AS "recency",
         ROW_NUMBER() OVER (
           PARTITION BY "activation"
           ORDER BY ${d.jsonNumber('"summary"', "final_val_acc")} DESC NULLS LAST, "createdAt" DESC
         ) AS "accRank"
  FROM "Run"
  WHERE "projectId" = ?
)
SELECT "activation",
       COUNT(*) AS "runs",
       COUNT(*) FILTER (WHERE "status" = 'COMPLETED') AS "completed",
       MAX("valAcc") AS "bestValAcc",
       MAX(CASE WHEN "accRank" = 1 AND "valAcc" IS NOT NULL THEN "id" END) AS "bestRunId",
       ${d.jsonArrayOfObjects(`'id', "id", 'name', "name", 'status', "status", 'recency', "recency"`, `"recency" <= ${RECENT_PER_ACTIVATION}`)} AS "recent"
FROM ranked
GROUP BY "activation"
ORDER BY "activation"`;

type UsageSqlRow = {
  activation: string;
  runs: number;
  completed: number;
  bestValAcc: number | null;
  bestRunId: string | null;
  recent: string;
};

/** Per activation used in the project: run count, completed count, best final val acc, newest three runs. */
export async function activationUsage(db: Db, projectId: string): Promise<ActivationUsageRow[]> {
  const raw = db[rawSql];
  const rows = await raw.all<UsageSqlRow>(usageSql(raw.dialect), [projectId]);
  return rows.map((r) => {
    const recent = (JSON.parse(r.recent) as Array<RecentRun & { recency: number }>)
      // The JSON aggregate keeps no promised order: sort by the rank the window gave.
      .sort((a, b) => a.recency - b.recency)
      .map(({ id, name, status }) => ({ id, name, status }));
    return {
      activation: r.activation,
      runs: r.runs,
      completed: r.completed,
      bestValAcc: r.bestValAcc,
      bestRunId: r.bestRunId,
      recent,
    };
  });
}
