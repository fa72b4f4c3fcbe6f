/**
 * Downsampled series kept per (run, key, bucket count): a whole-range chart of 200 runs × 10,000 steps
 * then reads ~12 KB a series instead of its 240 KB pack and downsamples nothing. A row is a cache of
 * downsample() on the series' pack, current while it was built from as many points as MetricSummary
 * counts (points are only added; a retry deletes the pack, which deletes its rows), rebuilt on read otherwise.
 */
import { type Db, rawSql } from "./client";
import { type Downsampled, downsample } from "./downsample";
import { readSeriesColumns } from "./series-packs";

/** What a chart draws besides steps and values: read only when asked for. */
export type DownsampleParts = { extremes: boolean; wall: boolean };

type CachedRow = {
  runId: string;
  n: number;
  steps: Buffer;
  values: Buffer;
  min?: Buffer;
  max?: Buffer;
  wallMs?: Buffer;
};

const f64 = (xs: readonly (number | null)[]) =>
  Buffer.from(Float64Array.from(xs, (x) => x ?? Number.NaN).buffer);
const int32 = (xs: readonly number[]) => Buffer.from(Int32Array.from(xs).buffer);

/** A kept downsample as typed arrays over its bytes: no per-number copy or boxing (NaN where null). */
export type KeptDownsample = {
  steps: Int32Array;
  values: Float64Array;
  min: Float64Array;
  max: Float64Array;
  wallMs: Float64Array;
  total: number;
};

/** A view when the driver's buffer is aligned for the type (it may sit anywhere in a shared pool), else a copy. */
function view<T extends Int32Array | Float64Array>(
  b: Buffer | undefined,
  Type: { new (buffer: ArrayBuffer, offset?: number, length?: number): T; BYTES_PER_ELEMENT: number },
): T {
  if (!b) return new Type(new ArrayBuffer(0));
  const size = Type.BYTES_PER_ELEMENT;
  if (b.byteOffset % size === 0) return new Type(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength / size);
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Type(copy.buffer, 0, b.byteLength / size);
}

function decode(row: CachedRow): KeptDownsample {
  return {
    steps: view(row.steps, Int32Array),
    values: view(row.values, Float64Array),
    // Not read (the caller did not ask for them): empty.
    min: view(row.min, Float64Array),
    max: view(row.max, Float64Array),
    wallMs: view(row.wallMs, Float64Array),
    total: row.n,
  };
}

const UPSERT = `INSERT INTO "SeriesDownsample" ("runId", "key", "buckets", "n", "steps", "values", "min", "max", "wallMs")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("runId", "key", "buckets") DO UPDATE SET "n" = excluded."n", "steps" = excluded."steps",
    "values" = excluded."values", "min" = excluded."min", "max" = excluded."max", "wallMs" = excluded."wallMs"`;

/**
 * Bucket counts worth keeping: multiples of 200 (the web asks for multiples of 400, by chart width). Any
 * other count is bucketed from the packs and not stored, so no client can fill the table with variants.
 */
export const keepsDownsample = (buckets: number) => buckets % 200 === 0 && buckets <= 4000;

/** `key` of each run that has it, downsampled over its whole range to `buckets`, in `runIds` order. */
export async function readWholeSeriesDownsampled(
  db: Db,
  runIds: readonly string[],
  key: string,
  buckets: number,
  parts: DownsampleParts,
): Promise<Map<string, Downsampled | KeptDownsample>> {
  const counts = new Map<string, number>();
  const cached = new Map<string, CachedRow>();
  const columns = [
    '"runId"',
    '"n"',
    '"steps"',
    '"values"',
    ...(parts.extremes ? ['"min"', '"max"'] : []),
    ...(parts.wall ? ['"wallMs"'] : []),
  ].join(", ");
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const marks = chunk.map(() => "?").join(",");
    for (const r of await db[rawSql].all<{ runId: string; count: number }>(
      `SELECT "runId", "count" FROM "MetricSummary" WHERE "key" = ? AND "runId" IN (${marks})`,
      [key, ...chunk],
    ))
      counts.set(r.runId, r.count);
    for (const r of await db[rawSql].all<CachedRow>(
      `SELECT ${columns} FROM "SeriesDownsample" WHERE "key" = ? AND "buckets" = ? AND "runId" IN (${marks})`,
      [key, buckets, ...chunk],
    ))
      cached.set(r.runId, r);
  }
  const stale = runIds.filter((id) => counts.get(id) && cached.get(id)?.n !== counts.get(id));
  const built = new Map<string, Downsampled>();
  for (const [runId, series] of await readSeriesColumns(db, stale, key)) {
    const d = downsample(series, buckets);
    built.set(runId, d);
    await db[rawSql].run(UPSERT, [
      runId,
      key,
      buckets,
      d.total,
      int32(d.steps),
      f64(d.values),
      f64(d.min),
      f64(d.max),
      f64(d.wallMs),
    ]);
  }
  const out = new Map<string, Downsampled | KeptDownsample>();
  for (const runId of runIds) {
    const fresh = built.get(runId);
    const row = cached.get(runId);
    if (fresh) out.set(runId, fresh);
    else if (row && row.n === counts.get(runId)) out.set(runId, decode(row));
  }
  return out;
}
