/**
 * `pnpm bench ui [all|db|readers] [runs…]`: the dashboard's server-side costs at 10,000 and 100,000 runs
 * (or the project sizes given), one JSON object per line, on the engine the test database uses (lines that
 * read it name it in "db"); `db` measures only those, as `pnpm bench ui` does on PostgreSQL; `readers` only
 * ui.compare_readers_p99_ms, on 1,000 runs. Each size seeds its own database, with the same 200-run
 * comparison in it.
 *   ui.seed_s           seeding the database (sizes in the line), runs with params, then metrics
 *   ui.compare_server_ms, ui.compare_paint_ms: see compare.ts; ui.boundary_grid_ms: see boundary.ts
 *   ui.compare_readers_p99_ms: 200 readers of one comparison over HTTP, see readers.ts (last: it signs up)
 *   ui.table_query_ms   runs.table (filter + sort + columns + paging) through the tRPC caller, p95 over
 *                       pages, cold_ms the first query after seeding; baseline = the same filter and sort
 *                       computed from Metric rows instead of MetricSummary (what the table would cost
 *                       without summaries)
 */
import { rawSqlForTests } from "@actlab/db/testing";
import { z } from "zod";
import { type BenchApi, createBenchApi } from "./bench-api";
import { measureBoundaryGrid } from "./boundary";
import { measureComparePaint, measureCompareServer } from "./compare";
import { measureCompareReaders } from "./readers";
import { emit, quantile } from "./report";
import { DEFAULT_SEED, type SeededDb, seedRunsDb, ZSeedOptions } from "./seed";

const ms = (x: number) => Number(x.toFixed(2));
const s1 = (x: number) => Number(x.toFixed(1));
const ZMode = z.enum(["all", "db", "readers"], { error: "the mode is all, db or readers" }).default("all");
const ZSizes = z
  .array(
    z.coerce
      .number({ error: "a project size is a number of runs, e.g. 100000" })
      .pipe(ZSeedOptions.shape.runs),
  )
  .transform((sizes) => (sizes.length > 0 ? sizes : [10_000, 100_000]));
/** `readers`: only the readers' measure, on a smaller table (27 of its 30 dense runs are compared). */
const READERS_SEED = { runs: 1000, denseRuns: 30, denseSteps: 10_000, epochs: 20 };

export const BENCH_FILTER = "activation in (relu, swish, gelu, mish) and val/acc > 0.8 and lr <= 0.03";
export const BENCH_SORT = { by: "max(val/acc)", dir: "desc" } as const;
export const BENCH_COLUMNS = ["lr", "hiddenLayers", "optimizer", "val/acc", "min(val/loss)", "best(val/acc)"];

/** The same filter and sort as BENCH_FILTER/BENCH_SORT, read from raw Metric rows. */
function baselineQuery(seeded: SeededDb, offset: number) {
  return rawSqlForTests(seeded.db).all(
    `SELECT r."id", (SELECT MAX("value") FROM "Metric" WHERE "runId" = r."id" AND "key" = 'val/acc') AS "sortKey",
         COUNT(*) OVER () AS "total"
       FROM "Run" r
       WHERE r."projectId" = ? AND r."activation" IN ('relu', 'swish', 'gelu', 'mish')
         AND (SELECT "value" FROM "Metric" WHERE "runId" = r."id" AND "key" = 'val/acc' ORDER BY "step" DESC LIMIT 1) > 0.8
         AND (SELECT "valueNum" FROM "Param" WHERE "runId" = r."id" AND "key" = 'lr') <= 0.03
       ORDER BY "sortKey" DESC NULLS LAST LIMIT 100 OFFSET ?`,
    [seeded.projectId, offset],
  );
}

export async function measureTableQuery(seeded: SeededDb, bench: BenchApi, queries = 200) {
  const t0 = performance.now();
  const first = await bench.api.runs.table({
    filter: BENCH_FILTER,
    sort: BENCH_SORT,
    columns: BENCH_COLUMNS,
    limit: 100,
  });
  const cold = performance.now() - t0;
  const pages = Math.max(1, Math.ceil(first.total / 100));
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const t = performance.now();
    await bench.api.runs.table({
      filter: BENCH_FILTER,
      sort: BENCH_SORT,
      columns: BENCH_COLUMNS,
      offset: (i % pages) * 100,
      limit: 100,
    });
    times.push(performance.now() - t);
  }
  const baseTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await baselineQuery(seeded, (i % pages) * 100);
    baseTimes.push(performance.now() - t);
  }
  const p95 = quantile(times, 0.95);
  const baseline = quantile(baseTimes, 0.95);
  emit({
    name: "ui.table_query_ms",
    db: seeded.db.engine,
    value: ms(p95),
    unit: "ms",
    p50: ms(quantile(times, 0.5)),
    cold_ms: ms(cold),
    queries,
    runs: seeded.runIds.length,
    matches: first.total,
    filter: BENCH_FILTER,
    sort: `${BENCH_SORT.by} ${BENCH_SORT.dir}`,
    columns: BENCH_COLUMNS.length,
    limit: 100,
    baseline: ms(baseline),
    baseline_what: `same filter+sort from Metric rows (no summaries) on ${seeded.db.engine}, p95 of 20`,
    ratio: Number((baseline / p95).toFixed(1)),
  });
}

/** Per project size: seeds once, then runs every db measurement in order against the same database. */
async function measureAtSize(runs: number, first: boolean) {
  const options = { ...DEFAULT_SEED, runs };
  const seeded = await seedRunsDb(options);
  const bench = await createBenchApi(seeded);
  try {
    emit({
      name: "ui.seed_s",
      db: seeded.db.engine,
      value: s1(seeded.seedS.runs + seeded.seedS.metrics),
      unit: "s",
      runs_s: s1(seeded.seedS.runs),
      metrics_s: s1(seeded.seedS.metrics),
      ...options,
    });
    await measureTableQuery(seeded, bench);
    await measureCompareServer(seeded, bench);
    // The page paints (and 200 readers read) the same comparison at any project size: measured once.
    if (first) {
      await measureComparePaint(seeded);
      await measureCompareReaders(seeded);
    }
  } finally {
    await bench.close();
    await seeded.close();
  }
}

export async function main() {
  const mode = ZMode.parse(process.argv[2]);
  const sizes = ZSizes.parse(process.argv.slice(3));
  if (mode === "readers") {
    const seeded = await seedRunsDb(READERS_SEED);
    try {
      await measureCompareReaders(seeded);
    } finally {
      await seeded.close();
    }
    return;
  }
  for (const [i, runs] of sizes.entries()) await measureAtSize(runs, i === 0);
  if (mode === "all") measureBoundaryGrid();
}

await main();
