/**
 * `pnpm bench api`: the MLflow REST path on this machine, one JSON object per line.
 *   api.log_batch_points_per_s  log-batch of 1000 metrics per POST vs the trainer's own write path
 *   api.log_metric_p95_ms       single log-metric calls, sequential, after a warm-up
 *   api.search_runs_p95_ms      runs/search with a param and a metric condition over 10,000 runs
 */
import * as bench from "./measure";

const emit = (line: object) => console.log(JSON.stringify(line));

async function main() {
  const target = await bench.startBenchTarget();
  try {
    // Seeded first: a keep-alive connection left idle through minutes of seeding can be reset under the
    // next request, and writes are then measured against a project that already holds 10,000 runs.
    const seeded = await bench.seedSearchRuns(target, 10_000);
    emit(await bench.measureLogBatch(target, 200));
    emit(await bench.measureLogMetric(target, 2000, 200));
    emit(await bench.measureSearchRuns(target, seeded, 200));
  } finally {
    await target.server.close();
  }
}

await main();
