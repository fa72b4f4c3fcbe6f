/**
 * Per (run, key) metric summaries: last, min and max with their steps, and the point count.
 * appendMetrics folds each stored batch into one upsert per key, in its own transaction, so the
 * runs table sorts and filters on summaries without ever scanning the Metric table.
 */
import { type Db, rawSql } from "./client";
import type { RawSql } from "./raw-sql";

/** What one batch adds to a key's summary (only the points the batch actually stored). */
export type SummaryDelta = {
  key: string;
  lastStep: number;
  lastValue: number | null;
  minValue: number | null;
  minStep: number | null;
  maxValue: number | null;
  maxStep: number | null;
  count: number;
};

export type MetricSummary = Omit<SummaryDelta, "key"> & { runId: string; key: string };

/** Lower is better for losses and errors; higher for everything else (accuracy, AUC, …). */
export function bestIsMin(key: string): boolean {
  return /loss|error|err$|perplexity|mse|mae|rmse/i.test(key);
}

/** The best value of a summary and the step it happened at: derived, never stored twice. */
export function bestOf(s: Pick<MetricSummary, "key" | "minValue" | "minStep" | "maxValue" | "maxStep">) {
  return bestIsMin(s.key) ? { value: s.minValue, step: s.minStep } : { value: s.maxValue, step: s.maxStep };
}

/**
 * Adds one stored point to the batch's per-key deltas. `value` is null for NaN/±Infinity: it counts
 * and can be the last value (a diverged run ends on NaN) but never the min or max.
 * Ties keep the earliest step, so "min at step" is where the minimum was first reached.
 */
export function foldPoint(
  deltas: Map<string, SummaryDelta>,
  key: string,
  step: number,
  value: number | null,
) {
  const d = deltas.get(key);
  if (!d) {
    deltas.set(key, {
      key,
      lastStep: step,
      lastValue: value,
      minValue: value,
      minStep: value === null ? null : step,
      maxValue: value,
      maxStep: value === null ? null : step,
      count: 1,
    });
    return;
  }
  d.count++;
  if (step > d.lastStep) {
    d.lastStep = step;
    d.lastValue = value;
  }
  if (value === null) return;
  if (d.minValue === null || value < d.minValue || (value === d.minValue && step < (d.minStep as number))) {
    d.minValue = value;
    d.minStep = step;
  }
  if (d.maxValue === null || value > d.maxValue || (value === d.maxValue && step < (d.maxStep as number))) {
    d.maxValue = value;
    d.maxStep = step;
  }
}

/** The columns of a MetricSummary row, in the order summaryRow binds them. */
export const SUMMARY_COLUMNS = [
  "runId",
  "key",
  "lastStep",
  "lastValue",
  "minValue",
  "minStep",
  "maxValue",
  "maxStep",
  "count",
] as const;

// Both engines evaluate every SET expression against the row as it was before the update, so each
// column's CASE compares with the old values even after an earlier column has been assigned. The old
// row is named by its table: PostgreSQL finds a bare column ambiguous beside `excluded`.
const OLD = '"MetricSummary"';
const upsertSql = (rows: number) => `
INSERT INTO "MetricSummary" (${SUMMARY_COLUMNS.map((c) => `"${c}"`).join(", ")})
VALUES ${Array(rows)
  .fill(`(${SUMMARY_COLUMNS.map(() => "?").join(", ")})`)
  .join(", ")}
ON CONFLICT ("runId", "key") DO UPDATE SET
  "lastStep"  = CASE WHEN excluded."lastStep" > ${OLD}."lastStep" THEN excluded."lastStep" ELSE ${OLD}."lastStep" END,
  "lastValue" = CASE WHEN excluded."lastStep" > ${OLD}."lastStep" THEN excluded."lastValue" ELSE ${OLD}."lastValue" END,
  "minValue"  = CASE WHEN ${newer("min", "<")} THEN excluded."minValue" ELSE ${OLD}."minValue" END,
  "minStep"   = CASE WHEN ${newer("min", "<")} THEN excluded."minStep" ELSE ${OLD}."minStep" END,
  "maxValue"  = CASE WHEN ${newer("max", ">")} THEN excluded."maxValue" ELSE ${OLD}."maxValue" END,
  "maxStep"   = CASE WHEN ${newer("max", ">")} THEN excluded."maxStep" ELSE ${OLD}."maxStep" END,
  "count"     = ${OLD}."count" + excluded."count"`;

function newer(which: "min" | "max", better: "<" | ">"): string {
  const v = `${OLD}."${which}Value"`;
  const s = `${OLD}."${which}Step"`;
  const ev = `excluded."${which}Value"`;
  const es = `excluded."${which}Step"`;
  return `${ev} IS NOT NULL AND (${v} IS NULL OR ${ev} ${better} ${v} OR (${ev} = ${v} AND ${es} < ${s}))`;
}

/** A summary's row, in SUMMARY_COLUMNS order: what an upsert (or a bulk insert) binds. */
export function summaryRow(runId: string, d: SummaryDelta): unknown[] {
  return [runId, d.key, d.lastStep, d.lastValue, d.minValue, d.minStep, d.maxValue, d.maxStep, d.count];
}

/** Writes a batch's deltas; call it inside the transaction that stored the points. */
export async function upsertSummaries(
  tx: RawSql,
  runId: string,
  deltas: Map<string, SummaryDelta>,
): Promise<void> {
  const rows = [...deltas.values()].map((d) => summaryRow(runId, d));
  // In-process SQLite: a prepared statement per key. A server: one statement per batch, as a round trip
  // per key (~30 a flush) cost more than the points' own insert. Keys are unique within a batch.
  const perStatement = tx.dialect.engine === "sqlite" ? 1 : 500;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await tx.run(upsertSql(chunk.length), chunk.flat());
  }
}

/** The summaries of some runs (all their keys, or the given ones). */
export async function getMetricSummaries(
  db: Db,
  runIds: readonly string[],
  keys?: readonly string[],
): Promise<MetricSummary[]> {
  if (runIds.length === 0 || keys?.length === 0) return [];
  const runs = runIds.map(() => "?").join(", ");
  const keyFilter = keys ? ` AND "key" IN (${keys.map(() => "?").join(", ")})` : "";
  return db[rawSql].all<MetricSummary>(
    `SELECT "runId", "key", "lastStep", "lastValue", "minValue", "minStep", "maxValue", "maxStep", "count"
     FROM "MetricSummary" WHERE "runId" IN (${runs})${keyFilter} ORDER BY "runId", "key"`,
    [...runIds, ...(keys ?? [])],
  );
}
