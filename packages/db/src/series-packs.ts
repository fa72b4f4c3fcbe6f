/**
 * Packed series: one row per (run, key) holding its steps, values and wall times as one Float64 blob.
 * Charts read 100 runs × 10k points in ~35 ms this way, against ~400 ms row by row. A pack is a cache of
 * the Metric rows: it is valid while it holds as many points as MetricSummary counts for the series (points
 * are only ever added; a retry deletes them, their summary and the pack), and is rebuilt on read otherwise.
 */
import { type Db, rawSql } from "./client";
import type { SeriesColumns } from "./downsample";

type PackRow = { runId: string; n: number; lastStep: number; data: Buffer };

function decode(row: PackRow): SeriesColumns {
  const all = new Float64Array(row.data.buffer, row.data.byteOffset, row.n * 3);
  return {
    steps: all.subarray(0, row.n),
    values: all.subarray(row.n, 2 * row.n),
    wallMs: all.subarray(2 * row.n),
  };
}

async function build(db: Db, runId: string, key: string): Promise<PackRow | null> {
  const rows = await db[rawSql].all<{ step: number; value: number | null; wallMs: number }>(
    'SELECT "step", "value", "wallMs" FROM "Metric" WHERE "runId" = ? AND "key" = ? ORDER BY "step"',
    [runId, key],
  );
  if (rows.length === 0) return null;
  const n = rows.length;
  const all = new Float64Array(n * 3);
  rows.forEach(({ step, value, wallMs }, i) => {
    all[i] = step;
    all[n + i] = value ?? Number.NaN;
    all[2 * n + i] = wallMs;
  });
  const row: PackRow = { runId, n, lastStep: rows[n - 1]?.step as number, data: Buffer.from(all.buffer) };
  await db[rawSql].run(
    'INSERT INTO "SeriesPack" ("runId", "key", "n", "lastStep", "data") VALUES (?, ?, ?, ?, ?) ON CONFLICT ("runId", "key") DO UPDATE SET "n" = excluded."n", "lastStep" = excluded."lastStep", "data" = excluded."data"',
    [runId, key, row.n, row.lastStep, row.data],
  );
  return row;
}

/** The series of `key` for each run that has it, as columns (NaN where a value was not finite). */
export async function readSeriesColumns(
  db: Db,
  runIds: readonly string[],
  key: string,
): Promise<Map<string, SeriesColumns>> {
  const out = new Map<string, SeriesColumns>();
  if (runIds.length === 0) return out;
  const packs = new Map<string, PackRow>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db[rawSql].all<PackRow>(
      `SELECT "runId", "n", "lastStep", "data" FROM "SeriesPack" WHERE "key" = ? AND "runId" IN (${chunk.map(() => "?").join(",")})`,
      [key, ...chunk],
    );
    for (const r of rows) packs.set(r.runId, r);
  }
  // MetricSummary counts every stored point of a series: a pack with that many points is current.
  const counts = new Map<string, number>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db[rawSql].all<{ runId: string; count: number }>(
      `SELECT "runId", "count" FROM "MetricSummary" WHERE "key" = ? AND "runId" IN (${chunk.map(() => "?").join(",")})`,
      [key, ...chunk],
    );
    for (const r of rows) counts.set(r.runId, r.count);
  }
  for (const runId of runIds) {
    const count = counts.get(runId);
    if (!count) continue;
    const pack = packs.get(runId);
    const fresh = pack && pack.n === count ? pack : await build(db, runId, key);
    if (fresh) out.set(runId, decode(fresh));
  }
  return out;
}
